package org.iepmp.app.gui.common;

import javafx.scene.control.Button;

/** Button factory: an id for tests and keyboard lookup, words from the bundles (following the language), one action. */
public final class Buttons {

    private final UiTexts texts;

    public Buttons(UiTexts texts) {
        this.texts = texts;
    }

    public Button of(String id, String key, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(texts.bind(key));
        button.setOnAction(e -> action.run());
        return button;
    }
}
