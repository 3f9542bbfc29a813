package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.StepResult;

/**
 * How the operation ended, in plain words: the verdict, the engine's sentence (what failed and
 * what the automatic rollback restored), every step's outcome, and what to do next.
 */
public final class ResultView extends VBox {

    private final UiTexts texts;
    private final OperationTexts words;

    /**
     * The result page of a flow: also the state an interrupted operation was found in (with roll back
     * / retry), and, when {@code links} is given, the way to the History entry and the support bundle.
     */
    public ResultView(OperationFlowModel flow, UiTexts texts, ResultLinks links) {
        this(flow.resultProperty(), texts);
        getChildren().addAll(0, resumedPart(flow));
        // Why it failed and how the restored version is, in the cluster's plain words from the progress events.
        Label why = Labels.wrapping("wizard-result-why");
        why.getStyleClass().add(Styles.TEXT_BOLD);
        why.textProperty().bind(Bindings.createStringBinding(() -> failureStory(flow, texts), flow.resultProperty(),
                flow.progress().events(), texts.messagesProperty()));
        why.visibleProperty().bind(why.textProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        getChildren().add(getChildren().indexOf(lookupById("ops-result-sentence")) + 1, why);
        if (links != null) {
            getChildren().add(linkRow(flow, links));
        }
    }

    /** An operation a crash interrupted: what was found, and roll back / retry where they apply. */
    private java.util.List<javafx.scene.Node> resumedPart(OperationFlowModel flow) {
        Label resumedTitle = Labels.wrapping("wizard-resumed-title");
        resumedTitle.getStyleClass().addAll(Styles.TITLE_4, Styles.WARNING);
        Label resumedText = Labels.wrapping("wizard-resumed-text");
        ObservableValue<Resumed> resumed = flow.resumedProperty();
        resumedTitle.textProperty().bind(Bindings.createStringBinding(() -> resumed.getValue() == null ? ""
                : texts.get("wizard.resumed.title", words.action(resumed.getValue().operation().action()),
                        resumed.getValue().operation().releaseName(), OperationTexts.versions(resumed.getValue().operation().fromVersion(),
                                resumed.getValue().operation().toVersion())), resumed, texts.messagesProperty()));
        resumedText.textProperty().bind(Bindings.createStringBinding(() -> resumed.getValue() == null ? ""
                : texts.get(resumed.getValue().reconciliation().sentenceKey(), resumed.getValue().reconciliation().params().toArray())
                        + "\n" + texts.get("wizard.resumed.choose"), resumed, texts.messagesProperty()));
        javafx.scene.control.Button rollBack = button("wizard-resumed-rollback");
        rollBack.textProperty().bind(Bindings.createStringBinding(() -> resumed.getValue() == null
                || resumed.getValue().rollbackTarget() == null ? ""
                : texts.get("wizard.resumed.rollback", resumed.getValue().rollbackTarget().toVersion()), resumed, texts.messagesProperty()));
        rollBack.visibleProperty().bind(Bindings.createBooleanBinding(() -> resumed.getValue() != null
                && resumed.getValue().rollbackTarget() != null, resumed));
        rollBack.setOnAction(e -> flow.followUp(OperationFlowModel.FollowUp.ROLL_BACK));
        javafx.scene.control.Button retry = button("wizard-resumed-retry");
        retry.textProperty().bind(Bindings.createStringBinding(() -> resumed.getValue() == null
                || resumed.getValue().retryVersion() == null ? ""
                : texts.get("wizard.resumed.retry", resumed.getValue().retryVersion()), resumed, texts.messagesProperty()));
        retry.visibleProperty().bind(Bindings.createBooleanBinding(() -> resumed.getValue() != null
                && resumed.getValue().retryVersion() != null, resumed));
        retry.setOnAction(e -> flow.followUp(OperationFlowModel.FollowUp.RETRY));
        for (javafx.scene.Node node : new javafx.scene.Node[] {resumedTitle, resumedText}) {
            node.visibleProperty().bind(Bindings.createBooleanBinding(() -> resumed.getValue() != null, resumed));
        }
        // Buttons that do not fit side by side (150 %, Chinese) move to a second line instead of being clipped.
        org.iepmp.app.gui.common.ActionRow choices = new org.iepmp.app.gui.common.ActionRow(rollBack, retry);
        choices.visibleProperty().bind(resumedTitle.visibleProperty());
        for (javafx.scene.Node node : new javafx.scene.Node[] {resumedTitle, resumedText, choices, rollBack, retry}) {
            node.managedProperty().bind(node.visibleProperty());
        }
        return java.util.List.of(resumedTitle, resumedText, choices);
    }

    /** The way on from a result: its History entry, the support bundle. */
    private org.iepmp.app.gui.common.ActionRow linkRow(OperationFlowModel flow, ResultLinks links) {
        ObservableValue<Resumed> resumed = flow.resumedProperty();
        javafx.scene.control.Button history = button("wizard-result-history");
        history.textProperty().bind(texts.bind("wizard.result.history"));
        history.getStyleClass().add(Styles.BUTTON_OUTLINED);
        history.setOnAction(e -> {
            long id = flow.resultProperty().get() != null ? flow.resultProperty().get().operationId()
                    : resumed.getValue().operation().id();
            flow.cancel();
            links.showHistory(id);
        });
        javafx.scene.control.Button bundle = button("wizard-result-bundle");
        bundle.textProperty().bind(texts.bind("wizard.result.bundle"));
        bundle.getStyleClass().add(Styles.BUTTON_OUTLINED);
        bundle.setOnAction(e -> {
            flow.cancel();
            links.supportBundle();
        });
        org.iepmp.app.gui.common.ActionRow linkRow = new org.iepmp.app.gui.common.ActionRow(history, bundle);
        linkRow.visibleProperty().bind(Bindings.createBooleanBinding(() -> flow.resultProperty().get() != null
                || resumed.getValue() != null, flow.resultProperty(), resumed));
        linkRow.managedProperty().bind(linkRow.visibleProperty());
        return linkRow;
    }

    /** A success's health summary, or "why it failed" and the restored version's health; else empty. */
    private static String failureStory(OperationFlowModel flow, UiTexts texts) {
        OperationResult done = flow.resultProperty().get();
        if (done == null || done.outcome() == OperationOutcome.CANCELLED) {
            return "";
        }
        if (done.outcome() == OperationOutcome.SUCCEEDED) {
            // The summary of a success: each package's "running and healthy" sentence of the verification.
            return flow.progress().events().stream().filter(e -> e instanceof org.iepmp.lifecycle.api.ProgressEvent.StepProgress p
                    && p.messageKey().equals("lifecycle.progress.healthy"))
                    .map(e -> (org.iepmp.lifecycle.api.ProgressEvent.StepProgress) e)
                    .map(p -> texts.get(p.messageKey(), p.params().toArray())).collect(java.util.stream.Collectors.joining("\n"));
        }
        String reason = null;
        String restoredHealth = null;
        boolean restoring = false;
        for (org.iepmp.lifecycle.api.ProgressEvent event : flow.progress().events()) {
            if (event instanceof org.iepmp.lifecycle.api.ProgressEvent.RollbackStarted) {
                restoring = true;
            } else if (event instanceof org.iepmp.lifecycle.api.ProgressEvent.StepProgress progress) {
                if (!restoring && !progress.messageKey().startsWith("lifecycle.")) {
                    reason = texts.get(progress.messageKey(), progress.params().toArray());
                } else if (restoring && progress.messageKey().equals("lifecycle.progress.healthy")) {
                    restoredHealth = texts.get(progress.messageKey(), progress.params().toArray());
                }
            }
        }
        StringBuilder story = new StringBuilder();
        if (reason != null) {
            story.append(texts.get("wizard.result.why", reason));
        }
        if (restoredHealth != null) {
            story.append(story.length() > 0 ? "\n" : "").append(restoredHealth);
        }
        return story.toString();
    }

    private javafx.scene.Node lookupById(String id) {
        return getChildren().stream().filter(n -> id.equals(n.getId())).findFirst().orElseThrow();
    }

    private static javafx.scene.control.Button button(String id) {
        javafx.scene.control.Button button = new javafx.scene.control.Button();
        button.setId(id);
        button.setMinHeight(44);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    public ResultView(ObservableValue<OperationResult> result, UiTexts texts) {
        this.texts = texts;
        this.words = new OperationTexts(texts);
        setId("ops-result");
        setSpacing(10);
        Label title = Labels.wrapping("ops-result-title");
        title.getStyleClass().add(Styles.TITLE_4);
        Label sentence = Labels.wrapping("ops-result-sentence");
        Label steps = Labels.wrapping("ops-result-steps");
        Label restored = Labels.wrapping("ops-result-restored");
        Label next = Labels.wrapping("ops-result-next");
        next.getStyleClass().add(Styles.TEXT_BOLD);
        Label record = Labels.wrapping("ops-result-record");
        record.getStyleClass().add(Styles.TEXT_MUTED);

        title.textProperty().bind(bind(result, r -> switch (r.outcome()) {
            case SUCCEEDED -> texts.get("ops.result.title.succeeded");
            case ROLLED_BACK -> texts.get("ops.result.title.rolledBack");
            case CANCELLED -> texts.get("ops.result.title.cancelled");
            default -> texts.get("ops.result.title.failed");
        }));
        result.addListener((obs, old, r) -> {
            title.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
            if (r != null) {
                title.getStyleClass().add(r.outcome() == OperationOutcome.SUCCEEDED ? Styles.SUCCESS
                        : r.outcome() == OperationOutcome.CANCELLED ? Styles.WARNING : Styles.DANGER);
            }
        });
        // A success is said by the title and the step list; the engine's summary of it is language-neutral text.
        sentence.textProperty().bind(bind(result, r -> r.messageKey() == null || r.outcome() == OperationOutcome.SUCCEEDED ? ""
                : texts.get(r.messageKey(), r.params().toArray())));
        steps.textProperty().bind(bind(result, r -> r.steps().isEmpty() ? "" : texts.get("ops.result.steps") + "\n" + lines(r, false)));
        restored.textProperty().bind(bind(result, r -> r.restored().isEmpty() ? ""
                : texts.get("ops.result.restored") + "\n" + lines(r, true)));
        next.textProperty().bind(bind(result, r -> switch (r.outcome()) {
            case SUCCEEDED -> texts.get("ops.result.next.succeeded");
            case ROLLED_BACK -> texts.get("ops.result.next.rolledBack");
            case CANCELLED -> texts.get("ops.result.next.cancelled");
            default -> r.restored().isEmpty() && r.steps().isEmpty() ? texts.get("ops.result.next.blocked")
                    : texts.get("ops.result.next.failed");
        }));
        record.textProperty().bind(bind(result, r -> texts.get("ops.result.record", r.operationId())));
        // Empty lines take no room (a resumed operation's page has no result yet).
        for (Label label : new Label[] {title, sentence, steps, restored, next, record}) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
        getChildren().addAll(title, sentence, steps, restored, next, record);
    }

    private String lines(OperationResult result, boolean restored) {
        StringBuilder text = new StringBuilder();
        for (StepResult step : restored ? result.restored() : result.steps()) {
            text.append("  • ").append(texts.get("ops.result.stepLine", step.sequence(), words.action(step.action()),
                    step.packageName(), words.outcome(step.outcome()))).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private ObservableValue<String> bind(ObservableValue<OperationResult> result,
                                         java.util.function.Function<OperationResult, String> text) {
        return Bindings.createStringBinding(() -> result.getValue() == null ? "" : text.apply(result.getValue()), result,
                texts.messagesProperty());
    }

}
