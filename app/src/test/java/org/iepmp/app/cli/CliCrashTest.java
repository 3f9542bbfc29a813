package org.iepmp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.kube.drivers.Fabric8ClusterDrivers;
import org.iepmp.practice.api.PracticeCatalog;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iepmp upgrade} in a process of its own, killed (SIGKILL, as a power cut or {@code kill -9} ends it) at points of the
 * operation; then the commands of the next start — {@code list}, {@code status}, {@code doctor}, {@code repair}, {@code history}
 * — must agree with the cluster and leave nothing locked or pending. The practice cluster keeps pods unready for a while, so the
 * verification after Helm's upgrade is a window of known length.
 */
class CliCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private PracticeCluster cluster;
    private CliHarness cli;
    private ClusterConnection connection;
    private ClusterDrivers drivers;

    @BeforeEach
    void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("kubeconfig.yaml"))
                .withReadinessDelay(Duration.ofSeconds(6)));
        PracticeCatalog.Layout catalog = PracticeCatalog.create().writeTo(dir.resolve("practice-catalog"));
        cli = new CliHarness(dir);
        assertThat(cli.run("repo", "add", "practice", catalog.glasskubeRepository().toString(), "--type", "glasskube").exit()).isZero();
        connection = new Fabric8ClusterConnector(Clock.systemUTC()).connect(new ClusterCandidate(ClusterSourceKind.PRACTICE,
                cluster.kubeconfig(), cluster.context(), cluster.url(), Optional.empty()), Duration.ofSeconds(20));
        drivers = Fabric8ClusterDrivers.open(connection, Files.createDirectories(dir.resolve("helm-scratch")), Clock.systemUTC());
        CliHarness.Run install = onCluster("install", "line-monitor", "--version", "1.0.0", "--set", "lineName=Line 4", "--yes");
        assertThat(install.exit()).as(install.toString()).isZero();
    }

    @AfterEach
    void stop() {
        if (drivers != null) {
            drivers.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private CliHarness.Run onCluster(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kubeconfig", cluster.kubeconfig().toString()));
        return cli.run(all.toArray(String[]::new));
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", "json"));
        CliHarness.Run run = onCluster(all.toArray(String[]::new));
        assertThat(run.exit()).as(run.toString()).isZero();
        return JSON.readTree(run.out());
    }

    /** The command line's own entry point in a child JVM on the same home folder and cluster. */
    private Process child(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.iepmp.app.Main", "--home", dir.resolve("iepmp").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--kubeconfig", cluster.kubeconfig().toString()));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("child-out.txt").toFile())
                .redirectError(dir.resolve("child-err.txt").toFile()).start();
    }

    private void killWhen(Process child, String what, Predicate<Optional<ReleaseInfo>> point) throws Exception {
        try {
            for (int i = 0; i < 1200; i++) {
                if (point.test(drivers.helm().status("line-monitor", "line-monitor", Duration.ofSeconds(10)))) {
                    return;
                }
                assertThat(child.isAlive()).as("the child ended before " + what + ": "
                        + Files.readString(dir.resolve("child-err.txt"), StandardCharsets.UTF_8)).isTrue();
                Thread.sleep(50);
            }
            throw new AssertionError("never reached: " + what);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void killedAfterHelmFinishedButBeforeTheHistoryRowEverythingAgreesWithTheCluster() throws Exception {
        killWhen(child("upgrade", "line-monitor", "--version", "1.1.0", "--yes"), "Helm's upgrade to 1.1.0",
                release -> release.filter(r -> r.status() == ReleaseStatus.DEPLOYED && r.chartVersion().equals("1.1.0")).isPresent());

        JsonNode monitor = json("list").get(0);
        assertThat(monitor.get("version").asText()).isEqualTo("1.1.0");
        assertThat(monitor.get("status").asText()).isEqualTo("deployed");
        assertThat(monitor.get("latestVersion").asText()).as("the running version is not offered").isEqualTo("v1.2.0+1");

        CliHarness.Run doctor = onCluster("doctor");
        assertThat(doctor.out()).as(doctor.toString()).contains("No other console is running", "No release is stuck");

        CliHarness.Run repair = onCluster("repair", "line-monitor");
        assertThat(repair.exit()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("line-monitor in namespace line-monitor is deployed: there is nothing to repair.");
        JsonNode newest = json("history").get(0);
        assertThat(newest.get("action").asText()).isEqualTo("upgrade");
        assertThat(newest.get("outcome").asText()).as("reconciled at the next start").isEqualTo("interrupted");

        // The values the interrupted upgrade applied are the ones changed from: lineName stays.
        CliHarness.Run configure = onCluster("configure", "line-monitor", "--set", "replicas=1", "--dry-run");
        assertThat(configure.exit()).as(configure.toString()).isZero();
        assertThat(configure.out()).doesNotContain("lineName");
    }

    @Test
    void killedWhileAskingNothingChangedAndNothingIsHeld() throws Exception {
        Process asking = child("upgrade", "line-monitor", "--version", "1.1.0");
        for (int i = 0; i < 1200 && !Files.readString(dir.resolve("child-err.txt"), StandardCharsets.UTF_8).contains("Go ahead?"); i++) {
            Thread.sleep(50);
        }
        asking.destroyForcibly();
        assertThat(asking.waitFor(30, TimeUnit.SECONDS)).isTrue();

        JsonNode monitor = json("list").get(0);
        assertThat(monitor.get("version").asText()).isEqualTo("1.0.0");
        assertThat(monitor.get("status").asText()).isEqualTo("deployed");
        assertThat(onCluster("doctor").out()).contains("No other console is running", "No release is stuck");
        CliHarness.Run upgrade = onCluster("upgrade", "line-monitor", "--version", "1.1.0", "--yes");
        assertThat(upgrade.exit()).as(upgrade.toString()).isZero();
    }
}
