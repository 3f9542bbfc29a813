package org.iepmp.app.gui.repositories;

import org.iepmp.app.gui.files.FileChoosers;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.DialogService;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.dialog.VisibleText;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.ActionRow;
import org.iepmp.app.gui.common.TextColumns;
import org.iepmp.app.gui.common.UiTexts;

/** The repository list with its actions. Binds only; dialogs collect input for the view model. */
public final class RepositoriesView extends VBox {

    private final RepositoriesViewModel model;
    private final UiTexts texts;
    private final DialogService dialogs;
    private final FileChoosers choosers;
    private final TableView<RepositoryRow> table;

    public RepositoriesView(RepositoriesViewModel model, UiTexts texts, ErrorPresenter presenter, DialogService dialogs,
                            FileChoosers choosers) {
        this.model = model;
        this.choosers = choosers;
        this.texts = texts;
        this.dialogs = dialogs;
        setId("repositories-view");
        setSpacing(12);
        setPadding(new Insets(16));
        Labels labels = new Labels(texts);
        this.table = repositoryTable(labels);
        VBox.setVgrow(table, Priority.ALWAYS);
        MessageCard failure = new MessageCard(texts, presenter, model.failureProperty());
        getChildren().addAll(labels.title("app.repositories.title"), labels.paragraph("app.repositories.intro"),
                actions(), failure, table);
    }

    /** One row per repository with its last refresh; the check box enables it, a double click edits it. */
    private TableView<RepositoryRow> repositoryTable(Labels labels) {
        EnumTexts names = new EnumTexts(texts);
        TableView<RepositoryRow> rows = new TableView<>(model.rows());
        rows.setId("repositories-table");
        rows.setEditable(true);
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rows.setPlaceholder(labels.paragraph("app.repositories.empty"));
        rows.getColumns().add(enabledColumn());
        rows.getColumns().add(column("app.repositories.column.name", row -> row.definition().name(), 130));
        rows.getColumns().add(column("app.repositories.column.origin", row -> names.origin(row.definition().origin()), 80));
        rows.getColumns().add(column("app.repositories.column.type", row -> names.type(row.definition().type())
                + " · " + names.transport(row.definition().transport()), 150));
        rows.getColumns().add(column("app.repositories.column.location", row -> row.definition().location(), 170));
        rows.getColumns().add(column("app.repositories.column.status",
                row -> RepositoryStatusText.of(row, texts, model.clock()), 260));
        texts.messagesProperty().addListener((obs, old, value) -> rows.refresh());
        rows.setRowFactory(view -> {
            var row = new javafx.scene.control.TableRow<RepositoryRow>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    edit(row.getItem());
                }
            });
            return row;
        });
        return rows;
    }

    private TableColumn<RepositoryRow, Boolean> enabledColumn() {
        TableColumn<RepositoryRow, Boolean> enabled = new TableColumn<>();
        new TextColumns(texts).header(enabled, "app.repositories.column.enabled", 60);
        enabled.setCellValueFactory(cell -> {
            var property = new javafx.beans.property.SimpleBooleanProperty(cell.getValue().definition().enabled());
            property.addListener((obs, old, value) -> model.setEnabled(cell.getValue().definition(), value));
            return property;
        });
        enabled.setCellFactory(CheckBoxTableCell.forTableColumn(enabled));
        enabled.setEditable(true);
        return enabled;
    }

    /** Add, edit and remove (for the chosen row), refresh all. */
    private ActionRow actions() {
        Button add = button("repositories-add", "app.repositories.action.add");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> open(RepositoryForm.empty(model.rows().stream().map(row -> row.definition().name()).toList())));
        Button edit = button("repositories-edit", "app.repositories.action.edit");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> edit(table.getSelectionModel().getSelectedItem()));
        Button remove = button("repositories-remove", "app.repositories.action.remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> remove(table.getSelectionModel().getSelectedItem()));
        Button refresh = button("repositories-refresh", "app.repositories.action.refresh");
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refreshAll());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(28, 28);
        progress.visibleProperty().bind(model.busyProperty());
        return new ActionRow(add, edit, remove, refresh, progress);
    }

    private void edit(RepositoryRow row) {
        if (row != null) {
            model.editForm(row.definition(), this::open);
        }
    }

    private void open(RepositoryForm form) {
        new RepositoryDialog(form, model, texts, choosers, getScene() == null ? null : getScene().getWindow())
                .showAndWait().ifPresent(model::save);
    }

    private void remove(RepositoryRow row) {
        if (row != null && dialogs.confirm(texts.get("app.repositories.remove.title"),
                texts.get("app.repositories.remove.question", row.definition().name()),
                texts.get("app.repositories.action.remove"))) {
            model.remove(row.definition().name());
        }
    }

    private Button button(String id, String key) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(texts.bind(key));
        return button;
    }

    private TableColumn<RepositoryRow, String> column(String key, java.util.function.Function<RepositoryRow, String> value,
                                                      double width) {
        // Long locations and statuses stay readable in full on hover (the columns' text cells do that).
        return new TextColumns(texts).column(key, value.andThen(VisibleText::neutralize), width);
    }
}
