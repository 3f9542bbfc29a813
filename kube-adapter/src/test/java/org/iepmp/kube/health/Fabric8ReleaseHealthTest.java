package org.iepmp.kube.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.WorkloadHealth;
import org.iepmp.kube.api.WorkloadRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Release health on fabric8's mock API server in CRUD mode, with the statuses a kubelet would write. */
@EnableKubernetesMockClient(crud = true)
class Fabric8ReleaseHealthTest {

    /** One server for the class (starting one per test costs a second each); a namespace per test keeps them apart. */
    private static final java.util.concurrent.atomic.AtomicInteger TEST_NUMBER = new java.util.concurrent.atomic.AtomicInteger();
    private final String NS = "plant" + TEST_NUMBER.incrementAndGet();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    static KubernetesMockServer server;
    static KubernetesClient client;
    private Fabric8ReleaseHealth health;
    private final List<WorkloadRef> inventory = new ArrayList<>();

    @BeforeEach
    void setUp() {
        health = new Fabric8ReleaseHealth(client, "mock", Clock.systemUTC(), Duration.ofMillis(100), 5,
                (release, namespace) -> inventory);
    }

    @AfterEach
    void tearDown() {
        health.close();
    }

    @Test
    void readyDeploymentIsHealthy() {
        deployment("monitor-web", "monitor", 2, 2);

        ReleaseHealth result = health.health("monitor", NS, TIMEOUT);

        assertThat(result.healthy()).isTrue();
        assertThat(result.workloads()).singleElement().satisfies(w -> {
            assertThat(w.reason()).isEqualTo(HealthReason.HEALTHY);
            assertThat(w.params()).containsExactly("Deployment monitor-web", "2", "2");
        });
    }

    @Test
    void imageThatCannotBePulledIsNamed() {
        deployment("monitor-web", "monitor", 1, 0);
        pod("monitor-web-abc", "monitor-web", new ContainerStatusBuilder().withName("web")
                .withImage("registry.example/monitor:9.9").withReady(false).withRestartCount(0)
                .withNewState().withNewWaiting().withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"registry.example/monitor:9.9\"").endWaiting().endState().build());

        WorkloadHealth w = only(health.health("monitor", NS, TIMEOUT));

