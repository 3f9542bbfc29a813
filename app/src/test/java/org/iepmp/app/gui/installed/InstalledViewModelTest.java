package org.iepmp.app.gui.installed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.app.engine.InstalledRelease;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.PodLogs;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseHealthReader;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.kube.api.WorkloadHealth;
import org.iepmp.kube.api.WorkloadRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Installed list over scripted cluster drivers, on the calling thread: rows, selection, the commands, pod logs. */
class InstalledViewModelTest {

    @TempDir
    Path dir;

    private final List<String> commands = new ArrayList<>();
    private final List<List<InstalledRelease>> told = new ArrayList<>();
    private final List<Throwable> unexpected = new ArrayList<>();
    private final List<ReleaseInfo> releases = new ArrayList<>();
    private RuntimeException listFailure;
    private DefaultCatalog catalog;
    private StubSession cluster;
    private InstalledViewModel model;

    @BeforeEach
    void open() {
        catalog = new DefaultCatalog(new FileRepositoryStore(dir.resolve("config")), dir.resolve("cache"),
                CatalogSettings.defaults(), Clock.systemUTC());
        ReleaseHealthReader health = StubSession.stub(ReleaseHealthReader.class, Map.of("health", args -> {
            String release = (String) args[0];
            if (release.equals("broken")) {
                throw new KubeException(KubeErrorCode.UNREACHABLE, "health not readable");
            }
            return new ReleaseHealth(release, (String) args[1], List.of(new WorkloadHealth(
                    new WorkloadRef("Deployment", (String) args[1], release), 1, 1, HealthReason.HEALTHY, List.of(),
                    List.of(release + "-pod-1", release + "-pod-2"), List.of())), List.of(), Instant.EPOCH);
        }));
        PodLogs logs = StubSession.stub(PodLogs.class, Map.of("tail", args -> {
            if (((String) args[1]).endsWith("-pod-2")) {
                throw new KubeException(KubeErrorCode.UNREACHABLE, "log not readable");
            }
            return List.of("line of " + args[1] + ", last " + args[3]);
        }));
        cluster = new StubSession(dir.resolve("data"), catalog, StubSession.helmListing(args -> {
            if (listFailure != null) {
                throw listFailure;
            }
            return List.copyOf(releases);
        }), health, logs);
        model = new InstalledViewModel(catalog, new DirectTaskExecutor(unexpected::add), told::add, recording());
    }

    @AfterEach
    void close() {
        model.close();
        cluster.close();
        assertThat(unexpected).isEmpty();
    }

    private InstalledViewModel.ReleaseActions recording() {
        return new InstalledViewModel.ReleaseActions() {
            @Override
            public void configure(InstalledRow row) {
                commands.add("configure " + row.release().name());
            }

            @Override
            public void upgrade(InstalledRow row) {
                commands.add("upgrade " + row.release().name());
            }

            @Override
            public void rollBack(InstalledRow row) {
                commands.add("roll back " + row.release().name());
            }

            @Override
            public void repair(InstalledRow row) {
                commands.add("repair " + row.release().name());
            }

            @Override
            public void uninstall(InstalledRow row) {
                commands.add("uninstall " + row.release().name());
            }
        };
    }

    private static ReleaseInfo release(String name) {
        return new ReleaseInfo(name, "line", 2, ReleaseStatus.DEPLOYED, name, "1.0.0", "1.0.0", Optional.empty());
    }

    private InstalledRow row(String name) {
        return model.rows().stream().filter(r -> r.release().name().equals(name)).findFirst().orElseThrow();
    }

    private void everyCommand() {
        model.configureSelected();
        model.upgradeSelected();
        model.rollBackSelected();
        model.uninstallSelected();
    }

    @Test
    void withoutAClusterNothingIsListedAndNoCommandStarts() {
        model.sessionChanged(null);

        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(told).containsExactly(List.of());
        everyCommand();
        assertThat(commands).isEmpty();
    }

    @Test
    void listsTheReleasesByNameWithHealthAndTellsTheCatalog() {
        releases.addAll(List.of(release("mqtt-broker"), release("broken"), release("Line-monitor")));

        model.sessionChanged(cluster.session());

        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.rows()).extracting(r -> r.release().name()).containsExactly("broken", "Line-monitor", "mqtt-broker");
        assertThat(row("broken").health()).as("an unreadable health hides nothing else").isEmpty();
        assertThat(row("mqtt-broker").health()).isPresent();
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).hasSize(3);
    }

    @Test
    void aChosenReleaseEnablesEachCommandWithThatRelease() {
        releases.add(release("mqtt-broker"));
        model.sessionChanged(cluster.session());
        everyCommand();
        assertThat(commands).as("nothing chosen yet").isEmpty();

        model.selectedProperty().set(row("mqtt-broker"));
        assertThat(model.canOperateProperty().get()).isTrue();
        everyCommand();

        assertThat(commands).containsExactly("configure mqtt-broker", "upgrade mqtt-broker", "roll back mqtt-broker",
                "uninstall mqtt-broker");
    }

    @Test
    void aRefreshKeepsTheChosenReleaseAndALostClusterClearsAll() {
        releases.addAll(List.of(release("mqtt-broker"), release("line-monitor")));
        model.sessionChanged(cluster.session());
        model.selectedProperty().set(row("mqtt-broker"));

        releases.add(release("dashboard"));
        model.refresh();
        assertThat(model.rows()).hasSize(3);
        assertThat(model.selectedProperty().get().release().name()).isEqualTo("mqtt-broker");

        model.sessionChanged(null);
        assertThat(model.rows()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.canOperateProperty().get()).isFalse();
        assertThat(told.get(told.size() - 1)).isEmpty();
    }

    @Test
    void aFailedListIsShownAndTheLoadingEnds() {
        listFailure = new KubeException(KubeErrorCode.UNREACHABLE, "cluster gone");

        model.sessionChanged(cluster.session());

        assertThat(model.failureProperty().get()).isSameAs(listFailure);
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void podLogsForTheBundleSayWhichPodCouldNotBeRead() {
        releases.add(release("mqtt-broker"));
        model.sessionChanged(cluster.session());

        Map<String, List<String>> logs = model.podLogs(row("mqtt-broker"), 500);

        assertThat(logs).containsOnlyKeys("mqtt-broker-pod-1", "mqtt-broker-pod-2");
        assertThat(logs.get("mqtt-broker-pod-1")).containsExactly("line of mqtt-broker-pod-1, last 500");
        assertThat(logs.get("mqtt-broker-pod-2")).containsExactly("(log not readable: UNREACHABLE)");
    }
}
