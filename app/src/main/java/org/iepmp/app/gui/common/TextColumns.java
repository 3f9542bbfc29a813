package org.iepmp.app.gui.common;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text table columns whose header follows the active language and whose cells are computed text.
 * Widths follow the font (so the zoom): the header is a label whose resolved font gives the
 * column's minimum (the header's whole words) and scales its preferred width; a cell too narrow
 * for its value shortens it with an ellipsis and shows the whole value as tooltip.
 */
public final class TextColumns {

    /** The font size the preferred widths were chosen for (100 % zoom). */
    private static final double BASE_FONT_PX = 14;
    /** Room around the header text: the header's padding and a sort arrow. */
    private static final double HEADER_ROOM_EM = 1.6;

    private final UiTexts texts;

    public TextColumns(UiTexts texts) {
        this.texts = texts;
    }

    /** A column of text cells; {@code prefWidth} is in px at 100 % zoom and grows with the font. */
    public <R> TableColumn<R, String> column(String headerKey, Function<R, String> value, double prefWidth) {
        TableColumn<R, String> column = new TableColumn<>();
        header(column, headerKey, prefWidth);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(col -> new FullTextCell<>());
        return column;
    }

    /**
     * Gives {@code column} its header text as a label and ties its widths to that label's font;
     * returns the label, whose font other width rules (a button in the cells, say) can follow.
     */
    public Label header(TableColumn<?, ?> column, String headerKey, double prefWidth) {
        Label header = new Label();
        header.textProperty().bind(texts.bind(headerKey));
        column.setText(null);
        column.setGraphic(header);
        DoubleBinding wholeHeader = Bindings.createDoubleBinding(() -> textWidth(header.getText(), header.getFont())
                + header.getPadding().getLeft() + header.getPadding().getRight()
                + HEADER_ROOM_EM * header.getFont().getSize(), header.textProperty(), header.fontProperty(),
                header.paddingProperty());
        column.minWidthProperty().bind(wholeHeader);
        // Set rather than bound: dragging a column border sets the preferred width.
        header.fontProperty().addListener((obs, old, font) -> column.setPrefWidth(prefWidth * font.getSize() / BASE_FONT_PX));
        column.setPrefWidth(prefWidth * header.getFont().getSize() / BASE_FONT_PX);
        return header;
    }

    /** The width {@code text} takes in {@code font} on one line. */
    public static double textWidth(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measure = new Text(text);
        measure.setFont(font);
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }
}
