package org.iepmp.kube.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.GlasskubeInventory;
import org.iepmp.kube.api.ImagePresence;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.LogFollow;
import org.iepmp.kube.api.ManifestRequest;
import org.iepmp.kube.api.PermissionRequest;
import org.iepmp.kube.cluster.Fabric8ClusterConnection;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.kube.manifest.Fabric8ManifestDriver;
import org.iepmp.practice.api.FailureMode;
import org.iepmp.practice.api.FailureScript;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.iepmp.practice.api.SimulatedNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preflight facts, Glasskube detection and pod logs against the practice cluster. */
class FactsAndLogsPracticeClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static PracticeCluster cluster;
    private static Fabric8ClusterConnection connection;
    private static KubernetesClient client;
    private static Fabric8PreflightFacts facts;
    private static Fabric8PodLogs logs;

    @BeforeAll
    static void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("kubeconfig"))
                .withReadinessDelay(Duration.ofMillis(200))
                .withNodes(List.of(new SimulatedNode("ipc-01", 4, 8192, List.of("docker.io/library/busybox:1.36"))))
                .withFailure(FailureScript.forImage("registry.example/chatty:1", FailureMode.CRASH_LOOP, "line one", "line two")));
        connection = (Fabric8ClusterConnection) new Fabric8ClusterConnector(Clock.systemUTC()).connect(new ClusterCandidate(
                ClusterSourceKind.PRACTICE, cluster.kubeconfig(), cluster.context(), cluster.url(), Optional.empty()),
                Duration.ofSeconds(20));
        client = connection.client();
        facts = new Fabric8PreflightFacts(client, cluster.url());
        logs = new Fabric8PodLogs(client, cluster.url());
    }

    @AfterAll
    static void stop() {
        if (logs != null) {
            logs.close();
        }
        if (facts != null) {
            facts.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void nodesImagesAndPermissions() {
        assertThat(facts.nodeResources(TIMEOUT)).singleElement().satisfies(n -> {
            assertThat(n.node()).isEqualTo("ipc-01");
            assertThat(n.cpuAllocatableMillis()).isPositive().isLessThanOrEqualTo(4000);
            assertThat(n.memoryAllocatableBytes()).isPositive();
        });
        List<ImagePresence> images = facts.imagesPresent(List.of("busybox:1.36", "registry.example/line-monitor:1.2.0"), TIMEOUT);
        assertThat(images).extracting(ImagePresence::present).containsExactly(true, false);
        assertThat(images.get(0).nodes()).containsExactly("ipc-01");
        assertThat(facts.permissions(List.of(new PermissionRequest("create", "", "secrets", "plant")), TIMEOUT))
                .singleElement().satisfies(c -> assertThat(c.allowed()).isTrue());
    }

    @Test
    void glasskubePackagesAreListedReadOnly() {
        assertThat(facts.glasskube(TIMEOUT).installed()).isFalse();
        String crds = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: clusterpackages.packages.glasskube.dev}
                spec:
                  group: packages.glasskube.dev
                  scope: Cluster
                  names: {plural: clusterpackages, singular: clusterpackage, kind: ClusterPackage, listKind: ClusterPackageList}
                  versions:
                    - name: v1alpha1
                      served: true
                      storage: true
                      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                ---
                apiVersion: packages.glasskube.dev/v1alpha1
                kind: ClusterPackage
                metadata: {name: cert-manager}
                spec:
                  packageInfo: {name: cert-manager, version: v1.16.1+1, repositoryName: glasskube}
                """;
        try (Fabric8ManifestDriver driver = new Fabric8ManifestDriver(client, cluster.url(), Clock.systemUTC())) {
            driver.apply(new ManifestRequest("glasskube-fixture", "1", "default", List.of(crds), List.of(), TIMEOUT));
        }

        GlasskubeInventory glasskube = facts.glasskube(TIMEOUT);

        assertThat(glasskube.clusterPackageCrd()).isTrue();
        assertThat(glasskube.packageCrd()).isFalse();
        assertThat(glasskube.packages()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("ClusterPackage");
            assertThat(p.packageName()).isEqualTo("cert-manager");
            assertThat(p.version()).isEqualTo("v1.16.1+1");
            assertThat(p.repository()).isEqualTo("glasskube");
        });
    }

    @Test
    void logsTailAndFollowUntilClosed() throws Exception {
        client.pods().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
                .withName("chatty").withLabels(Map.of("app", "chatty")).endMetadata().withNewSpec().addNewContainer()
                .withName("main").withImage("registry.example/chatty:1").endContainer().endSpec().build()).create();
        List<String> tail = List.of();
        for (int i = 0; i < 50 && !tail.contains("line two"); i++) {
            Thread.sleep(200);
            Pod pod = client.pods().inNamespace("default").withName("chatty").get();
            if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
                tail = logs.tail("default", "chatty", "", 10, false, TIMEOUT);
            }
        }
        assertThat(tail).contains("line one", "line two");

        List<String> followed = new CopyOnWriteArrayList<>();
        CountDownLatch firstLine = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<KubeException> endError = new AtomicReference<>();
        LogFollow follow = logs.follow("default", "chatty", "main", 5, line -> {
            followed.add(line);
            firstLine.countDown();
        }, error -> {
            endError.set(error);
            ended.countDown();
        });
        assertThat(firstLine.await(30, TimeUnit.SECONDS)).isTrue();
        follow.close();

        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(follow.active()).isFalse();
        assertThat(endError.get()).isNull();
        assertThat(followed).isNotEmpty();
    }
}
