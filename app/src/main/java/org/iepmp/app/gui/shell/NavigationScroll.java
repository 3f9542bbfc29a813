package org.iepmp.app.gui.shell;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * The navigation's scroll pane: as wide as its widest entry (a badge included) plus the scroll bar
 * while one shows, so an entry never loses its words to the bar; as low as the window allows.
 */
final class NavigationScroll extends ScrollPane {

    private final Region entries;

    NavigationScroll(Region entries) {
        super(entries);
        this.entries = entries;
        // The bar appears or goes when the window's height changes: the width must follow.
        heightProperty().addListener((obs, old, value) -> requestLayout());
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefWidth(double height) {
        double room = getHeight() > 0 ? getHeight() : height;
        boolean scrolls = room > 0 && entries.prefHeight(-1) > room;
        return snappedLeftInset() + entries.prefWidth(-1) + (scrolls ? barWidth() : 0) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    private double barWidth() {
        for (Node node : lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return bar.prefWidth(-1);
            }
        }
        return 12;
    }
}