        assertThat(w.reason()).isEqualTo(HealthReason.IMAGE_PULL_FAILED);
        assertThat(w.params()).containsExactly("Deployment monitor-web", "registry.example/monitor:9.9",
                "Back-off pulling image \"registry.example/monitor:9.9\"");
        assertThat(w.pods()).containsExactly("monitor-web-abc");
    }

    @Test
    void crashingContainerComesWithItsLastLogLines() {
        deployment("monitor-web", "monitor", 1, 0);
        pod("monitor-web-abc", "monitor-web", new ContainerStatusBuilder().withName("web").withImage("m:1")
                .withReady(false).withRestartCount(4)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .withNewLastState().withNewTerminated().withExitCode(1).withReason("Error").endTerminated().endLastState()
                .build());
        server.expect().get().withPath("/api/v1/namespaces/" + NS + "/pods/monitor-web-abc/log?pretty=false&container=web&previous=true&tailLines=5")
                .andReturn(200, "starting\nERROR: cannot open /config/line.yaml\n").always();

        WorkloadHealth w = only(health.health("monitor", NS, TIMEOUT));

        assertThat(w.reason()).isEqualTo(HealthReason.CRASHING);
        assertThat(w.params()).containsExactly("Deployment monitor-web", "web", "4", "Error, exit code 1");
        assertThat(w.lastLogLines()).containsExactly("starting", "ERROR: cannot open /config/line.yaml");
    }

    @Test
    void podsTheSchedulerCannotPlaceSayWhatIsMissing() {
        deployment("monitor-web", "monitor", 1, 0);
        Pod pending = new PodBuilder().withNewMetadata().withName("monitor-web-abc").withNamespace(NS)
                .withLabels(Map.of("app", "monitor-web")).endMetadata()
                .withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage("0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available.")
                .endCondition().endStatus().build();
        client.pods().inNamespace(NS).resource(pending).create();

        WorkloadHealth w = only(health.health("monitor", NS, TIMEOUT));

        assertThat(w.reason()).isEqualTo(HealthReason.PENDING_MEMORY);
        assertThat(w.params().get(1)).contains("Insufficient memory");
        assertThat(PodDiagnosis.schedulingReason("0/3 nodes are available: 3 Insufficient cpu.")).isEqualTo(HealthReason.PENDING_CPU);
        assertThat(PodDiagnosis.schedulingReason("pod has unbound immediate PersistentVolumeClaims")).isEqualTo(HealthReason.PENDING_STORAGE);
        assertThat(PodDiagnosis.schedulingReason("0/1 nodes are available: 1 node(s) had untolerated taint"))
                .isEqualTo(HealthReason.PENDING_SCHEDULING);
    }

    @Test
    void failingReadinessProbeIsNamedWithTheProbesMessage() {
        deployment("monitor-web", "monitor", 1, 0);
        pod("monitor-web-abc", "monitor-web", new ContainerStatusBuilder().withName("web").withImage("m:1")
                .withReady(false).withRestartCount(0).withNewState().withNewRunning().endRunning().endState().build());
        client.v1().events().inNamespace(NS).resource(new EventBuilder().withNewMetadata().withName("monitor-web-abc.1")
                .withNamespace(NS).endMetadata().withType("Warning").withReason("Unhealthy")
                .withMessage("Readiness probe failed: HTTP probe failed with statuscode: 503")
                .withLastTimestamp("2026-11-21T22:00:00Z")
                .withNewInvolvedObject().withKind("Pod").withName("monitor-web-abc").withNamespace(NS).endInvolvedObject()
                .build()).create();

        ReleaseHealth result = health.health("monitor", NS, TIMEOUT);

        assertThat(only(result).reason()).isEqualTo(HealthReason.PROBE_FAILING);
        assertThat(only(result).params()).containsExactly("Deployment monitor-web", "web",
                "Readiness probe failed: HTTP probe failed with statuscode: 503");
        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.warning()).isTrue();
            assertThat(e.reason()).isEqualTo("Unhealthy");
        });
        assertThat(result.failing()).isTrue();
    }

    @Test
    void notYetReadyWithoutAProblemIsRollingOut() {
        deployment("monitor-web", "monitor", 3, 1);

        WorkloadHealth w = only(health.health("monitor", NS, TIMEOUT));

        assertThat(w.reason()).isEqualTo(HealthReason.ROLLING_OUT);
        assertThat(w.params()).containsExactly("Deployment monitor-web", "1", "3");
    }

    @Test
    void jobsAreRunningFailedOrDone() {
        client.batch().v1().jobs().inNamespace(NS).resource(new JobBuilder().withNewMetadata().withName("monitor-migrate")
                .withLabels(Map.of("app.kubernetes.io/instance", "monitor")).endMetadata()
                .withNewSpec().withCompletions(1).withNewTemplate().withNewSpec().addNewContainer().withName("m").withImage("m:1")
                .endContainer().endSpec().endTemplate().endSpec()
                .withNewStatus().addNewCondition().withType("Failed").withStatus("True").withReason("BackoffLimitExceeded")
                .withMessage("Job has reached the specified backoff limit").endCondition().endStatus().build()).create();

        WorkloadHealth w = only(health.health("monitor", NS, TIMEOUT));

        assertThat(w.reason()).isEqualTo(HealthReason.JOB_FAILED);
        assertThat(w.params()).containsExactly("Job monitor-migrate", "Job has reached the specified backoff limit");
    }

    @Test
    void workloadsOfTheHelmManifestAndTheInventoryCountEvenWithoutTheLabel() throws IOException {
        deploymentWithoutLabel("legacy-db", 1, 1);
        deploymentWithoutLabel("from-inventory", 1, 0);
        inventory.add(new WorkloadRef("Deployment", NS, "from-inventory"));
        String manifest = "---\n# Source: legacy/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"
                + "---\n# Source: legacy/templates/db.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: legacy-db\n";
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("sh.helm.release.v1.legacy.v1")
                .withLabels(Map.of("owner", "helm", "name", "legacy", "version", "1", "status", "deployed")).endMetadata()
                .withType("helm.sh/release.v1").withData(Map.of("release", helmEncode("{\"name\":\"legacy\",\"manifest\":"
                        + io.fabric8.kubernetes.client.utils.Serialization.asJson(manifest) + "}"))).build()).create();

        ReleaseHealth result = health.health("legacy", NS, TIMEOUT);

        assertThat(result.workloads()).extracting(w -> w.workload().name()).containsExactlyInAnyOrder("legacy-db", "from-inventory");
        assertThat(result.overall()).isEqualTo(HealthReason.ROLLING_OUT);
    }

    @Test
    void waitUntilHealthyReportsProgressAndReturnsOnceReady() throws Exception {
        deployment("monitor-web", "monitor", 1, 0);
        List<HealthReason> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch firstObservation = new java.util.concurrent.CountDownLatch(1);
        // The simulated kubelet makes the pod ready only after the waiter has seen it not ready.
        Thread kubelet = new Thread(() -> {
            try {
                firstObservation.await();
                setReady("monitor-web", 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        kubelet.start();

        ReleaseHealth result = health.waitUntilHealthy("monitor", NS, TIMEOUT, h -> {
            seen.add(h.overall());
            firstObservation.countDown();
        });
        kubelet.join();

        assertThat(result.healthy()).isTrue();
        assertThat(seen).startsWith(HealthReason.ROLLING_OUT).endsWith(HealthReason.HEALTHY);
    }

    @Test
    void waitUntilHealthyGivesUpWithTheLastStateWhenTimeRunsOut() {
        deployment("monitor-web", "monitor", 1, 0);

        ReleaseHealth result = health.waitUntilHealthy("monitor", NS, Duration.ofMillis(600), h -> { });

        assertThat(result.healthy()).isFalse();
        assertThat(result.overall()).isEqualTo(HealthReason.ROLLING_OUT);
    }

    @Test
    void releaseWithoutWorkloadsIsHealthyWithNoWorkloads() {
        ReleaseHealth result = health.health("nothing", NS, TIMEOUT);
        assertThat(result.overall()).isEqualTo(HealthReason.NO_WORKLOADS);
        assertThat(result.healthy()).isTrue();
    }

    @Test
    void unreachableServerIsTyped() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Config config = new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(2000).withRequestTimeout(2000).build();
        try (KubernetesClient down = new KubernetesClientBuilder().withConfig(config).build();
             Fabric8ReleaseHealth reader = new Fabric8ReleaseHealth(down, "http://127.0.0.1:" + port, Clock.systemUTC(),
                     Duration.ofMillis(100), 5, (r, n) -> List.of())) {
            assertThatThrownBy(() -> reader.health("monitor", NS, TIMEOUT)).isInstanceOfSatisfying(KubeException.class,
                    e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(KubeErrorCode.UNREACHABLE));
        }
    }

    private static WorkloadHealth only(ReleaseHealth health) {
        assertThat(health.workloads()).hasSize(1);
        return health.workloads().get(0);
    }

    private void deployment(String name, String release, int replicas, int ready) {
        Deployment d = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).withGeneration(1L)
                .withLabels(Map.of("app.kubernetes.io/instance", release)).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", name)).endMetadata().withNewSpec()
                .addNewContainer().withName("web").withImage("m:1").endContainer().endSpec().endTemplate().endSpec()
                .withStatus(status(replicas, ready)).build();
        client.apps().deployments().inNamespace(NS).resource(d).create();
    }

    private void deploymentWithoutLabel(String name, int replicas, int ready) {
        Deployment d = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(Map.of("app", name)).endSelector()
                .endSpec().withStatus(status(replicas, ready)).build();
        client.apps().deployments().inNamespace(NS).resource(d).create();
    }

    private static io.fabric8.kubernetes.api.model.apps.DeploymentStatus status(int replicas, int ready) {
        return new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(replicas)
                .withUpdatedReplicas(replicas).withReadyReplicas(ready).withAvailableReplicas(ready).build();
    }

    private void setReady(String name, int ready) {
        Deployment d = client.apps().deployments().inNamespace(NS).withName(name).get();
        d.setStatus(status(d.getSpec().getReplicas(), ready));
        client.apps().deployments().inNamespace(NS).resource(d).updateStatus();
    }

    private void pod(String name, String app, io.fabric8.kubernetes.api.model.ContainerStatus status) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).withLabels(Map.of("app", app)).endMetadata()
                .withNewSpec().addNewContainer().withName(status.getName()).withImage(status.getImage()).endContainer().endSpec()
                .withNewStatus().withPhase("Running").withContainerStatuses(status).endStatus().build();
        client.pods().inNamespace(NS).resource(pod).create();
    }

    private static String helmEncode(String releaseJson) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(releaseJson.getBytes(StandardCharsets.UTF_8));
        }
        String helm = Base64.getEncoder().encodeToString(gz.toByteArray());
        return Base64.getEncoder().encodeToString(helm.getBytes(StandardCharsets.US_ASCII));
    }
}
