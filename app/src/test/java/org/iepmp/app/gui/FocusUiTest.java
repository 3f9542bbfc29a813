package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Keyboard use: the navigation is in the Tab order, and every control that takes the focus shows it
 * (its pixels change when focused: a ring, a border, a colour), in every section.
 */
@ExtendWith(ApplicationExtension.class)
class FocusUiTest {

    @TempDir
    static Path home;

    private GuiComposition composition;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        composition = TestCompositions.show(stage, home, Section.INSTALLED, Language.ENGLISH, false);
    }

    @Test
    void tabWalksThroughTheNavigation(FxRobot robot) {
        robot.interact(() -> stage.getScene().lookup("#nav-installed").requestFocus());
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < Section.values().length - 1; i++) {
            robot.type(KeyCode.TAB);
            Node focused = stage.getScene().getFocusOwner();
            reached.add(focused == null ? "nothing" : String.valueOf(focused.getId()));
        }
        List<String> expected = new ArrayList<>();
        for (Section section : Section.values()) {
            expected.add(section.navId());
        }
        assertThat(reached).as("Tab from the first entry").containsExactlyElementsOf(expected.subList(1, expected.size()));
    }

    @Test
    void everyFocusableControlShowsItsFocus(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (Section section : Section.values()) {
            robot.interact(() -> composition.parts().shell().show(section));
            WaitForAsyncUtils.waitForFxEvents();
            for (Control control : focusable(stage.getScene().getRoot())) {
                robot.interact(() -> stage.getScene().getRoot().requestFocus());
                Image before = snapshot(robot, control);
                robot.interact(control::requestFocus);
                if (!control.isFocused()) {
                    continue;
                }
                Image after = snapshot(robot, control);
                if (same(before, after)) {
                    problems.add(section + ": no visible focus on " + control.getClass().getSimpleName()
                            + control.getStyleClass() + (control.getId() == null ? "" : " #" + control.getId()));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<Control> focusable(Node node) {
        List<Control> found = new ArrayList<>();
        if (!node.isVisible() || node.isDisabled()) {
            return found;
        }
        if (node instanceof Control control && control.isFocusTraversable() && !(node instanceof IndexedCell<?>)
                && !(node instanceof ScrollBar) && control.getWidth() > 0) {
            found.add(control);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                found.addAll(focusable(child));
            }
        }
        return found;
    }

    private Image snapshot(FxRobot robot, Control control) {
        WaitForAsyncUtils.waitForFxEvents();
        Image[] image = new Image[1];
        // The scene around the control: a ring drawn outside the control's bounds counts too.
        robot.interact(() -> {
            javafx.geometry.Bounds b = control.localToScene(control.getBoundsInLocal());
            javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
            params.setViewport(new javafx.geometry.Rectangle2D(Math.max(0, b.getMinX() - 6), Math.max(0, b.getMinY() - 6),
                    b.getWidth() + 12, b.getHeight() + 12));
            image[0] = stage.getScene().getRoot().snapshot(params, null);
        });
        return image[0];
    }

    private static boolean same(Image a, Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
