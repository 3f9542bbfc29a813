package org.iepmp.kube.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iepmp.kube.helm.HelmJavaDriverTest.expectCode;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseHistoryEntry;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.kube.cluster.Fabric8ClusterConnection;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.kube.health.Fabric8ReleaseHealth;
import org.iepmp.practice.api.FailureMode;
import org.iepmp.practice.api.FailureScript;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Helm driver operation against the practice cluster (a simulated API server that real
 * Helm works with), plus release health of what the driver installed, including scripted failures.
 */
class HelmDriverPracticeClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String BROKEN_IMAGE = "registry.example/hello:broken";
    private static final String CRASHING_IMAGE = "registry.example/hello:crash";
    private static final String TOO_BIG_IMAGE = "registry.example/hello:too-big";

    @TempDir
    static Path dir;
    private static PracticeCluster cluster;
    private static HelmJavaDriver driver;
    private static Fabric8ClusterConnection connection;
    private static Fabric8ReleaseHealth health;
    private static Path v100;
    private static Path v120;

    @BeforeAll
    static void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("kubeconfig"))
                .withReadinessDelay(Duration.ofMillis(200))
                .withFailure(FailureScript.forImage(BROKEN_IMAGE, FailureMode.IMAGE_PULL))
                .withFailure(FailureScript.forImage(CRASHING_IMAGE, FailureMode.CRASH_LOOP, "starting line monitor",
                        "FATAL: cannot read /config/line.yaml"))
                .withFailure(FailureScript.forImage(TOO_BIG_IMAGE, FailureMode.PENDING)));
        ClusterCandidate candidate = new ClusterCandidate(ClusterSourceKind.PRACTICE, cluster.kubeconfig(),
                cluster.context(), cluster.url(), Optional.empty());
        driver = new HelmJavaDriver(candidate, Files.createDirectories(dir.resolve("tmp")));
        connection = (Fabric8ClusterConnection) new Fabric8ClusterConnector(Clock.systemUTC())
                .connect(candidate, Duration.ofSeconds(20));
        health = new Fabric8ReleaseHealth(connection.client(), cluster.url(), Clock.systemUTC(), Duration.ofMillis(200), 5,
                (r, n) -> List.of());
        v100 = TestCharts.archive("hello", "1.0.0", Files.createDirectories(dir.resolve("charts")));
        v120 = TestCharts.archive("hello", "1.2.0", dir.resolve("charts"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {health, connection, driver, cluster}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // best effort in teardown
            }
        }
    }

    @Test
    void installUpgradeToALowerVersionHistoryValuesAndUninstall() {
        ReleaseInfo installed = driver.install(InstallRequest.of(v120, "line-monitor", "plant",
                HelmValues.tree(Map.of("greeting", "Guten Tag, Halle 3", "replicaCount", 2)), TIMEOUT).withWait(true));

        assertThat(installed.revision()).isEqualTo(1);
        assertThat(installed.status()).isEqualTo(ReleaseStatus.DEPLOYED);
        assertThat(installed.chartName()).isEqualTo("hello");
        assertThat(installed.chartVersion()).isEqualTo("1.2.0");
        assertThat(driver.list(TIMEOUT)).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("line-monitor");
            assertThat(r.namespace()).isEqualTo("plant");
        });
        assertThat(driver.status("line-monitor", "plant", TIMEOUT)).hasValueSatisfying(r -> assertThat(r.revision()).isEqualTo(1));
        assertThat(driver.values("line-monitor", "plant", 0, TIMEOUT)).contains("Guten Tag, Halle 3");
        ReleaseHealth healthy = health.waitUntilHealthy("line-monitor", "plant", TIMEOUT, h -> { });
        assertThat(healthy.healthy()).as(healthy.toString()).isTrue();
        assertThat(healthy.workloads()).singleElement().satisfies(w -> assertThat(w.ready()).isEqualTo(2));

        expectCode(() -> driver.install(InstallRequest.of(v120, "line-monitor", "plant", HelmValues.NONE, TIMEOUT)),
                KubeErrorCode.ALREADY_EXISTS);

        ReleaseInfo downgraded = driver.upgrade(InstallRequest.of(v100, "line-monitor", "plant",
                HelmValues.yaml("greeting: Hallo\n"), TIMEOUT).withDescription("Rollback to 1.0.0"));
        assertThat(downgraded.revision()).isEqualTo(2);
        assertThat(downgraded.chartVersion()).isEqualTo("1.0.0");
        List<ReleaseHistoryEntry> history = driver.history("line-monitor", "plant", TIMEOUT);
        assertThat(history).extracting(ReleaseHistoryEntry::revision).containsExactly(1, 2);
        assertThat(history.get(0).status()).isEqualTo(ReleaseStatus.SUPERSEDED);
        assertThat(history.get(1).chartVersion()).isEqualTo("1.0.0");
        assertThat(history.get(1).description()).isEqualTo("Rollback to 1.0.0");
        // Values are replaced, not merged: revision 2 no longer has replicaCount.
        assertThat(driver.values("line-monitor", "plant", 2, TIMEOUT)).contains("Hallo").doesNotContain("replicaCount");
        assertThat(driver.values("line-monitor", "plant", 1, TIMEOUT)).contains("replicaCount");

        driver.uninstall("line-monitor", "plant", TIMEOUT);
        assertThat(driver.status("line-monitor", "plant", TIMEOUT)).isEmpty();
        expectCode(() -> driver.uninstall("line-monitor", "plant", TIMEOUT), KubeErrorCode.NOT_FOUND);
        expectCode(() -> driver.upgrade(InstallRequest.of(v100, "never-installed", "plant", HelmValues.NONE, TIMEOUT)),
                KubeErrorCode.NOT_FOUND);
        expectCode(() -> driver.history("never-installed", "plant", TIMEOUT), KubeErrorCode.NOT_FOUND);
    }

    @Test
    void releaseStuckInPendingUpgradeIsOperationInProgress() {
        driver.install(InstallRequest.of(v100, "stuck", "plant", HelmValues.NONE, TIMEOUT));
        KubernetesClient client = connection.client();
        // What a crashed upgrade leaves behind: the newest release record still says pending-upgrade.
        Secret record = client.secrets().inNamespace("plant").withLabels(Map.of("owner", "helm", "name", "stuck")).list()
                .getItems().stream().max(Comparator.comparing(s -> s.getMetadata().getLabels().get("version"))).orElseThrow();
        record.getMetadata().getLabels().put("status", "pending-upgrade");
        record.getData().put("release", withStatus(record.getData().get("release"), "pending-upgrade"));
        client.secrets().inNamespace("plant").resource(record).update();

        assertThat(driver.status("stuck", "plant", TIMEOUT)).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(ReleaseStatus.PENDING_UPGRADE);
        });
        expectCode(() -> driver.upgrade(InstallRequest.of(v120, "stuck", "plant", HelmValues.NONE, TIMEOUT)),
                KubeErrorCode.OPERATION_IN_PROGRESS);

        try (PendingReleaseRepair repair = new PendingReleaseRepair(client, cluster.url())) {
            assertThat(repair.markPendingAsFailed("stuck", "plant", TIMEOUT)).hasValueSatisfying(entry -> {
                assertThat(entry.status()).isEqualTo(ReleaseStatus.FAILED);
                assertThat(entry.chartVersion()).isEqualTo("1.0.0");
            });
            assertThat(repair.markPendingAsFailed("stuck", "plant", TIMEOUT)).isEmpty();
            expectCode(() -> repair.markPendingAsFailed("never-installed", "plant", TIMEOUT), KubeErrorCode.NOT_FOUND);
        }
        assertThat(driver.upgrade(InstallRequest.of(v120, "stuck", "plant", HelmValues.NONE, TIMEOUT)).status())
                .isEqualTo(ReleaseStatus.DEPLOYED);
        // Helm's upgrade then supersedes the repaired revision, as it does after any failed one.
        assertThat(driver.history("stuck", "plant", TIMEOUT)).extracting(ReleaseHistoryEntry::status)
                .containsExactly(ReleaseStatus.SUPERSEDED, ReleaseStatus.DEPLOYED);
    }

    @Test
    void upgradeAfterAFailedFirstInstallWorks() {
        driver.install(InstallRequest.of(v100, "failed-first", "plant", HelmValues.NONE, TIMEOUT));
        KubernetesClient client = connection.client();
        Secret record = client.secrets().inNamespace("plant").withLabels(Map.of("owner", "helm", "name", "failed-first"))
                .list().getItems().get(0);
        record.getMetadata().getLabels().put("status", "failed");
        record.getData().put("release", withStatus(record.getData().get("release"), "failed"));
        client.secrets().inNamespace("plant").resource(record).update();

        // Helm 3.17 upgrades from a failed revision when none was ever deployed: the automatic rollback relies on it.
        ReleaseInfo upgraded = driver.upgrade(InstallRequest.of(v120, "failed-first", "plant", HelmValues.NONE, TIMEOUT));
        assertThat(upgraded.status()).isEqualTo(ReleaseStatus.DEPLOYED);
        assertThat(upgraded.revision()).isEqualTo(2);
    }

    @Test
    void releasesInstalledByOtherToolsAreListed() {
        // Helm's SDK called directly (as Flux or `microk8s helm3` would), not through the driver.
        new Helm(v100).install().withName("from-elsewhere").withNamespace("other").createNamespace()
                .withKubeConfig(cluster.kubeconfig()).call();

        assertThat(driver.list(TIMEOUT)).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("from-elsewhere");
            assertThat(r.namespace()).isEqualTo("other");
            assertThat(r.chartVersion()).isEqualTo("1.0.0");
        });
    }

    @Test
    void brokenImagesAndCrashingContainersAreExplained() {
        driver.install(InstallRequest.of(v120, "pull-fail", "broken", HelmValues.tree(Map.of("image",
                Map.of("repository", "registry.example/hello", "tag", "broken"))), TIMEOUT));
        driver.install(InstallRequest.of(v120, "crasher", "broken", HelmValues.tree(Map.of("image",
                Map.of("repository", "registry.example/hello", "tag", "crash"))), TIMEOUT));

        driver.install(InstallRequest.of(v120, "too-big", "broken", HelmValues.tree(Map.of("image",
                Map.of("repository", "registry.example/hello", "tag", "too-big"))), TIMEOUT));

        ReleaseHealth pull = waitFor("pull-fail", "broken", h -> h.overall() == HealthReason.IMAGE_PULL_FAILED);
        ReleaseHealth pending = waitFor("too-big", "broken", ReleaseHealth::failing);
        assertThat(pending.failing()).as(pending.toString()).isTrue();
        assertThat(pending.overall()).isIn(HealthReason.PENDING_CPU, HealthReason.PENDING_MEMORY);
        ReleaseHealth crash = waitFor("crasher", "broken", h -> h.overall() == HealthReason.CRASHING);

        assertThat(pull.overall()).as(pull.toString()).isEqualTo(HealthReason.IMAGE_PULL_FAILED);
        assertThat(pull.workloads().get(0).params()).contains(BROKEN_IMAGE);
        assertThat(crash.overall()).as(crash.toString()).isEqualTo(HealthReason.CRASHING);
        assertThat(crash.workloads().get(0).lastLogLines()).contains("FATAL: cannot read /config/line.yaml");
        assertThat(crash.events()).anySatisfy(e -> assertThat(e.warning()).isTrue());
    }

    /** Rewrites info.status inside Helm's record, as Helm itself stores it. */
    private static String withStatus(String secretData, String status) {
        var release = PendingReleaseRepair.decode(secretData);
        ((com.fasterxml.jackson.databind.node.ObjectNode) release.get("info")).put("status", status);
        return PendingReleaseRepair.encode(release);
    }

    /** Crash loops take a few kubelet rounds to show; poll without a timed assertion. */
    private static ReleaseHealth waitFor(String release, String namespace, java.util.function.Predicate<ReleaseHealth> done) {
        ReleaseHealth last = health.health(release, namespace, TIMEOUT);
        for (int i = 0; i < 50 && !done.test(last); i++) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = health.health(release, namespace, TIMEOUT);
        }
        return last;
    }
}
