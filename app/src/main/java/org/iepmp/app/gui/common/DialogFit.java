package org.iepmp.app.gui.common;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Sizes a dialog to its content and keeps it inside the main window (or the screen): at 150 % zoom on a
 * 600 px high screen a form grew taller than the screen, its buttons below the edge; without a window
 * manager the toolkit's first guess stood (the repository form opened 123 px high, its Name row only).
 * So the size is set here, from the content's preferred size after the zoomed font applied, never left
 * to a window manager. The dialog's content must scroll (a ScrollPane) or shrink for a small room.
 */
public final class DialogFit {

    private static final double TOLERANCE = 1;

    private DialogFit() {
    }

    public static void keepOnScreen(Dialog<?> dialog, Window owner) {
        // The dialog settles its size (CSS, font, expanded details) after it is shown: fit each time it changes.
        Runnable refit = () -> Platform.runLater(() -> {
            if (dialog.isShowing()) {
                fit(dialog, owner, false);
            }
        });
        dialog.setOnShown(e -> Platform.runLater(() -> fit(dialog, owner, true)));
        dialog.getDialogPane().expandedProperty().addListener((obs, old, value) -> Platform.runLater(() -> {
            if (dialog.isShowing()) {
                fit(dialog, owner, true);
            }
        }));
        dialog.widthProperty().addListener((obs, old, value) -> refit.run());
        dialog.heightProperty().addListener((obs, old, value) -> refit.run());
        dialog.xProperty().addListener((obs, old, value) -> refit.run());
        dialog.yProperty().addListener((obs, old, value) -> refit.run());
    }

    /** The room a dialog of {@code owner} may take: the owner's bounds, else the primary screen's. */
    public static Rectangle2D room(Window owner) {
        return owner != null && owner.getWidth() > 0
                ? new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                : Screen.getPrimary().getVisualBounds();
    }

    /** @param resize size the window to its content (on showing, on expanding details); else only keep it inside */
    private static void fit(Dialog<?> dialog, Window owner, boolean resize) {
        DialogPane pane = dialog.getDialogPane();
        Scene scene = pane.getScene();
        if (scene == null || scene.getWindow() == null) {
            return;
        }
        Window window = scene.getWindow();
        Rectangle2D room = room(owner);
        // Decorations: what the window adds around its scene (none without a window manager).
        double frameWidth = Math.max(0, window.getWidth() - scene.getWidth());
        double frameHeight = Math.max(0, window.getHeight() - scene.getHeight());
        double width = window.getWidth();
        double height = window.getHeight();
        if (resize) {
            pane.applyCss();
            pane.layout();
            width = Math.min(pane.prefWidth(-1) + frameWidth, room.getWidth());
            height = pane.prefHeight(width - frameWidth) + frameHeight;
        }
        width = Math.min(width, room.getWidth());
        height = Math.min(height, room.getHeight());
        if (Math.abs(window.getWidth() - width) > TOLERANCE) {
            window.setWidth(width);
        }
        if (Math.abs(window.getHeight() - height) > TOLERANCE) {
            window.setHeight(height);
        }
        double x = resize ? room.getMinX() + (room.getWidth() - width) / 2 : window.getX();
        double y = resize ? room.getMinY() + (room.getHeight() - height) / 2 : window.getY();
        x = Math.max(room.getMinX(), Math.min(x, room.getMaxX() - width));
        y = Math.max(room.getMinY(), Math.min(y, room.getMaxY() - height));
        if (Math.abs(x - window.getX()) > TOLERANCE) {
            window.setX(x);
        }
        if (Math.abs(y - window.getY()) > TOLERANCE) {
            window.setY(y);
        }
    }
}
