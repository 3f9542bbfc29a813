package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.lifecycle.api.PreflightResult;

/**
 * The preflight checks (pass / warning / failure, each with its sentence and what to do), the
 * "I accept the warnings" box, the reason and the optional ticket. Binds only.
 */
public final class PreflightView extends VBox {

    private final UiTexts texts;
    private final OperationTexts words;

    public PreflightView(PreflightModel model, UiTexts texts, ErrorPresenter presenter) {
        this(model, texts, presenter, false);
    }

    /**
     * @param checksOnly only the checks and their verdict, without their own scroll pane and without the
     *                   go-ahead controls (one package of "Update all": the run asks once for all packages)
     */
    public PreflightView(PreflightModel model, UiTexts texts, ErrorPresenter presenter, boolean checksOnly) {
        this.texts = texts;
        this.words = new OperationTexts(texts);
        setId("ops-preflight");
        setSpacing(8);

        ProgressIndicator running = new ProgressIndicator();
        running.setMaxSize(24, 24);
        Label checking = new Label();
        checking.textProperty().bind(texts.bind("ops.preflight.running"));
        HBox busy = new HBox(8, running, checking);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(model.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        Label verdict = new Label();
        verdict.setId("ops-preflight-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.getStyleClass().add(Styles.TEXT_BOLD);
        verdict.textProperty().bind(Bindings.createStringBinding(() -> model.runningProperty().get() || model.results().isEmpty()
                ? "" : model.blockedProperty().get() ? texts.get("ops.preflight.blocked")
                : model.hasWarningsProperty().get() ? texts.get("ops.preflight.warnings") : texts.get("ops.preflight.allPassed"),
                model.runningProperty(), model.results(), texts.messagesProperty()));
        model.blockedProperty().addListener((obs, old, blocked) -> style(verdict, blocked));
        style(verdict, model.blockedProperty().get());

        // A plain column of rows in a scroll pane, not a list view: wrapped sentences get their full height.
        VBox rows = new VBox(2);
        rows.setId("ops-preflight-rows");
        rows.setPadding(new Insets(4, 8, 4, 8));
        // Failures first, then warnings: what needs the technician comes before what passed.
        Runnable render = () -> rows.getChildren().setAll(model.results().stream()
                .sorted(java.util.Comparator.comparing(PreflightResult::status).reversed()).map(this::row).toList());
        model.results().addListener((javafx.collections.ListChangeListener<PreflightResult>) change -> render.run());
        texts.messagesProperty().addListener((obs, old, value) -> render.run());
        render.run();
        MessageCard failure = new MessageCard(texts, presenter, model.failureProperty());
        if (checksOnly) {
            getChildren().addAll(busy, verdict, rows, failure);
            return;
        }
        ScrollPane checks = new ScrollPane(rows);
        checks.setId("ops-preflight-checks");
        checks.setFitToWidth(true);
        VBox.setVgrow(checks, Priority.ALWAYS);
        checks.setMinHeight(120);

        getChildren().addAll(busy, verdict, checks, failure);
        getChildren().addAll(goAhead(texts, model.warningsAcceptedProperty(), model.hasWarningsProperty().and(model.blockedProperty().not()),
                model.reasonProperty(), model.ticketProperty(), model.maintenanceConfirmedProperty(), model.maintenanceRequiredProperty()));
    }

    /**
     * The technician's go-ahead under the checks: "I accept the warnings" (shown while {@code showAccept}),
     * the reason and optional ticket, the maintenance-window confirmation (shown while {@code showMaintenance}).
     */
    static List<Node> goAhead(UiTexts texts, BooleanProperty warningsAccepted, ObservableValue<Boolean> showAccept,
                              StringProperty reasonText, StringProperty ticketText, BooleanProperty maintenanceConfirmed,
                              ObservableValue<Boolean> showMaintenance) {
        CheckBox accept = new CheckBox();
        accept.setId("ops-preflight-accept");
        accept.setWrapText(true);
        accept.setMinHeight(44);
        accept.textProperty().bind(texts.bind("ops.preflight.acceptWarnings"));
        accept.selectedProperty().bindBidirectional(warningsAccepted);
        accept.visibleProperty().bind(showAccept);
        accept.managedProperty().bind(accept.visibleProperty());

        CheckBox maintenance = new CheckBox();
        maintenance.setId("ops-preflight-maintenance");
        maintenance.setWrapText(true);
        maintenance.setMinHeight(44);
        maintenance.textProperty().bind(texts.bind("wizard.check.maintenance"));
        maintenance.selectedProperty().bindBidirectional(maintenanceConfirmed);
        maintenance.visibleProperty().bind(showMaintenance);
        maintenance.managedProperty().bind(maintenance.visibleProperty());

        TextField reason = new TextField();
        reason.setId("ops-reason");
        reason.setMinHeight(44);
        reason.textProperty().bindBidirectional(reasonText);
        reason.promptTextProperty().bind(texts.bind("ops.preflight.reason.prompt"));
        TextField ticket = new TextField();
        ticket.setId("ops-ticket");
        ticket.setMinHeight(44);
        ticket.setPrefColumnCount(10);
        ticket.textProperty().bindBidirectional(ticketText);
        ticket.promptTextProperty().bind(texts.bind("ops.preflight.ticket.prompt"));
        Label reasonLabel = label(texts, "ops.preflight.reason");
        reasonLabel.setLabelFor(reason);
        Label ticketLabel = label(texts, "ops.preflight.ticket");
        ticketLabel.setLabelFor(ticket);
        GridPane why = new GridPane();
        why.setHgap(8);
        why.setVgap(4);
        why.addRow(0, reasonLabel, ticketLabel);
        why.addRow(1, reason, ticket);
        GridPane.setHgrow(reason, Priority.ALWAYS);

        return List.of(accept, why, maintenance);
    }

    private static Label label(UiTexts texts, String key) {
        Label label = new Label();
        label.textProperty().bind(texts.bind(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static void style(Label verdict, boolean blocked) {
        verdict.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        verdict.getStyleClass().add(blocked ? Styles.DANGER : Styles.SUCCESS);
    }

    /** One check: its status badge, the sentence, and (for a warning or failure) what to do. */
    private HBox row(PreflightResult item) {
        Label badge = new Label(words.status(item.status()));
        badge.getStyleClass().addAll(switch (item.status()) {
            case PASS -> Styles.SUCCESS;
            case WARN -> Styles.WARNING;
            case FAIL -> Styles.DANGER;
        }, Styles.TEXT_BOLD);
        badge.setMinWidth(90);
        Label sentence = new Label(words.sentence(item));
        sentence.setWrapText(true);
        sentence.setMinHeight(Region.USE_PREF_SIZE);
        VBox text = new VBox(2, sentence);
        String todo = words.whatToDo(item);
        if (!todo.isEmpty()) {
            Label hint = new Label(todo);
            hint.setWrapText(true);
            hint.setMinHeight(Region.USE_PREF_SIZE);
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            text.getChildren().add(hint);
        }
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, badge, text);
        row.setPadding(new Insets(6, 0, 6, 0));
        row.getStyleClass().add("preflight-row");
        return row;
    }
}
