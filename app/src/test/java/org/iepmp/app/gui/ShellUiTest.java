package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.kube.cluster.MockApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real main window headless (Monocle): it finds the kubeconfig, connects to a test
 * API server and lists its nodes; every section can be opened; the language switches at runtime.
 */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {

    @TempDir
    static Path home;

    private static MockApiServer server;
    private GuiComposition composition;

    @BeforeAll
    static void startServer() throws Exception {
        server = new MockApiServer();
        server.writeKubeconfig(home.resolve(".kube/config"), "plant-ipc");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        DiscoveryLocations locations = new DiscoveryLocations(home.resolve("none/microk8s"), home.resolve("none/k3s"),
                List.of(), home.resolve(".kube/config"));
        LaunchOptions options = new LaunchOptions(Optional.of(Language.ENGLISH), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
        composition = TestCompositions.build(AppPaths.under(home.resolve("iepmp")), options, locations, Locale.ENGLISH);
        composition.show(stage, () -> { });
    }

    @Test
    void connectsToTheDiscoveredClusterAndShowsItsNodes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> composition.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> nodes = robot.lookup("#cluster-nodes").queryAs(TableView.class);
        assertThat(nodes.getItems()).hasSize(2);
        assertThat(robot.lookup("#status-cluster").queryAs(Label.class).getText())
                .isEqualTo("Cluster: plant-ipc — Connected");
        assertThat(robot.lookup("#cluster-facts-version").queryAs(Label.class).getText()).startsWith("v1.31.4");
        assertThat(robot.lookup("#cluster-facts-nodes").queryAs(Label.class).getText()).isEqualTo("1 of 2 ready");
        assertThat(robot.lookup("#cluster-facts-identity").queryAs(Label.class).getText())
                .isEqualTo(server.kubeSystemUid());
        assertThat(robot.lookup("#cluster-state").queryAs(Label.class).getText())
                .startsWith("Connected to ~/.kube/config · plant-ipc");
    }

    @Test
    void everySectionOpensFromTheNavigation(FxRobot robot) {
        for (Section section : Section.values()) {
            robot.clickOn("#" + section.navId());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(composition.parts().shell().sectionProperty().get()).isEqualTo(section);
            assertThat(robot.lookup("#" + section.navId()).queryAs(ToggleButton.class).isSelected()).isTrue();
            Node content = robot.lookup("#section-content").query();
            assertThat(content.isVisible()).isTrue();
        }
        assertThat(robot.lookup("#settings-view").tryQuery()).isPresent();
        robot.clickOn("#nav-installed");
        assertThat(robot.lookup("#installed-view").tryQuery()).isPresent();
        robot.clickOn("#nav-updates");
        assertThat(robot.lookup("#updates-view").tryQuery()).isPresent();
        // Keyboard: Ctrl+6 opens the sixth section.
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT6)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(composition.parts().shell().sectionProperty().get()).isEqualTo(Section.CLUSTER);
    }

    @Test
    void languageSwitchesAtRuntimeAndIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        robot.clickOn("#settings-language");
        robot.clickOn("繁體中文");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-installed").queryAs(ToggleButton.class).getText()).isEqualTo("已安裝");
        assertThat(robot.lookup("#status-language").queryAs(Label.class).getText()).isEqualTo("語言：繁體中文");
        String rootStyle = composition.window().root().getStyle();
        assertThat(rootStyle).contains("-fx-font-family");
        if (javafx.scene.text.Font.getFamilies().contains("Noto Sans CJK TC")) {
            assertThat(rootStyle).contains("Noto Sans CJK TC");
        }
        Path settings = home.resolve("iepmp/config/settings.properties");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> Files.exists(settings) && Files.readString(settings).contains("language=zh-TW"));

        robot.clickOn("#settings-language");
        robot.clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-installed").queryAs(ToggleButton.class).getText()).isEqualTo("Installed");
    }

    @Test
    void practiceModeRunsASimulatedClusterUnderAPersistentBanner(FxRobot robot) throws Exception {
        robot.clickOn("#nav-cluster");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> composition.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED);
        robot.clickOn("#cluster-practice");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> composition.parts().cluster().practiceProperty().get()
                && composition.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#practice-banner").query().isVisible()).isTrue();
        assertThat(robot.lookup("PRACTICE").tryQuery()).isPresent();
        TableView<?> nodes = robot.lookup("#cluster-nodes").queryAs(TableView.class);
        assertThat(nodes.getItems()).isNotEmpty();
        // The banner stays while the technician moves around.
        robot.clickOn("#nav-history");
        assertThat(robot.lookup("#practice-banner").query().isVisible()).isTrue();
        robot.clickOn("#practice-leave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#practice-banner").query().isVisible()).isFalse();
        assertThat(composition.parts().cluster().stateProperty().get()).isEqualTo(ConnectionState.NOT_CONNECTED);
    }

    @Test
    void zoomScalesTheWholeWindow(FxRobot robot) {
        robot.clickOn("#nav-settings");
        robot.interact(() -> composition.parts().settings().zoomPercentProperty().set(150));
        assertThat(composition.window().root().getStyle()).contains("-fx-font-size: 21.0px");
        assertThat(robot.lookup("#status-zoom").queryAs(Label.class).getText()).isEqualTo("Zoom: 150 %");
        robot.interact(() -> composition.parts().settings().zoomPercentProperty().set(100));
    }
}
