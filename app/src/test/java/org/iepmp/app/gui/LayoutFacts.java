package org.iepmp.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * Layout facts of a shown scene that make it unreadable: words cut off with an ellipsis where the
 * control should keep them (buttons, titles, column headers, tabs), long cells cut without a tooltip
 * that shows the whole text, and visible nodes that reach past the window's right edge with no
 * scroll container or clip around them, on any edge (a status bar pushed below the bottom edge is as
 * lost as a button past the right one), and touch targets under 44 px.
 */
final class LayoutFacts {

    private static final double TOLERANCE = 0.5;
    /** The smallest touch target a finger hits reliably (WCAG 2.5.5, the HMI panels' guideline). */
    static final double TOUCH_TARGET = 44;

    private LayoutFacts() {
    }

    static List<String> problems(Scene scene) {
        List<String> problems = new ArrayList<>();
        walk(scene.getRoot(), scene.getWidth(), scene.getHeight(), false, problems);
        return problems;
    }

    private static void walk(Node node, double sceneWidth, double sceneHeight, boolean contained, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            checkLabeled(labeled, problems);
        }
        if (node instanceof ButtonBase button && !(node instanceof IndexedCell<?>)) {
            checkInsideItsCell(button, problems);
        }
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        if (!contained && bounds.getWidth() > 0 && bounds.getHeight() > 0) {
            checkInsideWindow(node, bounds, sceneWidth, sceneHeight, problems);
        }
        checkTouchTarget(node, problems);
        boolean inside = contained || node instanceof ScrollPane || node.getClip() != null;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, sceneWidth, sceneHeight, inside, problems);
            }
        }
    }

    private static void checkInsideWindow(Node node, Bounds bounds, double width, double height, List<String> problems) {
        String edge = bounds.getMaxX() > width + TOLERANCE ? "right edge " + Math.round(bounds.getMaxX()) + " > " + Math.round(width)
                : bounds.getMinX() < -TOLERANCE ? "left edge " + Math.round(bounds.getMinX()) + " < 0"
                : bounds.getMaxY() > height + TOLERANCE ? "bottom edge " + Math.round(bounds.getMaxY()) + " > " + Math.round(height)
                : bounds.getMinY() < -TOLERANCE ? "top edge " + Math.round(bounds.getMinY()) + " < 0" : null;
        if (edge != null) {
            problems.add("outside the window (" + edge + "): " + describe(node));
        }
    }

    /**
     * A control a finger must hit is at least 44 px high and wide. Cells are rows (their height is the
     * table's row height, checked there); a control inside a cell counts by its row.
     */
    private static void checkTouchTarget(Node node, List<String> problems) {
        if (!(node instanceof javafx.scene.control.Control control) || !control.isFocusTraversable()
                || control.isDisabled() || node instanceof IndexedCell<?> || insideCell(node)
                || node instanceof javafx.scene.control.ScrollBar || node instanceof javafx.scene.control.TableView<?>
                || node instanceof javafx.scene.control.ListView<?> || node instanceof javafx.scene.control.TextArea
                || node instanceof javafx.scene.control.ScrollPane) {
            return;
        }
        Bounds own = node.localToScene(node.getLayoutBounds());
        if (own.getWidth() > 0 && (own.getHeight() < TOUCH_TARGET - TOLERANCE || own.getWidth() < TOUCH_TARGET - TOLERANCE)) {
            problems.add("touch target under " + Math.round(TOUCH_TARGET) + " px (" + Math.round(own.getWidth()) + "×"
                    + Math.round(own.getHeight()) + "): " + describe(node));
        }
    }

    private static boolean insideCell(Node node) {
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (at instanceof IndexedCell<?>) {
                return true;
            }
        }
        return false;
    }

    private static void checkLabeled(Labeled labeled, List<String> problems) {
        String text = labeled.getText();
        if (text == null || text.isEmpty() || labeled.getWidth() <= 0) {
            return;
        }
        String shown = shownText(labeled);
        if (shown == null || shown.equals(text) || !shown.contains(labeled.getEllipsisString())) {
            return;
        }
        if (labeled instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null
                && cell.getTableColumn().getStyleClass().contains(org.iepmp.app.gui.common.TextColumns.KEY_COLUMN)) {
            problems.add("key value cut: \"" + text + "\" shown as \"" + shown + "\" in " + describe(labeled));
            return;
        }
        if (labeled instanceof IndexedCell<?>) {
            // A table or list cell may shorten a long value, if its tooltip gives the whole of it.
            if (labeled.getTooltip() == null || !text.equals(labeled.getTooltip().getText())) {
                problems.add("cell cut without a tooltip: \"" + text + "\" shown as \"" + shown + "\" in " + describe(labeled));
            }
            return;
        }
        problems.add("text cut: \"" + text + "\" shown as \"" + shown + "\" in " + describe(labeled));
    }

    /** A button in a table or list cell must fit the cell: the cell's clip would cut off its words. */
    private static void checkInsideItsCell(ButtonBase button, List<String> problems) {
        for (Node at = button.getParent(); at != null; at = at.getParent()) {
            if (at instanceof IndexedCell<?> cell) {
                Bounds own = button.localToScene(button.getLayoutBounds());
                Bounds room = cell.localToScene(cell.getLayoutBounds());
                if (own.getMinX() < room.getMinX() - TOLERANCE || own.getMaxX() > room.getMaxX() + TOLERANCE) {
                    problems.add("button wider than its cell (" + Math.round(own.getWidth()) + " > "
                            + Math.round(room.getWidth()) + "): \"" + button.getText() + "\" in " + describe(button));
                }
                return;
            }
        }
    }

    /** What the skin draws: its text node holds the (possibly shortened) string. */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.getStyleClass().contains("text")) {
                return shown.getText();
            }
        }
        return null;
    }

    private static String describe(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getId() != null) {
                path.insert(0, "#" + at.getId() + " ");
                if (at != node) {
                    break;
                }
            }
        }
        return node.getClass().getSimpleName() + node.getStyleClass() + " under " + path.toString().trim();
    }
}
