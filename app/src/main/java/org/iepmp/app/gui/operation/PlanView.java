package org.iepmp.app.gui.operation;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.iepmp.app.words.SettingWords;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.TextColumns;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.lifecycle.api.ChangeKind;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.ResourceChange;
import org.iepmp.lifecycle.api.SettingMapping;
import org.iepmp.lifecycle.api.ValueChange;

/**
 * A plan as the technician reads it: the steps in the order they run (dependencies first) with
 * action and from → to; for the chosen step the values that change (secrets masked by the
 * engine), the resources added / changed / removed, and the manifest diff when asked for.
 */
public final class PlanView extends VBox {

    private final UiTexts texts;
    private final OperationTexts words;

    public PlanView(ObservableValue<Plan> plan, UiTexts texts) {
        this.texts = texts;
        this.words = new OperationTexts(texts);
        setId("ops-plan");
        setSpacing(8);
        TextColumns columns = new TextColumns(texts);
        Label summary = new Label();
        summary.setId("ops-plan-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(Bindings.createStringBinding(() -> plan.getValue() == null ? texts.get("ops.plan.making")
                : texts.get("ops.plan.summary", plan.getValue().steps().size()), plan, texts.messagesProperty()));
        TableView<PlanStep> steps = stepsTable(plan, columns);
        getChildren().addAll(summary, steps, details(steps.getSelectionModel().selectedItemProperty(), columns));
    }

    /** The steps in the order they run; the last (the package asked for) is chosen at first. */
    private TableView<PlanStep> stepsTable(ObservableValue<Plan> plan, TextColumns columns) {
        TableView<PlanStep> steps = new TableView<>();
        steps.setId("ops-plan-steps");
        steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        steps.setFixedCellSize(36);
        steps.setPrefHeight(36 * 3 + 40);
        steps.setMinHeight(36 * 2 + 40);
        steps.getColumns().add(columns.column("ops.plan.column.step", s -> String.valueOf(s.sequence()), 50));
        // No minimum of its own: TextColumns binds each column's minimum to its header's longest word,
        // which keeps "Step" readable at 150 % (a second minimum here would fight that binding).
        steps.getColumns().add(columns.column("ops.plan.column.action", s -> words.action(s.action()), 110));
        steps.getColumns().add(columns.column("ops.plan.column.package", PlanStep::packageName, 150));
        steps.getColumns().add(columns.column("ops.plan.column.namespace", PlanStep::namespace, 120));
        steps.getColumns().add(columns.column("ops.plan.column.versions", s -> OperationTexts.versions(s.fromVersion(),
                s.toVersion()), 200));
        plan.addListener((obs, old, value) -> {
            steps.getItems().setAll(value == null ? java.util.List.of() : value.steps());
            if (!steps.getItems().isEmpty()) {
                steps.getSelectionModel().selectLast();
            }
        });
        if (plan.getValue() != null) {
            steps.getItems().setAll(plan.getValue().steps());
            steps.getSelectionModel().selectLast();
        }
        texts.messagesProperty().addListener((obs, old, value) -> steps.refresh());
        return steps;
    }

    private TableView<ValueChange> valuesTable(TextColumns columns) {
        TableView<ValueChange> values = new TableView<>();
        values.setId("ops-plan-values");
        values.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        values.getColumns().add(columns.column("ops.plan.column.path", ValueChange::path, 170));
        values.getColumns().add(columns.column("ops.plan.column.change", c -> kind(c.kind()), 90));
        values.getColumns().add(columns.column("ops.plan.column.before", c -> c.before() == null ? "—" : c.before(), 150));
        values.getColumns().add(columns.column("ops.plan.column.after", c -> c.after() == null ? "—" : c.after(), 150));
        values.setPlaceholder(placeholder("ops.plan.values.none"));
        return values;
    }

    private TableView<ResourceChange> resourcesTable(TextColumns columns) {
        TableView<ResourceChange> resources = new TableView<>();
        resources.setId("ops-plan-resources");
        resources.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        resources.getColumns().add(columns.column("ops.plan.column.change", c -> kind(c.kind()), 100));
        resources.getColumns().add(columns.column("ops.plan.column.resource", c -> c.resource().display(), 400));
        resources.setPlaceholder(placeholder("ops.plan.resources.none"));
        return resources;
    }

    private static Tab tab(javafx.scene.Node content) {
        Tab tab = new Tab();
        tab.setContent(content);
        tab.setClosable(false);
        return tab;
    }

    /** Where each of the package's settings lands in the chosen step. */
    private ListView<SettingMapping> settingsList() {
        ListView<SettingMapping> settingsList = new ListView<>();
        settingsList.setId("ops-plan-settings");
        settingsList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SettingMapping item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : SettingWords.line(texts.messages(), item));
                setWrapText(true);
            }
        });
        settingsList.setPlaceholder(placeholder("ops.plan.settings.none"));
        return settingsList;
    }

    /** The chosen step's values, resources and (when its tab is open) manifest diff. */
    private TabPane details(ObservableValue<PlanStep> chosen, TextColumns columns) {
        TableView<ValueChange> values = valuesTable(columns);
        TableView<ResourceChange> resources = resourcesTable(columns);
        ListView<SettingMapping> settingsList = settingsList();
        TextArea diff = new TextArea();
        diff.setId("ops-plan-diff");
        diff.setEditable(false);
        diff.setStyle("-fx-font-family: monospace;");
        Tab valuesTab = tab(values);
        Tab settingsTab = tab(settingsList);
        Tab resourcesTab = tab(resources);
        Tab diffTab = tab(diff);
        diffTab.setId("ops-plan-diff-tab");
        valuesTab.textProperty().bind(Bindings.createStringBinding(() -> texts.get("ops.plan.tab.values",
                chosen.getValue() == null ? 0 : chosen.getValue().valuesDiff().changes().size()), chosen, texts.messagesProperty()));
        settingsTab.textProperty().bind(Bindings.createStringBinding(() -> texts.get("ops.plan.tab.settings",
                chosen.getValue() == null ? 0 : chosen.getValue().settings().size()), chosen, texts.messagesProperty()));
        resourcesTab.textProperty().bind(Bindings.createStringBinding(() -> resourcesTitle(chosen.getValue()), chosen,
                texts.messagesProperty()));
        diffTab.textProperty().bind(texts.bind("ops.plan.tab.diff"));
        TabPane details = new TabPane(settingsTab, valuesTab, resourcesTab, diffTab);
        details.setId("ops-plan-details");
        details.setTabMinHeight(36);
        VBox.setVgrow(details, Priority.ALWAYS);
        Runnable fill = () -> {
            PlanStep step = chosen.getValue();
            values.getItems().setAll(step == null ? java.util.List.of() : step.valuesDiff().changes());
            settingsList.getItems().setAll(step == null ? java.util.List.of() : step.settings());
            resources.getItems().setAll(step == null ? java.util.List.of() : step.manifestDiff().resources());
            // The diff can be long: rendered into the text area only when its tab is open.
            diff.setText(step == null || !diffTab.isSelected() ? "" : step.manifestDiff().unifiedDiff().isEmpty()
                    ? texts.get("ops.plan.diff.none") : step.manifestDiff().unifiedDiff());
        };
        chosen.addListener((obs, old, value) -> fill.run());
        diffTab.selectedProperty().addListener((obs, old, value) -> fill.run());
        texts.messagesProperty().addListener((obs, old, value) -> {
            settingsList.refresh();
            values.refresh();
            resources.refresh();
        });
        fill.run();
        return details;
    }

    private String resourcesTitle(PlanStep step) {
        if (step == null) {
            return texts.get("ops.plan.tab.resources", 0, 0, 0);
        }
        var changes = step.manifestDiff().resources();
        return texts.get("ops.plan.tab.resources", count(changes, ChangeKind.ADDED), count(changes, ChangeKind.CHANGED),
                count(changes, ChangeKind.REMOVED));
    }

    private static long count(java.util.List<ResourceChange> changes, ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    private String kind(ChangeKind kind) {
        return switch (kind) {
            case ADDED -> texts.get("ops.plan.change.added");
            case CHANGED -> texts.get("ops.plan.change.changed");
            case REMOVED -> texts.get("ops.plan.change.removed");
        };
    }

    private Label placeholder(String key) {
        Label label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.textProperty().bind(texts.bind(key));
        label.setPadding(new Insets(8));
        return label;
    }
}
