package org.iepmp.app.gui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A calm centred sentence for a section that has nothing to show yet. */
public final class EmptyStateView extends VBox {

    public EmptyStateView(UiTexts texts, String titleKey, String textKey) {
        Label title = new Label();
        title.textProperty().bind(texts.bind(titleKey));
        title.getStyleClass().addAll("title-3", "empty-title");
        title.setWrapText(true);
        Label text = new Labels(texts).paragraph(textKey);
        text.setMaxWidth(560);
        getChildren().addAll(title, text);
        setAlignment(Pos.CENTER);
        setSpacing(12);
        getStyleClass().add("empty-state");
    }
}
