package org.iepmp.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ManifestRequest;
import org.iepmp.kube.api.ManifestResult;
import org.iepmp.kube.api.ObjectRef;
import org.iepmp.kube.api.PatchTarget;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ResourceSelector;
import org.iepmp.kube.cluster.Fabric8ClusterConnection;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.kube.health.Fabric8ReleaseHealth;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest driver against the practice cluster, which implements server-side apply. */
class ManifestDriverPracticeClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: lines.plant.iepmp.org
            spec:
              group: plant.iepmp.org
              scope: Namespaced
              names: {plural: lines, singular: line, kind: Line, listKind: LineList}
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      x-kubernetes-preserve-unknown-fields: true
            """;

    private static final String V1 = """
            apiVersion: plant.iepmp.org/v1
            kind: Line
            metadata:
              name: hall-3
            spec:
              stations: 4
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: line-settings
            data:
              speed: "3"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: legacy-settings
            data:
              old: "yes"
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: line-monitor
            spec:
              replicas: 1
              selector:
                matchLabels: {app: line-monitor}
              template:
                metadata:
                  labels: {app: line-monitor}
                spec:
                  containers:
                    - name: monitor
                      image: registry.example/monitor:1.0
            """;

    @TempDir
    static Path dir;
    private static PracticeCluster cluster;
    private static Fabric8ClusterConnection connection;
    private static Fabric8ManifestDriver driver;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("kubeconfig"))
                .withReadinessDelay(Duration.ofMillis(200)));
        connection = (Fabric8ClusterConnection) new Fabric8ClusterConnector(Clock.systemUTC()).connect(new ClusterCandidate(
                ClusterSourceKind.PRACTICE, cluster.kubeconfig(), cluster.context(), cluster.url(), Optional.empty()),
                Duration.ofSeconds(20));
        client = connection.client();
        driver = new Fabric8ManifestDriver(client, cluster.url(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void renderPatchesLocallyAndTheInventoryIsReadBackWithItsVersionAndState() {
        String manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: board\ndata:\n  refresh: \"5\"\n";
        ManifestRequest request = new ManifestRequest("board", "2.1.0", "board-ns", List.of(manifest),
                List.of(new PatchTarget(new ResourceSelector("", "ConfigMap", "board", ""), "/data/refresh", "9")), TIMEOUT);

        assertThat(driver.render(request)).contains("kind: ConfigMap").contains("refresh: \"9\"");
        assertThat(client.configMaps().inNamespace("board-ns").withName("board").get()).as("render touches nothing").isNull();
        assertThat(driver.installed("board", "board-ns", TIMEOUT)).isEmpty();
        assertThat(driver.installed("Not.A.Package", "board-ns", TIMEOUT)).as("no inventory can have that name").isEmpty();

        driver.apply(request);
        assertThat(driver.installed("board", "board-ns", TIMEOUT)).hasValueSatisfying(p -> {
            assertThat(p.version()).isEqualTo("2.1.0");
            assertThat(p.complete()).isTrue();
            assertThat(p.objects()).extracting(ObjectRef::display).containsExactly("ConfigMap board-ns/board");
        });
        assertThat(driver.list(TIMEOUT)).anySatisfy(p -> {
            assertThat(p.packageName()).isEqualTo("board");
            assertThat(p.namespace()).isEqualTo("board-ns");
        });
        driver.uninstall("board", "board-ns", TIMEOUT);
        assertThat(driver.list(TIMEOUT)).noneMatch(p -> p.packageName().equals("board"));
    }

    @Test
    void applyWithPatchesThenUpgradePrunesAndUninstallRemovesExactlyWhatWasInstalled() {
        ManifestResult first = driver.apply(new ManifestRequest("line-monitor", "1.0.0", "hall3", List.of(CRD, V1),
                List.of(new PatchTarget(new ResourceSelector("apps/v1", "Deployment", "line-monitor", ""),
                        "/spec/template/spec/containers/0/env", List.of(Map.of("name", "SPEED", "value", "5"))),
                        new PatchTarget(new ResourceSelector("", "Line", "hall-3", ""), "/spec/stations", 6)),
                TIMEOUT));

        assertThat(first.createdNamespaces()).containsExactly("hall3");
        assertThat(first.applied()).extracting(ObjectRef::kind)
                .containsExactly("ConfigMap", "ConfigMap", "CustomResourceDefinition", "Deployment", "Line");
        Deployment deployment = client.apps().deployments().inNamespace("hall3").withName("line-monitor").get();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).getValue()).isEqualTo("5");
        assertThat(deployment.getMetadata().getManagedFields()).anySatisfy(f -> assertThat(f.getManager()).isEqualTo("iepmp-console"));
        GenericKubernetesResource line = client.genericKubernetesResources("plant.iepmp.org/v1", "Line")
                .inNamespace("hall3").withName("hall-3").get();
        assertThat(((Map<?, ?>) line.getAdditionalProperties().get("spec")).get("stations")).isEqualTo(6);
        assertThat(driver.inventory("line-monitor", "hall3", TIMEOUT)).containsExactlyElementsOf(first.applied());
        Fabric8ReleaseHealth health = new Fabric8ReleaseHealth(client, cluster.url(), Clock.systemUTC(), Duration.ofMillis(200), 5,
                new ManifestInventory(client)::workloads);
        ReleaseHealth healthy = health.waitUntilHealthy("line-monitor", "hall3", TIMEOUT, h -> { });
        health.close();
        assertThat(healthy.healthy()).as(healthy.toString()).isTrue();
        assertThat(healthy.workloads()).extracting(w -> w.workload().name()).containsExactly("line-monitor");

        String v2 = V1.replace("""
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: legacy-settings
                data:
                  old: "yes"
                """, "").replace("registry.example/monitor:1.0", "registry.example/monitor:1.1");
        ManifestResult second = driver.apply(new ManifestRequest("line-monitor", "1.1.0", "hall3", List.of(CRD, v2), List.of(),
                TIMEOUT));

        assertThat(second.pruned()).extracting(ObjectRef::name).containsExactly("legacy-settings");
        assertThat(client.configMaps().inNamespace("hall3").withName("legacy-settings").get()).isNull();
        assertThat(client.apps().deployments().inNamespace("hall3").withName("line-monitor").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/monitor:1.1");

        ConfigMap foreign = client.configMaps().inNamespace("hall3").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("not-ours").endMetadata().build()).create();
        List<ObjectRef> removed = driver.uninstall("line-monitor", "hall3", TIMEOUT);

        assertThat(removed).hasSize(4);
        assertThat(client.apps().deployments().inNamespace("hall3").withName("line-monitor").get()).isNull();
        assertThat(client.configMaps().inNamespace("hall3").withName("line-settings").get()).isNull();
        assertThat(client.configMaps().inNamespace("hall3").withName(foreign.getMetadata().getName()).get()).isNotNull();
        assertThat(driver.inventory("line-monitor", "hall3", TIMEOUT)).isEmpty();
        assertThatThrownBy(() -> driver.uninstall("line-monitor", "hall3", TIMEOUT)).isInstanceOfSatisfying(KubeException.class,
                e -> assertThat(e.code()).isEqualTo(KubeErrorCode.NOT_FOUND));
    }

    @Test
    void objectsMadeBySomeoneElseAreNotTakenOver() {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName("hall5")
                .endMetadata().build()).create();
        client.configMaps().inNamespace("hall5").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("line-settings").endMetadata().addToData("speed", "9").build()).create();

        assertThatThrownBy(() -> driver.apply(new ManifestRequest("line-monitor", "1.0.0", "hall5", List.of(CRD, V1), List.of(),
                TIMEOUT))).isInstanceOfSatisfying(KubeException.class, e -> {
                    assertThat(e.code()).isEqualTo(KubeErrorCode.ALREADY_EXISTS);
                    assertThat(e.params()).contains("ConfigMap hall5/line-settings");
                });
        assertThat(client.configMaps().inNamespace("hall5").withName("line-settings").get().getData()).containsEntry("speed", "9");
        assertThat(driver.inventory("line-monitor", "hall5", TIMEOUT)).isEmpty();
    }

    @Test
    void badPackagesChangeNothing() {
        assertThatThrownBy(() -> driver.apply(new ManifestRequest("bad", "1", "hall4", List.of("kind: [unclosed"), List.of(),
                TIMEOUT))).isInstanceOfSatisfying(KubeException.class,
                e -> assertThat(e.code()).isEqualTo(KubeErrorCode.INVALID_MANIFEST));
        assertThatThrownBy(() -> driver.apply(new ManifestRequest("Bad_Name", "1", "hall4", List.of(V1), List.of(), TIMEOUT)))
                .isInstanceOfSatisfying(KubeException.class, e -> assertThat(e.code()).isEqualTo(KubeErrorCode.INVALID_NAME));
        assertThat(client.namespaces().withName("hall4").get()).isNull();
    }
}
