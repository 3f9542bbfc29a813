package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.UiTexts;

/**
 * "Update all", first page: every package in the order it will be updated, each ticked (untick to
 * leave it out) with "installed → version" where the version can be changed (older ones too), its
 * risk hints and where it comes from. A column that scrolls, so nothing is clipped at 150 % zoom.
 */
public final class UpdateRunChoiceView extends ScrollPane {

    public UpdateRunChoiceView(UpdateRunModel run, UiTexts texts) {
        setId("wizard-run-choose");
        setFitToWidth(true);
        VBox rows = new VBox(6);
        rows.setPadding(new Insets(4, 8, 4, 4));
        int index = 0;
        for (UpdateRunModel.Part part : run.parts()) {
            rows.getChildren().add(row(++index, part, texts));
        }
        setContent(rows);
    }

    private static VBox row(int index, UpdateRunModel.Part part, UiTexts texts) {
        OperationFlowModel flow = part.flow();
        String pkg = flow.spec().releaseName();
        CheckBox include = new CheckBox(index + ". " + pkg);
        include.setId("wizard-run-include-" + pkg);
        include.setMinHeight(44);
        include.getStyleClass().add(Styles.TEXT_BOLD);
        include.selectedProperty().bindBidirectional(part.includedProperty());
        Label from = new Label(flow.spec().upgrade().installedVersion() + " →");
        from.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane line = new FlowPane(8, 4, include, from, versionChoice(part, texts));
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(2, line, hintsLabel(part, texts), removesLabel(part, texts));
        row.setPadding(new Insets(4, 0, 6, 0));
        row.getStyleClass().add("wizard-run-row");
        return row;
    }

    /** The version to update to: in the list with its hints, chosen with only its number. */
    private static ComboBox<UpgradeChoice> versionChoice(UpdateRunModel.Part part, UiTexts texts) {
        OperationFlowModel flow = part.flow();
        UpgradeOffer offer = flow.spec().upgrade();
        ComboBox<UpgradeChoice> version = new ComboBox<>();
        version.setId("wizard-run-version-" + flow.spec().releaseName());
        version.setMinHeight(44);
        version.getItems().setAll(offer.choices());
        version.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(UpgradeChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.version() + "  (" + UpgradeChoiceView.hints(texts, offer, item) + ")");
            }
        });
        version.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(UpgradeChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.version());
            }
        });
        version.valueProperty().bindBidirectional(flow.upgradeChoiceProperty());
        version.disableProperty().bind(part.includedProperty().not());
        return version;
    }

    /** The chosen version's hints, dependency changes and resource hint, then the origin. */
    private static Label hintsLabel(UpdateRunModel.Part part, UiTexts texts) {
        OperationFlowModel flow = part.flow();
        UpgradeOffer offer = flow.spec().upgrade();
        Label hints = new Label();
        hints.setId("wizard-run-hints-" + flow.spec().releaseName());
        hints.setWrapText(true);
        hints.setMinHeight(Region.USE_PREF_SIZE);
        hints.getStyleClass().add(Styles.TEXT_MUTED);
        hints.textProperty().bind(Bindings.createStringBinding(() -> {
            UpgradeChoice chosen = flow.upgradeChoiceProperty().get();
            String origin = texts.get("wizard.choose.origin", offer.origin() == null ? texts.get("wizard.choose.origin.unknown")
                    : new EnumTexts(texts).origin(offer.origin()));
            if (chosen == null) {
                return origin;
            }
            List<String> parts = new java.util.ArrayList<>(List.of(UpgradeChoiceView.hints(texts, offer, chosen)));
            if (!chosen.dependencyChanges().isEmpty()) {
                parts.add(String.join(", ", chosen.dependencyChanges()));
            }
            String resources = new OperationTexts(texts).resourceHint(flow.resourcePreviewProperty().get());
            if (!resources.isEmpty()) {
                parts.add(resources);
            }
            parts.add(origin);
            return String.join(" · ", parts);
        }, flow.upgradeChoiceProperty(), flow.resourcePreviewProperty(), texts.messagesProperty()));
        hints.disableProperty().bind(part.includedProperty().not());
        return hints;
    }

    /** What the chosen version removes, in danger colour, while the package is included. */
    private static Label removesLabel(UpdateRunModel.Part part, UiTexts texts) {
        OperationFlowModel flow = part.flow();
        Label removes = new Label();
        removes.setId("wizard-run-removes-" + flow.spec().releaseName());
        removes.setWrapText(true);
        removes.setMinHeight(Region.USE_PREF_SIZE);
        removes.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
        removes.textProperty().bind(Bindings.createStringBinding(() -> {
            ResourcePreview preview = flow.resourcePreviewProperty().get();
            return preview == null || preview.removed().isEmpty() ? ""
                    : texts.get("wizard.choose.resources.removed", preview.removed().size(), String.join(", ", preview.removed()));
        }, flow.resourcePreviewProperty(), texts.messagesProperty()));
        removes.visibleProperty().bind(removes.textProperty().isNotEmpty().and(part.includedProperty()));
        removes.managedProperty().bind(removes.visibleProperty());
        return removes;
    }
}
