package org.iepmp.app.gui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Label factory for the recurring shapes: section titles, wrapping paragraphs, form labels. */
public final class Labels {

    private final UiTexts texts;

    public Labels(UiTexts texts) {
        this.texts = texts;
    }

    public Label title(String key) {
        Label label = bound(key);
        label.getStyleClass().add(Styles.TITLE_3);
        return label;
    }

    /**
     * A wrapping paragraph. Its minimum height is its wrapped height: otherwise a crowded VBox
     * shrinks it to one line and the sentence ends in an ellipsis.
     */
    public Label paragraph(String key) {
        Label label = bound(key);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    public Label plain(String key) {
        Label label = bound(key);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** An empty wrapping label for a text bound later; as tall as its wrapped text (see {@link #paragraph}). */
    public static Label wrapping(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private Label bound(String key) {
        Label label = new Label();
        label.textProperty().bind(texts.bind(key));
        return label;
    }
}
