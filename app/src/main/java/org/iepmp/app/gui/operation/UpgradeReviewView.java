package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.UiTexts;

/**
 * The update wizard's review page: the plan (the shared {@link PlanView}: dependencies that change
 * too, values, resources, manifest diff on demand) and the chosen version's
 * generated settings form (a tab beside the plan's details) with the current values carried
 * over; "Update the plan" plans again with the settings as changed.
 */
public final class UpgradeReviewView extends VBox {

    public UpgradeReviewView(OperationFlowModel flow, UiTexts texts) {
        setId("wizard-review");
        setSpacing(6);
        PlanView plan = new PlanView(flow.planProperty(), texts);
        VBox.setVgrow(plan, Priority.ALWAYS);

        Label carried = new Label();
        carried.setId("wizard-review-carried");
        carried.setWrapText(true);
        carried.setMinHeight(Region.USE_PREF_SIZE);
        carried.getStyleClass().add(Styles.TEXT_MUTED);
        carried.textProperty().bind(texts.bind("wizard.review.carried"));

        StackPane formHolder = new StackPane();
        Runnable showForm = () -> formHolder.getChildren().setAll(flow.formProperty().get() == null ? java.util.List.of()
                : java.util.List.of(new ValuesFormView(flow.formProperty().get(), texts)));
        flow.formProperty().addListener((obs, old, value) -> showForm.run());
        showForm.run();
        VBox.setVgrow(formHolder, Priority.ALWAYS);
        Button replan = new Button();
        replan.setId("wizard-replan");
        replan.setMinHeight(44);
        replan.setMinWidth(Region.USE_PREF_SIZE);
        replan.textProperty().bind(texts.bind("wizard.review.replan"));
        replan.disableProperty().bind(Bindings.createBooleanBinding(() -> flow.planningProperty().get()
                || flow.formProperty().get() != null && !flow.formProperty().get().validProperty().get(),
                flow.planningProperty(), flow.formProperty(), flow.canNextProperty()));
        replan.setOnAction(e -> flow.replan());
        HBox actions = new HBox(8, carried, replan);
        HBox.setHgrow(carried, Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox settings = new VBox(6, actions, formHolder);
        settings.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
        // The settings are one more tab beside values, resources and diff: the page keeps its height at 1024×600.
        Tab tab = new Tab();
        tab.setId("wizard-review-settings");
        tab.setClosable(false);
        tab.textProperty().bind(texts.bind("wizard.review.settings"));
        tab.setContent(settings);
        ((TabPane) plan.lookup("#ops-plan-details")).getTabs().add(tab);
        getChildren().add(plan);
    }
}
