package org.iepmp.app.gui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * A row of buttons (and small controls) that keep their words at any zoom and in any language:
 * what does not fit moves to a second line instead of being cut to "…".
 */
public final class ActionRow extends FlowPane {

    public ActionRow(Node... nodes) {
        super(8, 8);
        setAlignment(Pos.CENTER_LEFT);
        for (Node node : nodes) {
            add(node);
        }
    }

    /** Appends {@code node}, which keeps at least its preferred width. */
    public ActionRow add(Node node) {
        if (node instanceof Control control) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().add(node);
        return this;
    }
}
