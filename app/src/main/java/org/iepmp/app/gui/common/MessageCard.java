package org.iepmp.app.gui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.dialog.UserMessage;

/**
 * An inline explanation of a failure: what happened, what to do, and collapsed details.
 * Re-renders when the language changes, because it keeps the error, not its text.
 */
public final class MessageCard extends VBox {

    public MessageCard(UiTexts texts, ErrorPresenter presenter, ObservableValue<Throwable> error) {
        Label what = new Label();
        what.getStyleClass().addAll(Styles.TEXT_BOLD, "message-what");
        what.setWrapText(true);
        what.setId("message-what");
        Label hint = new Label();
        hint.setWrapText(true);
        hint.setId("message-hint");
        TextArea detailText = new TextArea();
        detailText.setEditable(false);
        detailText.setPrefRowCount(6);
        TitledPane details = new TitledPane();
        details.textProperty().bind(texts.bind("app.dialog.details"));
        details.setContent(detailText);
        details.setExpanded(false);
        details.setAnimated(false);

        var message = Bindings.createObjectBinding(
                () -> error.getValue() == null ? null : presenter.present(error.getValue(), texts.messages()),
                error, texts.messagesProperty());
        what.textProperty().bind(Bindings.createStringBinding(
                () -> message.get() == null ? "" : message.get().what(), message));
        hint.textProperty().bind(Bindings.createStringBinding(
                () -> message.get() == null ? "" : message.get().whatToDo(), message));
        detailText.textProperty().bind(Bindings.createStringBinding(
                () -> message.get() == null ? "" : detailsOf(message.get()), message));

        getChildren().addAll(what, hint, details);
        getStyleClass().add("message-card");
        setSpacing(6);
        visibleProperty().bind(error.map(e -> true).orElse(false));
        managedProperty().bind(visibleProperty());
    }

    private static String detailsOf(UserMessage message) {
        return message.details() == null ? "" : message.details();
    }
}
