package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.operation.UpdateRunModel.Part;
import org.iepmp.app.gui.operation.UpdateRunModel.PartStatus;

/**
 * The pages of "Update all" after Choose, each made of the single update wizard's pieces: per
 * package its review ({@link UpgradeReviewView}), its checks ({@link PreflightView}), its live log
 * ({@link ProgressView}) and its result ({@link ResultView}), in sections in the run's order.
 */
final class UpdateRunPages {

    private final UpdateRunModel run;
    private final UiTexts texts;
    private final ErrorPresenter presenter;

    UpdateRunPages(UpdateRunModel run, UiTexts texts, ErrorPresenter presenter) {
        this.run = run;
        this.texts = texts;
        this.presenter = presenter;
    }

    /** "mqtt-broker: v1.0.0 → v1.1.0" (the version chosen now). */
    static String heading(Part part) {
        OperationFlowModel flow = part.flow();
        UpgradeChoice chosen = flow.upgradeChoiceProperty().get();
        return flow.spec().releaseName() + ": " + OperationTexts.versions(flow.spec().upgrade().installedVersion(),
                chosen == null ? null : chosen.version());
    }

    /** Review: a section per package taking part, with its plan, its settings form and "Update the plan". */
    Node review() {
        VBox sections = new VBox(8);
        sections.setPadding(new Insets(0, 6, 0, 0));
        for (Part part : run.parts()) {
            OperationFlowModel flow = part.flow();
            UpgradeReviewView review = new UpgradeReviewView(flow, texts);
            // In em, so a package's review grows with the zoom (the page scrolls) instead of squeezing its tables.
            review.setStyle("-fx-pref-height: 28em; -fx-min-height: 24em;");
            ProgressIndicator planning = new ProgressIndicator();
            planning.setMaxSize(40, 40);
            planning.visibleProperty().bind(flow.planningProperty());
            StackPane body = new StackPane(review, planning);
            MessageCard failure = new MessageCard(texts, presenter, flow.failureProperty());
            TitledPane section = section("wizard-run-review-" + flow.spec().releaseName(), part, new VBox(6, failure, body));
            sections.getChildren().add(section);
        }
        return scrolling("wizard-run-review", sections);
    }

