package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.LeaseRecord;
import org.iepmp.kube.drivers.Fabric8ClusterDrivers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Cluster view names who holds the operation lock: free on a fresh practice cluster; another
 * console's Lease in kube-system (as a second IEPMP Console would write it) shows its user and host.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterLockUiTest {

    @TempDir
    static Path home;

    private GuiComposition composition;

    @Start
    void start(Stage stage) {
        composition = TestCompositions.show(stage, home, Section.CLUSTER, Language.ENGLISH, true);
    }

    @Test
    void showsTheLockFreeThenHeldByAnotherConsole(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> composition.parts().cluster().stateProperty().get()
                == ConnectionState.CONNECTED && composition.parts().clusterEngine().sessionProperty().get() != null);
        Label lock = robot.lookup("#cluster-facts-lock").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lock.getText().equals("free — no operation is running"));

        String clusterId = composition.parts().cluster().factsProperty().get().identity();
        Instant now = Instant.now();
        Files.createDirectories(home.resolve("helm-scratch"));
        try (ClusterDrivers drivers = Fabric8ClusterDrivers.open(composition.parts().cluster().connectionProperty().get(),
                home.resolve("helm-scratch"), Clock.systemUTC())) {
            assertThat(drivers.lease().create(new LeaseRecord("vendor@plant-laptop:4242/5d1c", now, now, Duration.ofMinutes(2), 1,
                    Map.of("iepmp.org/holder-user", "vendor", "iepmp.org/holder-host", "plant-laptop",
                            "iepmp.org/holder-pid", "4242", "iepmp.org/holder-clusterId", clusterId), null),
                    Duration.ofSeconds(10))).isTrue();
        }
        robot.interact(() -> composition.parts().shell().show(Section.HISTORY));
        robot.interact(() -> composition.parts().shell().show(Section.CLUSTER));
        Label shown = robot.lookup("#cluster-facts-lock").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown.getText().startsWith("held by vendor on plant-laptop since"));
    }
}
