package org.iepmp.app.gui.history;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.files.FileChoosers;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.HistoryTexts;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.NamedCell;
import org.iepmp.app.gui.common.ActionRow;
import org.iepmp.app.gui.common.TextColumns;
import org.iepmp.app.gui.common.Buttons;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.lifecycle.api.ExportFormat;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.StepRecord;

/** Filter bar, the paged operation table, the chosen operation's detail, and export. */
public final class HistoryView extends VBox {

    private final UiTexts texts;
    private final Buttons buttons;
    private final HistoryTexts names;
    private final FileChoosers choosers;

    public HistoryView(HistoryViewModel model, UiTexts texts, ErrorPresenter presenter, FileChoosers choosers) {
        this.texts = texts;
        this.choosers = choosers;
        this.buttons = new Buttons(texts);
        this.names = new HistoryTexts(texts);
        setId("history-view");
        setSpacing(10);
        setPadding(new Insets(16));
        Labels labels = new Labels(texts);
        SplitPane split = new SplitPane(operationTable(model, labels), detailArea(model));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        MessageCard failure = new MessageCard(texts, presenter, model.failureProperty());
        getChildren().addAll(labels.title("app.history.title"), filterBar(model), failure, split, pager(model),
                exportedLabel(model));
    }

    /** Free text, package, outcome and period. */
    private ActionRow filterBar(HistoryViewModel model) {
        TextField search = new TextField();
        search.setId("history-search");
        search.promptTextProperty().bind(texts.bind("app.history.filter.text"));
        search.textProperty().bindBidirectional(model.textProperty());
        TextField pkg = new TextField();
        pkg.setId("history-package");
        pkg.promptTextProperty().bind(texts.bind("app.history.filter.package"));
        pkg.textProperty().bindBidirectional(model.packageNameProperty());
        pkg.setPrefColumnCount(10);
        ComboBox<OperationOutcome> outcome = new ComboBox<>(FXCollections.observableArrayList(
                Arrays.asList(null, OperationOutcome.SUCCEEDED, OperationOutcome.FAILED, OperationOutcome.ROLLED_BACK,
                        OperationOutcome.INTERRUPTED, OperationOutcome.CANCELLED, OperationOutcome.RUNNING)));
        outcome.setId("history-outcome");
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());
        // "Any outcome" is the null entry: a NamedCell would leave it blank.
        outcome.setCellFactory(list -> new OutcomeButtonCell());
        outcome.setButtonCell(new OutcomeButtonCell());
        // The shown choice is drawn once: a language switch must draw it again (it stayed in English in Chinese).
        texts.messagesProperty().addListener((obs, old, value) -> outcome.setButtonCell(new OutcomeButtonCell()));
        ComboBox<HistoryViewModel.Period> period = new ComboBox<>(FXCollections.observableArrayList(
                HistoryViewModel.Period.values()));
        period.setId("history-period");
        period.valueProperty().bindBidirectional(model.periodProperty());
        period.setCellFactory(list -> new NamedCell<>(this::periodName));
        period.setButtonCell(new NamedCell<>(this::periodName));
        texts.messagesProperty().addListener((obs, old, value) -> period.setButtonCell(new NamedCell<>(this::periodName)));
        search.setPrefColumnCount(24);
        return new ActionRow(search, pkg, outcome, period);
    }

    /** The page of operations; its selection and the model's follow each other. */
    private TableView<OperationRecord> operationTable(HistoryViewModel model, Labels labels) {
        TextColumns columns = new TextColumns(texts);
        TableView<OperationRecord> table = new TableView<>(model.rows());
        table.setId("history-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(labels.paragraph("app.history.empty"));
        table.getColumns().add(columns.column("app.history.column.time", r -> texts.messages().formats()
                .shortDateTime(r.startedAt(), ZoneId.systemDefault()), 140));
        table.getColumns().add(columns.column("app.history.column.who", r -> r.actor().technicianName()
                .map(t -> t + " (" + r.actor().osUser() + ")").orElse(r.actor().osUser()), 130));
        table.getColumns().add(columns.column("app.history.column.action", r -> names.action(r.action()), 95));
        // The package is what a technician reads aloud: never shortened (the other columns wrap instead).
        table.getColumns().add(columns.keyColumn("app.history.column.package", OperationRecord::packageName, 120,
                model.rows()));
        table.getColumns().add(columns.column("app.history.column.versions", r -> versions(r.fromVersion(), r.toVersion()), 175));
        table.getColumns().add(columns.column("app.history.column.outcome", r -> names.outcome(r.outcome()), 120));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, value) -> model.selectedProperty().set(value));
        // "Show in History" from an operation's result selects its row from the model's side.
        model.selectedProperty().addListener((obs, old, value) -> {
            if (value != null && value != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(value);
                table.scrollTo(value);
            }
        });
        texts.messagesProperty().addListener((obs, old, value) -> table.refresh());
        return table;
    }

    private TextArea detailArea(HistoryViewModel model) {
        TextArea detail = new TextArea();
        detail.setId("history-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.textProperty().bind(Bindings.createStringBinding(() -> detailText(model),
                model.selectedProperty(), model.steps(), texts.messagesProperty()));
        return detail;
    }

    /** Previous / next page, the count, "roll back to this revision" and export. */
    private ActionRow pager(HistoryViewModel model) {
        Button previous = buttons.of("history-previous", "app.history.page.previous", model::previousPage);
        previous.disableProperty().bind(model.hasPreviousProperty().not());
        Button next = buttons.of("history-next", "app.history.page.next", model::nextPage);
        next.disableProperty().bind(model.hasNextProperty().not());
        Label count = new Label();
        count.setId("history-count");
        count.textProperty().bind(texts.bind("app.history.page.total", model.totalProperty()));
        Button csv = buttons.of("history-export-csv", "app.history.export.csv",
                () -> export(model, ExportFormat.CSV, "iepmp-history.csv"));
        Button json = buttons.of("history-export-json", "app.history.export.json",
                () -> export(model, ExportFormat.JSON, "iepmp-history.json"));
        Button rollBack = buttons.of("history-rollback", "ops.history.rollback", model::rollBackToSelected);
        rollBack.setMinWidth(Region.USE_PREF_SIZE);
        rollBack.setMinHeight(44);
        rollBack.disableProperty().bind(model.rollbackTargetProperty().isNull());
        count.setMinWidth(Region.USE_PREF_SIZE);
        return new ActionRow(previous, next, count, rollBack, csv, json);
    }

    private Label exportedLabel(HistoryViewModel model) {
        Label exported = new Label();
        exported.setId("history-exported");
        exported.getStyleClass().add(Styles.SUCCESS);
        exported.textProperty().bind(Bindings.createStringBinding(() -> model.exportedProperty().get() == null ? ""
                : texts.get("app.history.export.done", model.exportedProperty().get().toString()),
                model.exportedProperty(), texts.messagesProperty()));
        return exported;
    }

    private void export(HistoryViewModel model, ExportFormat format, String suggestedName) {
        choosers.saveFile("app.history.export.title", suggestedName, getScene() == null ? null : getScene().getWindow())
                .ifPresent(file -> model.export(format, file));
    }

    private String detailText(HistoryViewModel model) {
        OperationRecord op = model.selectedProperty().get();
        if (op == null) {
            return texts.get("app.history.detail.none");
        }
        StringBuilder text = new StringBuilder();
        text.append(texts.get("app.history.detail.heading", names.action(op.action()), op.packageName(),
                versions(op.fromVersion(), op.toVersion()), names.outcome(op.outcome()))).append('\n');
        if (!op.reason().text().isEmpty() || op.reason().ticketReference().isPresent()) {
            text.append(texts.get("app.history.detail.reason", op.reason().text(),
                    op.reason().ticketReference().orElse("—"))).append('\n');
        }
        if (op.namespace() != null) {
            text.append(texts.get("app.history.detail.where", op.namespace(),
                    op.sourceRepository() == null ? "—" : op.sourceRepository())).append('\n');
        }
        if (op.duration().isPresent()) {
            text.append(texts.get("app.history.detail.duration", texts.messages().formats().duration(op.duration().get())))
                    .append('\n');
        }
        if (op.errorCode() != null) {
            text.append(texts.get("app.history.detail.error", op.errorCode(), String.valueOf(op.errorMessage()))).append('\n');
        }
        if (!op.planSummary().isBlank()) {
            text.append(texts.get("app.history.detail.plan")).append('\n').append(op.planSummary()).append('\n');
        }
        if (!op.preflight().isEmpty()) {
            text.append(texts.get("app.history.detail.preflight")).append('\n');
            op.preflight().forEach(check -> text.append("  ").append(check.status()).append("  ")
                    .append(texts.get(check.messageKey(), check.params().toArray())).append('\n'));
        }
        if (op.maskedValuesJson() != null && !op.maskedValuesJson().isBlank() && !"{}".equals(op.maskedValuesJson())) {
            text.append(texts.get("app.history.detail.values")).append('\n').append(op.maskedValuesJson()).append('\n');
        }
        for (StepRecord step : model.steps()) {
            text.append('\n').append(texts.get("app.history.detail.step", step.sequence(), names.action(step.action()),
                    step.packageName(), versions(step.fromVersion(), step.toVersion()), names.outcome(step.outcome())))
                    .append('\n');
            step.log().forEach(entry -> text.append("    ").append(texts.get(entry.key(), entry.params().toArray())).append('\n'));
        }
        return text.toString();
    }

    private static String versions(String from, String to) {
        if (from == null && to == null) {
            return "";
        }
        return (from == null ? "—" : from) + " → " + (to == null ? "—" : to);
    }

    private String outcomeName(OperationOutcome outcome) {
        return outcome == null ? texts.get("app.history.filter.anyOutcome") : names.outcome(outcome);
    }

    private String periodName(HistoryViewModel.Period period) {
        return switch (period) {
            case ANY -> texts.get("app.history.period.any");
            case DAY -> texts.get("app.history.period.day");
            case WEEK -> texts.get("app.history.period.week");
            case MONTH -> texts.get("app.history.period.month");
        };
    }

    /** An outcome in the filter, the null entry as "Any outcome". */
    private final class OutcomeButtonCell extends javafx.scene.control.ListCell<OperationOutcome> {
        @Override
        protected void updateItem(OperationOutcome item, boolean empty) {
            super.updateItem(item, empty);
            // The list's null entry and the button's empty state both read "Any outcome"; a list's spare rows stay blank.
            boolean spareRow = empty && getListView() != null && getIndex() >= getListView().getItems().size();
            setText(spareRow ? null : outcomeName(item));
        }
    }
}
