package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.lifecycle.api.ProgressEvent;

/** The operation running: the step now, what it waits for, a progress bar, and the live log (follows the newest line). */
public final class ProgressView extends VBox {

    public ProgressView(ProgressModel model, UiTexts texts, ErrorPresenter presenter) {
        OperationTexts words = new OperationTexts(texts);
        setId("ops-progress");
        setSpacing(8);
        ListView<ProgressEvent> log = eventLog(model, texts, words);
        VBox.setVgrow(log, Priority.ALWAYS);
        Label logTitle = new Label();
        logTitle.textProperty().bind(texts.bind("ops.progress.log"));
        HBox heading = new HBox(8, logTitle);
        heading.setAlignment(Pos.CENTER_LEFT);
        MessageCard failure = new MessageCard(texts, presenter, model.failureProperty());
        getChildren().addAll(stepLabel(model, texts, words), nowLabel(model, texts), progressBar(model),
                cancellingLabel(model, texts), failure, heading, log);
    }

    /** "Step n of m: …", or "starting" before the first step. */
    private static Label stepLabel(ProgressModel model, UiTexts texts, OperationTexts words) {
        Label step = Labels.wrapping("ops-progress-step");
        step.getStyleClass().add(Styles.TEXT_BOLD);
        step.textProperty().bind(Bindings.createStringBinding(() -> model.currentStepProperty().get() == null
                ? texts.get("ops.progress.starting")
                : words.stepLine(model.currentStepProperty().get().step(), model.stepCountProperty().get()),
                model.currentStepProperty(), model.stepCountProperty(), texts.messagesProperty()));
        return step;
    }

    /** What the running step waits for now. */
    private static Label nowLabel(ProgressModel model, UiTexts texts) {
        Label now = Labels.wrapping("ops-progress-now");
        now.textProperty().bind(Bindings.createStringBinding(() -> {
            ProgressEvent.StepProgress progress = model.currentProgressProperty().get();
            return progress == null ? "" : texts.get(progress.messageKey(), progress.params().toArray());
        }, model.currentProgressProperty(), texts.messagesProperty()));
        return now;
    }

    /** Indeterminate until a step finished, then the share of finished steps; full once a result is in. */
    private static ProgressBar progressBar(ProgressModel model) {
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            if (!model.runningProperty().get()) {
                return model.resultProperty().get() == null ? 0.0 : 1.0;
            }
            long finished = model.events().stream().filter(e -> e instanceof ProgressEvent.StepFinished).count();
            int total = Math.max(1, model.stepCountProperty().get());
            return finished == 0 ? -1.0 : Math.min(1.0, finished / (double) total);
        }, model.runningProperty(), model.events(), model.resultProperty(), model.stepCountProperty()));
        return bar;
    }

    private static Label cancellingLabel(ProgressModel model, UiTexts texts) {
        Label cancelling = new Label();
        cancelling.setId("ops-progress-cancelling");
        cancelling.setWrapText(true);
        cancelling.getStyleClass().add(Styles.WARNING);
        cancelling.textProperty().bind(texts.bind("ops.progress.cancelling"));
        cancelling.visibleProperty().bind(model.cancelRequestedProperty().and(model.runningProperty()));
        cancelling.managedProperty().bind(cancelling.visibleProperty());
        return cancelling;
    }

    /** The live log; it follows the newest line. */
    private static ListView<ProgressEvent> eventLog(ProgressModel model, UiTexts texts, OperationTexts words) {
        ListView<ProgressEvent> log = new ListView<>(model.events());
        log.setId("ops-progress-log");
        log.setCellFactory(list -> new ListCell<>() {
            {
                // Long lines wrap instead of running off the right edge (the cell takes the list's width).
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(ProgressEvent item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : words.eventLine(item, model.stepCountProperty().get()));
                getStyleClass().removeAll(Styles.TEXT_MUTED);
                if (item instanceof ProgressEvent.StepLog) {
                    getStyleClass().add(Styles.TEXT_MUTED);
                }
            }
        });
        model.events().addListener((ListChangeListener<ProgressEvent>) change -> {
            if (!model.events().isEmpty()) {
                log.scrollTo(model.events().size() - 1);
            }
        });
        texts.messagesProperty().addListener((obs, old, value) -> log.refresh());
        return log;
    }
}