    /** Check: every package's checks, then one go-ahead (reason, ticket, warnings, maintenance window) for the run. */
    Node check() {
        VBox sections = new VBox(8);
        for (Part part : run.parts()) {
            sections.getChildren().add(section("wizard-run-check-" + part.flow().spec().releaseName(), part,
                    new PreflightView(part.flow().preflight(), texts, presenter, true)));
        }
        Label verdict = new Label();
        verdict.setId("ops-preflight-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add(Styles.TEXT_BOLD);
        verdict.textProperty().bind(Bindings.createStringBinding(() -> run.busyProperty().get() ? texts.get("ops.preflight.running")
                : run.blockedProperty().get() ? texts.get("ops.preflight.blocked")
                : run.hasWarningsProperty().get() ? texts.get("ops.preflight.warnings") : texts.get("ops.preflight.allPassed"),
                run.busyProperty(), run.blockedProperty(), run.hasWarningsProperty(), texts.messagesProperty()));
        run.blockedProperty().addListener((obs, old, blocked) -> {
            verdict.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            verdict.getStyleClass().add(blocked ? Styles.DANGER : Styles.SUCCESS);
        });
        ScrollPane checks = scrolling("wizard-run-checks", sections);
        VBox.setVgrow(checks, Priority.ALWAYS);
        checks.setMinHeight(120);
        VBox page = new VBox(8, verdict, checks);
        page.getChildren().addAll(PreflightView.goAhead(texts, run.warningsAcceptedProperty(),
                run.hasWarningsProperty().and(run.blockedProperty().not()), run.reasonProperty(), run.ticketProperty(),
                run.maintenanceConfirmedProperty(), Bindings.createBooleanBinding(() -> true)));
        page.setId("wizard-run-check");
        return page;
    }

    /** Apply: where each package stands, beside the live log of the one running now. */
    Node progress() {
        VBox statuses = new VBox(6);
        statuses.setId("wizard-run-statuses");
        statuses.setPadding(new Insets(4, 8, 4, 4));
        StackPane logs = new StackPane();
        for (Part part : run.parts()) {
            Label line = statusLine(part, "wizard-run-status-");
            line.visibleProperty().bind(part.includedProperty());
            line.managedProperty().bind(line.visibleProperty());
            statuses.getChildren().add(line);
            ProgressView log = new ProgressView(part.flow().progress(), texts, presenter);
            log.visibleProperty().bind(run.currentProperty().isEqualTo(part));
            logs.getChildren().add(log);
        }
        ScrollPane left = scrolling("wizard-run-status-list", statuses);
        left.setPrefWidth(300);
        left.setMinWidth(200);
        HBox.setHgrow(logs, Priority.ALWAYS);
        HBox page = new HBox(12, left, logs);
        page.setId("wizard-run-progress");
        return page;
    }

    /** Result: the run in a sentence, then each package (updated / rolled back / not started) with its own result and History link. */
    Node result(ResultLinks links) {
        Label summary = new Label();
        summary.setId("wizard-run-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add(Styles.TITLE_4);
        summary.textProperty().bind(Bindings.createStringBinding(this::summary, run.pageProperty(), texts.messagesProperty()));
        run.pageProperty().addListener((obs, old, page) -> {
            summary.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (page == OperationFlowModel.Page.RESULT) {
                summary.getStyleClass().add(allUpdated() ? Styles.SUCCESS : Styles.DANGER);
            }
        });
        VBox sections = new VBox(8);
        for (Part part : run.parts()) {
            sections.getChildren().add(resultBlock(part, links));
        }
        VBox content = new VBox(10, summary, sections);
        if (links != null) {
            Button bundle = linkButton("wizard-result-bundle", "wizard.result.bundle");
            bundle.setOnAction(e -> {
                run.cancel();
                links.supportBundle();
            });
            content.getChildren().add(bundle);
        }
        return scrolling("wizard-run-result", content);
    }

    private Button linkButton(String id, String key) {
        Button button = new Button();
        button.setId(id);
        button.setMinHeight(44);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.getStyleClass().add(Styles.BUTTON_OUTLINED);
        button.textProperty().bind(texts.bind(key));
        return button;
    }

    /** One package of the run: its status line, its History link once it has a result, and that result. */
    private VBox resultBlock(Part part, ResultLinks links) {
        OperationFlowModel flow = part.flow();
        String pkg = flow.spec().releaseName();
        Label line = statusLine(part, "wizard-run-result-");
        HBox.setHgrow(line, Priority.ALWAYS);
        HBox head = new HBox(8, line);
        head.setAlignment(Pos.CENTER_LEFT);
        if (links != null) {
            Button history = linkButton("wizard-run-history-" + pkg, "wizard.result.history");
            history.visibleProperty().bind(flow.resultProperty().isNotNull());
            history.managedProperty().bind(history.visibleProperty());
            history.setOnAction(e -> {
                long id = flow.resultProperty().get().operationId();
                run.cancel();
                links.showHistory(id);
            });
            head.getChildren().add(history);
        }
        ResultView detail = new ResultView(flow, texts, null);
        detail.visibleProperty().bind(flow.resultProperty().isNotNull());
        detail.managedProperty().bind(detail.visibleProperty());
        detail.setPadding(new Insets(0, 0, 0, 16));
        VBox block = new VBox(4, head, detail);
        block.setId("wizard-run-result-" + pkg + "-block");
        block.visibleProperty().bind(part.includedProperty());
        block.managedProperty().bind(block.visibleProperty());
        return block;
    }

    private boolean allUpdated() {
        return run.included().stream().allMatch(p -> p.statusProperty().get() == PartStatus.UPDATED);
    }

    private String summary() {
        if (run.pageProperty().get() != OperationFlowModel.Page.RESULT) {
            return "";
        }
        List<Part> in = run.included();
        if (allUpdated()) {
            return texts.get("wizard.run.result.allUpdated", in.size());
        }
        Part stopped = in.stream().filter(p -> p.statusProperty().get() != PartStatus.UPDATED
                && p.statusProperty().get() != PartStatus.NOT_STARTED).findFirst().orElse(null);
        List<String> notStarted = new ArrayList<>();
        in.stream().filter(p -> p.statusProperty().get() == PartStatus.NOT_STARTED)
                .forEach(p -> notStarted.add(p.flow().spec().releaseName()));
        String at = stopped == null ? "—" : stopped.flow().spec().releaseName() + " (" + status(stopped.statusProperty().get()) + ")";
        return notStarted.isEmpty() ? texts.get("wizard.run.result.stopped", at)
                : texts.get("wizard.run.result.notStarted", at, String.join(", ", notStarted));
    }

    private Label statusLine(Part part, String idPrefix) {
        Label line = new Label();
        line.setId(idPrefix + part.flow().spec().releaseName());
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.textProperty().bind(Bindings.createStringBinding(() -> texts.get("wizard.run.statusLine", heading(part),
                status(part.statusProperty().get())), part.statusProperty(), part.flow().upgradeChoiceProperty(), texts.messagesProperty()));
        part.statusProperty().addListener((obs, old, status) -> style(line, status));
        style(line, part.statusProperty().get());
        return line;
    }

    private static void style(Label line, PartStatus status) {
        line.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.TEXT_MUTED, Styles.TEXT_BOLD);
        switch (status) {
            case UPDATED -> line.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_BOLD);
            case ROLLED_BACK, FAILED -> line.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
            case CANCELLED, NOT_STARTED -> line.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
            case RUNNING -> line.getStyleClass().add(Styles.TEXT_BOLD);
            default -> line.getStyleClass().add(Styles.TEXT_MUTED);
        }
    }

    String status(PartStatus status) {
        return switch (status) {
            case LEFT_OUT -> texts.get("wizard.run.status.leftOut");
            case WAITING -> texts.get("wizard.run.status.waiting");
            case RUNNING -> texts.get("wizard.run.status.running");
            case UPDATED -> texts.get("wizard.run.status.updated");
            case ROLLED_BACK -> texts.get("wizard.run.status.rolledBack");
            case FAILED -> texts.get("wizard.run.status.failed");
            case CANCELLED -> texts.get("wizard.run.status.cancelled");
            case NOT_STARTED -> texts.get("wizard.run.status.notStarted");
        };
    }

    private TitledPane section(String id, Part part, Node content) {
        TitledPane section = new TitledPane();
        section.setId(id);
        section.textProperty().bind(Bindings.createStringBinding(() -> heading(part), part.flow().upgradeChoiceProperty()));
        section.setContent(content);
        section.setCollapsible(true);
        section.visibleProperty().bind(part.includedProperty());
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private static ScrollPane scrolling(String id, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
