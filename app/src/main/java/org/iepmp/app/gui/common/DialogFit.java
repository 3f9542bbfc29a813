package org.iepmp.app.gui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Keeps a dialog inside the main window's screen: at 150 % zoom on a 600 px high screen a form or
 * an error with its details grew taller than the screen and its buttons ended up below the edge.
 * The dialog's content must scroll (a ScrollPane) or shrink for this to help.
 */
public final class DialogFit {

    private DialogFit() {
    }

    public static void keepOnScreen(Dialog<?> dialog, Window owner) {
        // The dialog settles its size (CSS, font, expanded details) after it is shown: fit each time it changes.
        Runnable refit = () -> javafx.application.Platform.runLater(() -> {
            if (dialog.isShowing()) {
                fit(dialog, owner);
            }
        });
        // Sized once more when shown: the first size was taken before the zoomed font applied to em sizes.
        dialog.setOnShown(e -> javafx.application.Platform.runLater(() -> {
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
            refit.run();
        }));
        dialog.widthProperty().addListener((obs, old, value) -> refit.run());
        dialog.heightProperty().addListener((obs, old, value) -> refit.run());
        dialog.xProperty().addListener((obs, old, value) -> refit.run());
        dialog.yProperty().addListener((obs, old, value) -> refit.run());
    }

    private static void fit(Dialog<?> dialog, Window owner) {
        Rectangle2D room = owner != null
                ? new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                : Screen.getPrimary().getVisualBounds();
        if (dialog.getHeight() > room.getHeight()) {
            dialog.setHeight(room.getHeight());
        }
        if (dialog.getWidth() > room.getWidth()) {
            dialog.setWidth(room.getWidth());
        }
        double y = Math.max(room.getMinY(), Math.min(dialog.getY(), room.getMaxY() - dialog.getHeight()));
        double x = Math.max(room.getMinX(), Math.min(dialog.getX(), room.getMaxX() - dialog.getWidth()));
        if (y != dialog.getY()) {
            dialog.setY(y);
        }
        if (x != dialog.getX()) {
            dialog.setX(x);
        }
    }
}
