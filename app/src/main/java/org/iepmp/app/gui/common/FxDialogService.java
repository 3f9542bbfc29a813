package org.iepmp.app.gui.common;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.iepmp.app.dialog.DialogService;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.dialog.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dialogs as JavaFX alerts owned by the main window, in the active language and font. */
public final class FxDialogService implements DialogService {

    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

    private final UiTexts texts;
    private final ErrorPresenter presenter;
    private final Supplier<Window> owner;

    public FxDialogService(UiTexts texts, ErrorPresenter presenter, Supplier<Window> owner) {
        this.texts = texts;
        this.presenter = presenter;
        this.owner = owner;
    }

    @Override
    public void showError(Throwable error) {
        LOG.error("Error shown to the user", error);
        showError(presenter.present(error, texts.messages()));
    }

    @Override
    public void showError(UserMessage message) {
        Alert alert = newAlert(Alert.AlertType.ERROR, message.title());
        alert.setHeaderText(message.what());
        Label hint = new Label(message.whatToDo());
        hint.setWrapText(true);
        alert.getDialogPane().setContent(hint);
        if (message.details() != null && !message.details().isBlank()) {
            TextArea details = new TextArea(message.details());
            details.setEditable(false);
            details.setWrapText(false);
            details.setPrefRowCount(12);
            VBox expandable = new VBox(new Label(texts.get("app.dialog.details")), details);
            alert.getDialogPane().setExpandableContent(expandable);
        }
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        Alert alert = newAlert(Alert.AlertType.CONFIRMATION, title);
        alert.setHeaderText(question);
        ButtonType ok = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("app.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(ok, cancel);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == ok;
    }

    @Override
    public void showInfo(String title, String text) {
        Alert alert = newAlert(Alert.AlertType.INFORMATION, title);
        alert.setHeaderText(text);
        alert.showAndWait();
    }

    private Alert newAlert(Alert.AlertType type, String title) {
        Alert alert = new Alert(type);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
            if (window.getScene() != null && window.getScene().getRoot() != null) {
                // Carry font and zoom over: the dialog is a new scene and would fall back to boxes for CJK.
                alert.getDialogPane().setStyle(window.getScene().getRoot().getStyle());
                alert.getDialogPane().getStylesheets().setAll(window.getScene().getStylesheets());
            }
        }
        DialogFit.keepOnScreen(alert, window);
        alert.setTitle(title);
        alert.getButtonTypes().stream().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst()
                .ifPresent(b -> ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(b))
                        .setText(texts.get("app.dialog.ok")));
        return alert;
    }
}
