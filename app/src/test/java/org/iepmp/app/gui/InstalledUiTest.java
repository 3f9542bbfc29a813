package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.installed.InstalledRow;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.kube.drivers.Fabric8ClusterDrivers;
import org.iepmp.practice.api.PracticeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Installed view on the practice cluster: a release installed by another tool (here the Helm
 * driver, as `helm install` would) shows with its health; a crash-looping version shows the
 * plain-words reason with the container's last log lines.
 */
@ExtendWith(ApplicationExtension.class)
class InstalledUiTest {

    @TempDir
    static Path home;

    private GuiComposition composition;

    @Start
    void start(Stage stage) {
        composition = TestCompositions.show(stage, home, Section.INSTALLED, Language.ENGLISH, true);
    }

    @Test
    void showsOutsideReleasesWithHealthAndReasons(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> composition.parts().cluster().practiceProperty().get()
                && composition.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED);
        PracticeCatalog.Layout catalog = PracticeCatalog.create().writeTo(home.resolve("practice-catalog"));
        java.nio.file.Files.createDirectories(home.resolve("helm-scratch"));
        try (ClusterDrivers drivers = Fabric8ClusterDrivers.open(composition.parts().cluster().connectionProperty().get(),
                home.resolve("helm-scratch"), Clock.systemUTC())) {
            drivers.helm().install(InstallRequest.of(catalog.helmRepository().resolve("line-monitor-1.0.0.tgz"),
                    "line-monitor", "line", HelmValues.NONE, Duration.ofMinutes(2)).withWait(true));
            drivers.helm().install(InstallRequest.of(catalog.helmRepository().resolve("line-monitor-1.2.0.tgz"),
                    "line-monitor-next", "staging", HelmValues.NONE, Duration.ofMinutes(2)));
        }
        // Practice mode adds the practice catalog as a repository: its packages are the vendor's.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> composition.parts().clusterEngine().sessionProperty().get() != null
                && composition.parts().catalog().results().stream().anyMatch(p -> p.name().equals("line-monitor")));
        robot.interact(() -> composition.parts().installed().refresh());
        TableView<InstalledRow> table = robot.lookup("#installed-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 2
                && table.getItems().stream().allMatch(r -> r.health().isPresent()));
        InstalledRow healthy = table.getItems().stream().filter(r -> r.release().name().equals("line-monitor")).findFirst()
                .orElseThrow();
        assertThat(healthy.release().chartVersion()).isEqualTo("1.0.0");
        assertThat(healthy.health().get().healthy()).isTrue();
        assertThat(healthy.origin()).as("known to the practice repository").contains(org.iepmp.catalog.api.Origin.VENDOR);

        // The broken version crash-loops after the simulated readiness delay.
        for (int i = 0; i < 30; i++) {
            InstalledRow broken = table.getItems().stream().filter(r -> r.release().name().equals("line-monitor-next"))
                    .findFirst().orElseThrow();
            if (broken.health().get().overall() == HealthReason.CRASHING) {
                break;
            }
            TimeUnit.SECONDS.sleep(1);
            robot.interact(() -> composition.parts().installed().refresh());
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.release().name().equals("line-monitor-next")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        String detail = robot.lookup("#installed-detail").queryAs(TextArea.class).getText();
        assertThat(detail).contains("line-monitor-next: chart line-monitor 1.2.0").contains("Workloads:");
        assertThat(robot.lookup("Problem").tryQuery()).as("failing badge").isPresent();
        assertThat(robot.lookup("Healthy").tryQuery()).as("healthy badge").isPresent();
    }
}
