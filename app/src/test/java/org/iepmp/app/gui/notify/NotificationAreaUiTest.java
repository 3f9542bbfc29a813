package org.iepmp.app.gui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.task.ManualScheduler;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Notices over a form: they never take the focus, are reachable by Ctrl+Shift+N, and Escape closes them. */
@ExtendWith(ApplicationExtension.class)
class NotificationAreaUiTest {

    private final ManualScheduler timer = new ManualScheduler();
    private NotificationCenter center;
    private NotificationArea area;
    private TextField field;

    @Start
    void start(Stage stage) {
        center = new NotificationCenter(Runnable::run, timer, Duration.ofSeconds(10));
        area = new NotificationArea(center, new UiTexts(I18n.load(), Language.ENGLISH));
        field = new TextField();
        field.setId("form-field");
        StackPane root = new StackPane(field, area);
        Scene scene = new Scene(root, 1024, 600);
        area.installShortcut(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void noticesNeverStealTheFocusAndTheKeyboardReachesAndClosesThem(FxRobot robot) {
        robot.clickOn("#form-field").write("line-1");
        robot.interact(() -> center.operationEnded("line-monitor", org.iepmp.lifecycle.api.OperationOutcome.SUCCEEDED));
        assertThat(area.getChildren()).hasSize(1);
        assertThat(field.isFocused()).as("the technician keeps typing").isTrue();
        Node first = area.getChildren().get(0);
        assertThat(robot.from(first).lookup("line-monitor: the change was applied and verified.").tryQuery()).isPresent();

        robot.interact(() -> center.operationEnded("mqtt-broker", org.iepmp.lifecycle.api.OperationOutcome.ROLLED_BACK));
        assertThat(area.getChildren()).hasSize(2);
        assertThat(area.getChildren().get(0)).as("the first notice keeps its node").isSameAs(first);
        assertThat(field.isFocused()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Node focused = field.getScene().getFocusOwner();
        assertThat(focused).isInstanceOf(Button.class);
        assertThat(((Button) focused).getText()).isEqualTo("Close");
        assertThat(area.getChildren().get(1).isFocusWithin()).as("the newest notice").isTrue();

        // Read with the keyboard focus on it: the lifetime does not run out under the reader.
        robot.interact(() -> timer.advance(Duration.ofMinutes(1)));
        assertThat(area.getChildren()).hasSize(1);
        assertThat(robot.from(area).lookup("Operation rolled back").tryQuery()).isPresent();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getChildren()).isEmpty();
        assertThat(center.shown()).isEmpty();
    }
}
