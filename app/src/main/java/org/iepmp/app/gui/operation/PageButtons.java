package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;

/**
 * Cancel on the left, Back and Next on the right, under the operation pages of a single operation
 * and of an update run alike: 44 px touch targets, words never cut, Next the default button (Enter).
 * Back and Next show on every page but Apply and Result; the dialog binds the rest (texts, states,
 * actions), which differ between the two.
 */
final class PageButtons {

    final Button cancel = sized("ops-cancel");
    final Button back = sized("ops-back");
    final Button next = sized("ops-next");

    PageButtons(UiTexts texts, ObservableValue<Page> page) {
        back.textProperty().bind(texts.bind("ops.flow.back"));
        back.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> page.getValue() != Page.RESULT && page.getValue() != Page.PROGRESS, page));
        back.managedProperty().bind(back.visibleProperty());
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        next.visibleProperty().bind(back.visibleProperty());
        next.managedProperty().bind(next.visibleProperty());
    }

    HBox row() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, spacer, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 0, 0, 0));
        return buttons;
    }

    private static Button sized(String id) {
        Button button = new Button();
        button.setId(id);
        button.setMinHeight(44);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
