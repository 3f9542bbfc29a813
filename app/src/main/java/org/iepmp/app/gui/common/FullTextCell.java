package org.iepmp.app.gui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A text cell that, when its column is narrower than its value (large zoom, long names), ends it
 * with an ellipsis and keeps the whole value in a tooltip.
 */
public class FullTextCell<R> extends TableCell<R, String> {

    private final Tooltip whole = new Tooltip();

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean blank = empty || item == null || item.isEmpty();
        setText(empty ? null : item);
        whole.setText(blank ? null : item);
        setTooltip(blank ? null : whole);
    }
}
