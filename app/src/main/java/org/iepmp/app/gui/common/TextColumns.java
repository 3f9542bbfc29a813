package org.iepmp.app.gui.common;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text table columns whose header follows the active language and whose cells are computed text.
 * Widths follow the font (so the zoom): the header is a wrapping label whose resolved font gives the
 * column's minimum (its longest word) and scales its preferred width; a header wider than its
 * column goes onto a second line; a cell too narrow for its value shortens it with an ellipsis and
 * shows the whole value as tooltip.
 */
public final class TextColumns {

    /** Room around the header label: the padding of the header's own label (0.5em a side) and its border. */
    private static final double HEADER_ROOM_EM = 1.15;

    /** Style class of a {@link #keyColumn} (layout tests hold its cells to never being shortened). */
    public static final String KEY_COLUMN = "key-column";

    private final UiTexts texts;

    public TextColumns(UiTexts texts) {
        this.texts = texts;
    }

    /**
     * A column of text cells; {@code prefWidth} (px at 100 % zoom) is its share of the table's width under
     * a constrained resize policy, never less than its header's longest word.
     */
    public <R> TableColumn<R, String> column(String headerKey, Function<R, String> value, double prefWidth) {
        TableColumn<R, String> column = new TableColumn<>();
        header(column, headerKey, prefWidth);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(col -> new FullTextCell<>());
        return column;
    }

    /**
     * A column whose values must never be shortened (the package name a technician reads aloud during a
     * screen share): besides its header's longest word, its minimum covers the longest word of every value in
     * {@code rows}, at the current font, so at 150 % the other columns wrap instead.
     */
    public <R> TableColumn<R, String> keyColumn(String headerKey, Function<R, String> value, double prefWidth,
                                                ObservableList<R> rows) {
        TableColumn<R, String> column = column(headerKey, value, prefWidth);
        column.getStyleClass().add(KEY_COLUMN);
        Label header = (Label) column.getGraphic();
        column.minWidthProperty().unbind();
        column.minWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(
                longestWordWidth(header.getText(), header.getFont()),
                rows.stream().mapToDouble(row -> longestWordWidth(value.apply(row), header.getFont())).max().orElse(0))
                + horizontalRoom(header), header.textProperty(), header.fontProperty(), header.paddingProperty(), rows));
        return column;
    }

    /**
     * Gives {@code column} its header text as a label and ties its widths to that label's font;
     * returns the label, whose font other width rules (a button in the cells, say) can follow.
     */
    public Label header(TableColumn<?, ?> column, String headerKey, double prefWidth) {
        Label header = new Label();
        header.getStyleClass().add("column-title");
        header.textProperty().bind(texts.bind(headerKey));
        header.setWrapText(true);
        column.setText(null);
        column.setGraphic(header);
        // The narrowest the column may get: its longest header word on a line (words never break).
        DoubleBinding longestWord = Bindings.createDoubleBinding(() -> longestWordWidth(header.getText(), header.getFont())
                + horizontalRoom(header), header.textProperty(), header.fontProperty(), header.paddingProperty());
        column.minWidthProperty().bind(longestWord);
        // A header wider than its column wraps onto more lines; the header row grows to show them.
        header.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            Text measure = new Text(header.getText() == null ? "" : header.getText());
            measure.setFont(header.getFont());
            measure.setWrappingWidth(Math.max(1, column.getWidth() - horizontalRoom(header)));
            return Math.ceil(measure.getLayoutBounds().getHeight()) + header.getPadding().getTop()
                    + header.getPadding().getBottom();
        }, header.textProperty(), header.fontProperty(), header.paddingProperty(), column.widthProperty()));
        column.setPrefWidth(prefWidth);
        // A column that grew to its new minimum (larger zoom, another language) pushes the others off
        // the right edge until the table fits its columns again under its resize policy.
        column.minWidthProperty().addListener((obs, old, value) -> {
            TableView<?> table = column.getTableView();
            if (table != null) {
                table.resizeColumn(null, 0);
            }
        });
        return header;
    }

    private static double horizontalRoom(Label header) {
        return header.getPadding().getLeft() + header.getPadding().getRight()
                + HEADER_ROOM_EM * header.getFont().getSize();
    }

    /** The widest word of {@code text} (split at spaces; CJK text without spaces counts as one word). */
    public static double longestWordWidth(String text, Font font) {
        if (text == null) {
            return 0;
        }
        double widest = 0;
        for (String word : text.split("\\s+")) {
            widest = Math.max(widest, textWidth(word, font));
        }
        return widest;
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
