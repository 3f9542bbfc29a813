package org.iepmp.app.gui.common;

import java.util.function.Function;
import javafx.scene.control.ListCell;

/** A list/combo cell that shows an item through a naming function (localized enum names, say). */
public final class NamedCell<T> extends ListCell<T> {

    private final Function<T, String> name;

    public NamedCell(Function<T, String> name) {
        this.name = name;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : name.apply(item));
    }
}
