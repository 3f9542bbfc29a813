package org.iepmp.app.gui.updates;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.ActionRow;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.FullTextCell;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.TextColumns;
import org.iepmp.app.gui.common.PackageTexts;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.markdown.LinkOpener;
import org.iepmp.app.gui.markdown.MarkdownNodes;
import org.iepmp.app.gui.markdown.SafeMarkdown;

/** The releases that can be updated, with versions, origin and risk; the chosen one's release notes below. */
public final class UpdatesView extends VBox {

    private final UiTexts texts;
    private final UpdatesViewModel model;
    private final MarkdownNodes markdown;
    private final PackageTexts packageTexts;

    public UpdatesView(UpdatesViewModel model, UiTexts texts, ErrorPresenter presenter, LinkOpener links) {
        this.texts = texts;
        this.packageTexts = new PackageTexts(texts::messages);
        this.model = model;
        this.markdown = new MarkdownNodes(texts, links);
        setId("updates-view");
        setSpacing(10);
        setPadding(new Insets(16));
        Labels labels = new Labels(texts);
        TableView<UpdateRow> table = updatesTable(labels);
        ScrollPane notesScroll = new ScrollPane(notesPane(labels));
        notesScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(table, notesScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        ActionRow actions = actionRow();
        Label noWizard = labels.paragraph("updates.wizardMissing");
        noWizard.setId("updates-wizard-missing");
        noWizard.setVisible(!model.canLaunch());
        noWizard.setManaged(!model.canLaunch());
        MessageCard failure = new MessageCard(texts, presenter, model.failureProperty());
        getChildren().addAll(labels.title("updates.title"), actions, statusLabel(), noWizard, failure, split);
    }

    /** One row per release with an update; Enter on a row is its "Update…". */
    private TableView<UpdateRow> updatesTable(Labels labels) {
        TextColumns columns = new TextColumns(texts);
        EnumTexts names = new EnumTexts(texts);
        TableView<UpdateRow> table = new TableView<>(model.rows());
        table.setId("updates-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.placeholderProperty().bind(Bindings.createObjectBinding(() -> labels.paragraph(
                model.connectedProperty().get() ? "updates.empty.current" : "updates.empty.notConnected"),
                model.connectedProperty()));
        table.getColumns().add(columns.keyColumn("updates.column.package", this::packageText, 140, model.rows()));
        // Versions and risk are what the technician decides on: never shortened; the other columns wrap instead.
        table.getColumns().add(columns.keyColumn("updates.column.versions", r -> texts.get("updates.versions",
                r.info().installedVersion(), r.latest()), 170, model.rows()));
        table.getColumns().add(columns.column("updates.column.sameMajor", r -> r.saferSameMajor().orElse("—"), 110));
        table.getColumns().add(columns.column("updates.column.origin", r -> r.origin().map(names::origin)
                .orElse(texts.get("updates.origin.unknown")), 100));
        TableColumn<UpdateRow, String> risk = columns.keyColumn("updates.column.risk", r -> r.majorChange()
                ? texts.get("updates.risk.major") : texts.get("updates.risk.minor"), 120, model.rows());
        risk.setCellFactory(col -> new RiskCell());
        table.getColumns().add(risk);
        table.getColumns().add(actionColumn(columns));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, value) -> model.selectedProperty().set(value));
        model.selectedProperty().addListener((obs, old, value) -> {
            if (table.getSelectionModel().getSelectedItem() != value) {
                table.getSelectionModel().select(value);
            }
        });
        texts.messagesProperty().addListener((obs, old, value) -> table.refresh());
        // Keyboard: Enter on a row is its "Update…" (the buttons in cells are not in the Tab order).
        table.setOnKeyPressed(e -> {
            UpdateRow row = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && row != null && model.canLaunch()) {
                model.update(row);
                e.consume();
            }
        });
        return table;
    }

    private TableColumn<UpdateRow, String> actionColumn(TextColumns columns) {
        TableColumn<UpdateRow, String> action = columns.column("updates.column.action", r -> "", 120);
        action.setCellFactory(col -> new UpdateButtonCell());
        // The column keeps the whole "Update…" button: its words plus the button's and the cell's padding.
        javafx.scene.control.Label actionHeader = (javafx.scene.control.Label) action.getGraphic();
        action.minWidthProperty().unbind();
        action.minWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(
                TextColumns.longestWordWidth(actionHeader.getText(), actionHeader.getFont()),
                TextColumns.textWidth(texts.get("updates.updateOne"), actionHeader.getFont()))
                + 4.2 * actionHeader.getFont().getSize(), actionHeader.textProperty(), actionHeader.fontProperty()));
        action.setSortable(false);
        return action;
    }

    /** The chosen release's notes, drawn again when the choice, the notes or the language change. */
    private VBox notesPane(Labels labels) {
        VBox notes = new VBox(8);
        notes.setId("updates-notes");
        notes.setPadding(new Insets(8, 12, 8, 12));
        Runnable drawNotes = () -> notes.getChildren().setAll(notesContent(labels));
        model.notes().addListener((ListChangeListener<UpdatesViewModel.VersionNotes>) change -> drawNotes.run());
        model.selectedProperty().addListener((obs, old, value) -> drawNotes.run());
        model.notesLoadingProperty().addListener((obs, old, value) -> drawNotes.run());
        texts.messagesProperty().addListener((obs, old, value) -> drawNotes.run());
        drawNotes.run();
        return notes;
    }

    /** Check now, Update all, and the check's progress. Buttons keep their words at any zoom. */
    private ActionRow actionRow() {
        Button check = new Button();
        check.setId("updates-check");
        check.textProperty().bind(texts.bind("updates.checkNow"));
        check.disableProperty().bind(model.checkingProperty().or(model.connectedProperty().not()));
        check.setOnAction(e -> model.check());
        Button all = new Button();
        all.setId("updates-all");
        all.textProperty().bind(texts.bind("updates.updateAll", model.countProperty()));
        all.getStyleClass().add(Styles.ACCENT);
        all.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canLaunch() || model.rows().isEmpty(),
                model.rows()));
        all.setOnAction(e -> model.updateAll());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(28, 28);
        progress.visibleProperty().bind(model.checkingProperty());
        check.setMinWidth(Region.USE_PREF_SIZE);
        all.setMinWidth(Region.USE_PREF_SIZE);
        return new ActionRow(check, all, progress);
    }

    /** When the list was checked and how many are current; wraps below the buttons instead of squeezing them. */
    private Label statusLabel() {
        Label status = new Label();
        status.setId("updates-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(this::statusText, model.lastCheckedProperty(),
                model.upToDateProperty(), model.countProperty(), texts.messagesProperty()));
        status.setMinHeight(Region.USE_PREF_SIZE);
        return status;
    }

    private String packageText(UpdateRow row) {
        String pkg = row.info().packageName();
        String release = row.info().releaseName();
        return pkg.equals(release) ? pkg : texts.get("updates.packageRelease", pkg, release);
    }

    private String statusText() {
        if (model.lastCheckedProperty().get() == null) {
            return "";
        }
        return texts.get("updates.status", texts.messages().formats().dateTime(model.lastCheckedProperty().get(),
                ZoneId.systemDefault()), model.countProperty().get(), model.upToDateProperty().get());
    }

    private java.util.List<javafx.scene.Node> notesContent(Labels labels) {
        UpdateRow row = model.selectedProperty().get();
        if (row == null) {
            return java.util.List.of(labels.paragraph("updates.notes.none"));
        }
        java.util.List<javafx.scene.Node> nodes = new java.util.ArrayList<>();
        Label title = new Label(texts.get("updates.notes.title", packageText(row), row.info().namespace()));
        title.setWrapText(true);
        title.getStyleClass().add(Styles.TITLE_4);
        nodes.add(title);
        if (row.majorChange()) {
            Label major = new Label(texts.get("updates.risk.majorHint", row.info().installedVersion(), row.latest()));
            major.getStyleClass().add(Styles.WARNING);
            major.setWrapText(true);
            major.setMinHeight(Region.USE_PREF_SIZE);
            nodes.add(major);
        }
        if (model.notesLoadingProperty().get()) {
            ProgressIndicator loading = new ProgressIndicator();
            loading.setMaxSize(24, 24);
            nodes.add(loading);
            return nodes;
        }
        SafeMarkdown parser = new SafeMarkdown();
        for (UpdatesViewModel.VersionNotes version : model.notes()) {
            Label heading = new Label(texts.get("updates.notes.version", version.version()));
            heading.getStyleClass().add(Styles.TEXT_BOLD);
            nodes.add(heading);
            if (version.markdown().isBlank()) {
                nodes.add(labels.paragraph("updates.notes.empty"));
            } else {
                String text = packageTexts.description(row.info().packageName(), row.info().repository().orElse(""),
                        version.markdown());
                nodes.add(markdown.render(parser.parse(text)));
            }
        }
        return nodes;
    }

    /** The risk hint, in warning colour for a major version change. */
    private final class RiskCell extends FullTextCell<UpdateRow> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove(Styles.WARNING);
            UpdateRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row != null && row.majorChange()) {
                getStyleClass().add(Styles.WARNING);
            }
        }
    }

    /** "Update…" per row; disabled, with the reason shown above the table, while there is no wizard. */
    private final class UpdateButtonCell extends TableCell<UpdateRow, String> {
        private final Button button = new Button();

        UpdateButtonCell() {
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.textProperty().bind(texts.bind("updates.updateOne"));
            button.setDisable(!model.canLaunch());
            button.setOnAction(e -> {
                UpdateRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    model.update(row);
                }
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            UpdateRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(null);
            setGraphic(row == null ? null : button);
            if (row != null) {
                button.setId("updates-update-" + row.info().releaseName());
            }
        }
    }
}
