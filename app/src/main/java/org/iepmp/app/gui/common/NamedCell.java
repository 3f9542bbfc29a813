package org.iepmp.app.gui.common;

import java.util.function.Function;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/**
 * A list/combo cell that shows an item through a naming function (localized enum names, say); when
 * too narrow for the name (large zoom) the whole of it is in the tooltip.
 */
public final class NamedCell<T> extends ListCell<T> {

    private final Function<T, String> name;
    private final Tooltip whole = new Tooltip();

    public NamedCell(Function<T, String> name) {
        this.name = name;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        String text = empty || item == null ? null : name.apply(item);
        setText(text);
        whole.setText(text);
        setTooltip(text == null || text.isEmpty() ? null : whole);
    }
}
