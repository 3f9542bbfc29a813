package org.iepmp.app.gui.installed;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.ActionRow;
import org.iepmp.app.gui.common.FullTextCell;
import org.iepmp.app.gui.common.TextColumns;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.kube.api.ClusterEvent;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.WorkloadHealth;

/** Every release on the cluster with a health badge; the chosen one's workloads, reasons and events. */
public final class InstalledView extends VBox {

    private final UiTexts texts;

    public InstalledView(InstalledViewModel model, UiTexts texts, ErrorPresenter presenter) {
        this.texts = texts;
        setId("installed-view");
        setSpacing(10);
        setPadding(new Insets(16));
        Labels labels = new Labels(texts);
        TableView<InstalledRow> table = releaseTable(model, labels);
        TabPane lower = lowerTabs(model, presenter);
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        // A log needs more than the two lines the lower half leaves on a 600 px screen.
        Tab logTab = lower.getTabs().get(1);
        lower.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab == logTab && split.getDividerPositions()[0] > 0.4) {
                split.setDividerPositions(0.34);
            }
        });
        VBox.setVgrow(split, Priority.ALWAYS);
        MessageCard failure = new MessageCard(texts, presenter, model.failureProperty());
        getChildren().addAll(labels.title("app.installed.title"), toolbar(model), failure, split);
    }

    private TableView<InstalledRow> releaseTable(InstalledViewModel model, Labels labels) {
        TextColumns columns = new TextColumns(texts);
        EnumTexts names = new EnumTexts(texts);
        TableView<InstalledRow> table = new TableView<>(model.rows());
        table.setId("installed-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.placeholderProperty().bind(Bindings.createObjectBinding(() -> labels.paragraph(
                model.connectedProperty().get() ? "app.installed.empty" : "shell.empty.installed.text"),
                model.connectedProperty()));
        table.getColumns().add(columns.column("app.installed.column.name", r -> r.release().name(), 150));
        table.getColumns().add(columns.column("app.installed.column.namespace", r -> r.release().namespace(), 110));
        table.getColumns().add(columns.column("app.installed.column.version", r -> r.release().chartVersion(), 90));
        TableColumn<InstalledRow, String> health = columns.column("app.installed.column.health", this::healthBadge, 130);
        health.setCellFactory(col -> new HealthCell());
        table.getColumns().add(health);
        table.getColumns().add(columns.column("app.installed.column.update", r -> r.updateTo()
                .map(v -> texts.get("app.installed.update.available", v)).orElse(""), 120));
        table.getColumns().add(columns.column("app.installed.column.origin", r -> r.origin().map(names::origin)
                .orElse(texts.get("app.installed.origin.outside")), 110));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, value) -> model.selectedProperty().set(value));
        texts.messagesProperty().addListener((obs, old, value) -> table.refresh());
        return table;
    }

    /** Details and the log of the chosen release share the lower half. */
    private TabPane lowerTabs(InstalledViewModel model, ErrorPresenter presenter) {
        TextArea detail = new TextArea();
        detail.setId("installed-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.textProperty().bind(Bindings.createStringBinding(() -> detailText(model.selectedProperty().get()),
                model.selectedProperty(), texts.messagesProperty()));
        Tab detailTab = new Tab();
        detailTab.textProperty().bind(texts.bind("updates.installed.tab.details"));
        detailTab.setContent(detail);
        Tab logTab = new Tab();
        logTab.setId("installed-logs-tab");
        logTab.textProperty().bind(texts.bind("updates.installed.tab.logs"));
        logTab.setContent(new PodLogPane(model.logs(), texts, presenter));
        TabPane lower = new TabPane(detailTab, logTab);
        lower.setId("installed-lower");
        lower.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return lower;
    }

    /** Refresh, then what the chosen release allows: upgrade, configure, roll back, uninstall. */
    private ActionRow toolbar(InstalledViewModel model) {
        Button refresh = new Button();
        refresh.setId("installed-refresh");
        refresh.textProperty().bind(texts.bind("app.installed.refresh"));
        refresh.disableProperty().bind(model.loadingProperty().or(model.connectedProperty().not()));
        refresh.setOnAction(e -> model.refresh());
        refresh.setMinHeight(44);
        ProgressIndicator progress = new ProgressIndicator();
        // Its room is kept while hidden: coming and going, it pushed the buttons along (onto a second line at 150 %).
        progress.setMinSize(28, 28);
        progress.setPrefSize(28, 28);
        progress.setMaxSize(28, 28);
        progress.visibleProperty().bind(model.loadingProperty());
        Button configure = action("installed-configure", "ops.installed.configure", model.canOperateProperty().not());
        configure.setOnAction(e -> model.configureSelected());
        Button rollBack = action("installed-rollback", "ops.installed.rollback", model.canOperateProperty().not());
        rollBack.setOnAction(e -> model.rollBackSelected());
        Button uninstall = action("installed-uninstall", "ops.installed.uninstall", model.canOperateProperty().not());
        uninstall.setOnAction(e -> model.uninstallSelected());
        Button upgrade = action("installed-upgrade", "ops.installed.upgrade", model.canOperateProperty().not());
        upgrade.setOnAction(e -> model.upgradeSelected());
        // Shown only for a release left pending, so the row does not grow for the usual case.
        Button repair = action("installed-repair", "ops.installed.repair", model.canRepairProperty().not());
        repair.setOnAction(e -> model.repairSelected());
        repair.visibleProperty().bind(model.canRepairProperty());
        repair.managedProperty().bind(repair.visibleProperty());
        return new ActionRow(refresh, progress, repair, upgrade, configure, rollBack, uninstall);
    }

    private Button action(String id, String key, javafx.beans.value.ObservableBooleanValue disabled) {
        Button button = new Button();
        button.setId(id);
        button.setMinHeight(44);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.textProperty().bind(texts.bind(key));
        button.disableProperty().bind(disabled);
        return button;
    }

    private String healthBadge(InstalledRow row) {
        if (row.health().isEmpty()) {
            return texts.get("app.installed.health.unknown");
        }
        return switch (row.health().get().overall().severity()) {
            case OK -> texts.get("app.installed.health.healthy");
            case PROGRESSING -> texts.get("app.installed.health.progressing");
            case FAILING -> texts.get("app.installed.health.failing");
        };
    }

    private String detailText(InstalledRow row) {
        if (row == null) {
            return texts.get("app.installed.detail.none");
        }
        StringBuilder text = new StringBuilder();
        text.append(texts.get("app.installed.detail.heading", row.release().name(), row.release().chartName(),
                row.release().chartVersion(), row.release().revision(), row.release().status().name().toLowerCase(
                        java.util.Locale.ROOT))).append('\n');
        row.release().updated().ifPresent(at -> text.append(texts.get("app.installed.detail.updated",
                texts.messages().formats().dateTime(at, ZoneId.systemDefault()))).append('\n'));
        if (row.health().isEmpty()) {
            return text.append(texts.get("app.installed.health.unknown")).toString();
        }
        ReleaseHealth health = row.health().get();
        text.append('\n').append(texts.get("app.installed.detail.workloads")).append('\n');
        if (health.workloads().isEmpty()) {
            text.append("  ").append(texts.get(HealthReason.NO_WORKLOADS.messageKey(), row.release().name())).append('\n');
        }
        for (WorkloadHealth workload : health.workloads()) {
            Object[] params = workload.params().toArray();
            text.append("  ").append(texts.get("app.installed.detail.workload", workload.workload().toString(),
                    workload.ready(), workload.desired())).append('\n');
            text.append("    ").append(texts.get(workload.reason().messageKey(), params)).append('\n');
            if (workload.reason().severity() != HealthReason.Severity.OK) {
                text.append("    ").append(texts.get(workload.reason().hintKey(), params)).append('\n');
            }
            workload.lastLogLines().forEach(line -> text.append("      | ").append(line).append('\n'));
        }
        if (!health.events().isEmpty()) {
            text.append('\n').append(texts.get("app.installed.detail.events")).append('\n');
            for (ClusterEvent event : health.events().subList(0, Math.min(10, health.events().size()))) {
                text.append("  ").append(event.warning() ? "⚠ " : "  ").append(event.objectKind()).append(' ')
                        .append(event.objectName()).append(": ").append(event.reason()).append(" — ")
                        .append(event.message()).append('\n');
            }
        }
        return text.toString();
    }

    /** The health badge coloured by severity. */
    private static final class HealthCell extends FullTextCell<InstalledRow> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            InstalledRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (row == null || row.health().isEmpty()) {
                return;
            }
            getStyleClass().add(switch (row.health().get().overall().severity()) {
                case OK -> Styles.SUCCESS;
                case PROGRESSING -> Styles.WARNING;
                case FAILING -> Styles.DANGER;
            });
        }
    }
}
