package org.iepmp.app.gui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A text cell that, when its column is narrower than its value (large zoom, long names), wraps it at
 * its spaces onto a second line where each word fits and the row's height allows, ends the rest
 * with an ellipsis, and keeps the whole value in a tooltip.
 */
public class FullTextCell<R> extends TableCell<R, String> {

    private final Tooltip whole = new Tooltip();

    @Override
    protected void layoutChildren() {
        // Wrap only where every word fits the column: JavaFX would otherwise break a word mid-way.
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        boolean wrap = getText() != null && TextColumns.longestWordWidth(getText(), getFont()) <= room;
        if (wrap != isWrapText()) {
            setWrapText(wrap);
        }
        super.layoutChildren();
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean blank = empty || item == null || item.isEmpty();
        setText(empty ? null : item);
        whole.setText(blank ? null : item);
        setTooltip(blank ? null : whole);
    }
}
