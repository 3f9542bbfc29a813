package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.i18n.api.Language;
import org.iepmp.support.api.TailnetStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Without a tailnet the Support view says what is missing and refuses to start a session after
 * consent; screen-share mode enlarges, raises contrast and shows the information strip.
 */
@ExtendWith(ApplicationExtension.class)
class SupportUiTest {

    @TempDir
    static Path home;

    private GuiComposition composition;

    @Start
    void start(Stage stage) {
        composition = TestCompositions.show(stage, home, Section.SUPPORT, Language.ENGLISH, false);
    }

    @Test
    void withoutTailnetNothingStarts(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.isExecutable(Path.of("/usr/bin/tailscale")),
                "this machine has tailscale; the refusal path needs a machine without it");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> composition.parts().support().tailnetProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(composition.parts().support().tailnetProperty().get().state())
                .isEqualTo(TailnetStatus.State.NOT_INSTALLED);
        assertThat(robot.lookup("#support-tailnet").queryAs(Label.class).getText()).startsWith("Tailscale is not installed");

        // Disabled, with the reason beside it, rather than failing after the consent with a raw code.
        assertThat(robot.lookup("#support-allow").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#support-needs-tailnet").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#support-needs-tailnet").queryAs(Label.class).getText()).contains("Tailscale");
        assertThat(composition.parts().support().sessionProperty().get()).isNull();
        assertThat(robot.lookup("#support-banner").query().isVisible()).isFalse();
    }

    @Test
    void supportBundleIsReviewedBeforeSaving(FxRobot robot) throws Exception {
        robot.clickOn("#support-bundle");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> composition.parts().support().bundleProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextArea manifest = robot.lookup("#support-bundle-manifest").query();
        assertThat(manifest.getText()).contains("history.txt").contains("releases.txt").contains("app-log.txt");
        robot.clickOn("Cancel");
        Path zip = home.resolve("bundle.zip");
        robot.interact(() -> composition.parts().support().saveBundle(zip));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> composition.parts().support().savedBundleProperty().get() != null);
        assertThat(zip).exists().isNotEmptyFile();
    }

    @Test
    void screenShareModeEnlargesAndShowsTheStrip(FxRobot robot) {
        atlantafx.base.controls.ToggleSwitch toggle = robot.lookup("#support-screen-share").query();
        // The switch sits below the fold at 1024x600; flip it as the keyboard would (focus + space).
        robot.interact(() -> toggle.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#screen-share-strip").query().isVisible()).isTrue();
        assertThat(robot.lookup("#screen-share-text").queryAs(Label.class).getText()).startsWith("IEPMP Console ")
                .contains("cluster Not connected").contains("user " + System.getProperty("user.name"));
        assertThat(composition.window().root().getStyle()).contains("-fx-font-size: 21.0px");
        assertThat(composition.window().scene().getStylesheets()).anyMatch(s -> s.endsWith("high-contrast.css"));
        robot.interact(() -> composition.parts().support().screenShareModeProperty().set(false));
        assertThat(composition.window().root().getStyle()).contains("-fx-font-size: 14.0px");
        assertThat(composition.window().scene().getStylesheets()).noneMatch(s -> s.endsWith("high-contrast.css"));
    }
}
