package org.iepmp.app.gui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Text table columns whose header follows the active language and whose cells are computed text. */
public final class TextColumns {

    private final UiTexts texts;

    public TextColumns(UiTexts texts) {
        this.texts = texts;
    }

    public <R> TableColumn<R, String> column(String headerKey, Function<R, String> value, double prefWidth) {
        TableColumn<R, String> column = new TableColumn<>();
        column.textProperty().bind(texts.bind(headerKey));
        column.setPrefWidth(prefWidth);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
