package org.iepmp.app.gui.catalog;

import java.util.function.Function;
import javafx.scene.control.ListCell;

/** A filter combo's cell where the {@code null} item is the "all" choice and is named too (button cell included). */
final class AllOrOneCell<T> extends ListCell<T> {

    private final Function<T, String> name;
    private final boolean button;

    private AllOrOneCell(Function<T, String> name, boolean button) {
        this.name = name;
        this.button = button;
    }

    /** A cell of the drop-down list, where the null item is a real row. */
    static <T> AllOrOneCell<T> row(Function<T, String> name) {
        return new AllOrOneCell<>(name, false);
    }

    /** The combo's button cell, which the combo marks empty while the null value is chosen. */
    static <T> AllOrOneCell<T> button(Function<T, String> name) {
        return new AllOrOneCell<>(name, true);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        // A button cell shows "empty" for the null value: it still names the "all" choice.
        setText(empty && !button ? null : name.apply(item));
    }
}
