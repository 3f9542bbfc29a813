package org.iepmp.app.gui.installed;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.NamedCell;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.UiTexts;

/** A pod's log with Follow, Pause, Copy and Refresh; while following and not paused it keeps the newest line in view. */
public final class PodLogPane extends VBox {

    public PodLogPane(PodLogViewModel model, UiTexts texts, ErrorPresenter presenter) {
        setId("installed-logs");
        setSpacing(6);
        setPadding(new Insets(6, 0, 0, 0));
        FlowPane controls = new FlowPane(8, 6, podChoice(model), followToggle(model, texts), pauseToggle(model, texts),
                copyButton(model, texts), refreshButton(model, texts), busyIndicator(model), stateLabel(model, texts));
        controls.setAlignment(Pos.CENTER_LEFT);
        ListView<String> lines = lineList(model, new Labels(texts));
        VBox.setVgrow(lines, Priority.ALWAYS);
        MessageCard failure = new MessageCard(texts, presenter, model.failureProperty());
        getChildren().addAll(controls, failure, lines);
    }

    private static ComboBox<String> podChoice(PodLogViewModel model) {
        ComboBox<String> pod = new ComboBox<>(model.pods());
        pod.setId("logs-pod");
        pod.valueProperty().bindBidirectional(model.podProperty());
        pod.getStyleClass().add("log-pod");
        pod.setButtonCell(new NamedCell<>(name -> name));
        return pod;
    }

    private static ToggleButton followToggle(PodLogViewModel model, UiTexts texts) {
        ToggleButton follow = new ToggleButton();
        follow.setId("logs-follow");
        follow.textProperty().bind(texts.bind("updates.logs.follow"));
        follow.selectedProperty().bindBidirectional(model.followProperty());
        return follow;
    }

    /** Pause holds new lines back while following; it says how many are held. */
    private static ToggleButton pauseToggle(PodLogViewModel model, UiTexts texts) {
        ToggleButton pause = new ToggleButton();
        pause.setId("logs-pause");
        pause.textProperty().bind(Bindings.createStringBinding(() -> model.pausedProperty().get()
                ? texts.get("updates.logs.resume") : texts.get("updates.logs.pause"), model.pausedProperty(),
                texts.messagesProperty()));
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.disableProperty().bind(model.followProperty().not());
        return pause;
    }

    private static Button copyButton(PodLogViewModel model, UiTexts texts) {
        Button copy = new Button();
        copy.setId("logs-copy");
        copy.textProperty().bind(texts.bind("updates.logs.copy"));
        copy.disableProperty().bind(Bindings.isEmpty(model.lines()));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.text());
            Clipboard.getSystemClipboard().setContent(content);
        });
        return copy;
    }

    private static Button refreshButton(PodLogViewModel model, UiTexts texts) {
        Button refresh = new Button();
        refresh.setId("logs-refresh");
        refresh.textProperty().bind(texts.bind("updates.logs.refresh"));
        refresh.disableProperty().bind(model.podProperty().isNull());
        refresh.setOnAction(e -> model.refresh());
        return refresh;
    }

    private static ProgressIndicator busyIndicator(PodLogViewModel model) {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(24, 24);
        busy.visibleProperty().bind(model.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        return busy;
    }

    private static Label stateLabel(PodLogViewModel model, UiTexts texts) {
        Label state = new Label();
        state.setId("logs-state");
        state.getStyleClass().add(Styles.TEXT_MUTED);
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.pausedProperty().get() && model.followProperty().get()) {
                return texts.get("updates.logs.held", model.heldProperty().get());
            }
            return model.streamingProperty().get() ? texts.get("updates.logs.streaming") : "";
        }, model.pausedProperty(), model.followProperty(), model.heldProperty(), model.streamingProperty(),
                texts.messagesProperty()));
        return state;
    }

    /** The lines; while following and not paused the newest stays in view. */
    private static ListView<String> lineList(PodLogViewModel model, Labels labels) {
        ListView<String> lines = new ListView<>(model.lines());
        lines.setId("logs-lines");
        lines.getStyleClass().add("log-lines");
        lines.placeholderProperty().bind(Bindings.createObjectBinding(() -> labels.paragraph(
                model.pods().isEmpty() ? "updates.logs.noPods" : "updates.logs.empty"), model.pods()));
        model.lines().addListener((ListChangeListener<String>) change -> {
            if (model.followProperty().get() && !model.pausedProperty().get() && !model.lines().isEmpty()) {
                lines.scrollTo(model.lines().size() - 1);
            }
        });
        return lines;
    }
}
