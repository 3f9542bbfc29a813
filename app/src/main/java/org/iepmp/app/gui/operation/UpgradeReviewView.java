package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.UiTexts;

/**
 * The update wizard's review page: the plan (the shared {@link PlanView}: dependencies that change
 * too, values, resources, manifest diff on demand) and, folded below it, the chosen version's
 * generated settings form with the current values carried over; "Update the plan" plans again
 * with the settings as changed.
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
        formHolder.setPrefHeight(220);
        Runnable showForm = () -> formHolder.getChildren().setAll(flow.formProperty().get() == null ? java.util.List.of()
                : java.util.List.of(new ValuesFormView(flow.formProperty().get(), texts)));
        flow.formProperty().addListener((obs, old, value) -> showForm.run());
        showForm.run();
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
        VBox settings = new VBox(6, formHolder, actions);
        TitledPane fold = new TitledPane();
        fold.setId("wizard-review-settings");
        fold.textProperty().bind(texts.bind("wizard.review.settings"));
        fold.setContent(settings);
        fold.setExpanded(false);
        fold.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(plan, fold);
    }
}
