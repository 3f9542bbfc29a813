package org.iepmp.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iepmp.practice.api.PracticeCatalog;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The practice catalog: valid repositories with true digests, and a v1.2.0 that really fails on the cluster. */
class PracticeCatalogTest {

    private final YAMLMapper yaml = new YAMLMapper();

    @TempDir
    Path dir;

    @Test
    void writesHelmIndexWithDigestsOfItsArchivesReproducibly() throws Exception {
        PracticeCatalog.Layout layout = PracticeCatalog.create().writeTo(dir.resolve("catalog"));
        JsonNode index = yaml.readTree(layout.helmRepository().resolve("index.yaml").toFile());
        assertThat(index.path("entries").path("line-monitor")).extracting(e -> e.path("version").asText())
                .containsExactly("1.2.0", "1.1.0", "1.0.0");
        for (JsonNode entries : List.of(index.path("entries").path("line-monitor"),
                index.path("entries").path("mqtt-broker"))) {
            for (JsonNode entry : entries) {
                Path archive = layout.helmRepository().resolve(entry.path("urls").get(0).asText());
                assertThat(entry.path("digest").asText()).isEqualTo(org.iepmp.practice.catalog.PracticeCatalogFiles.sha256(Files.readAllBytes(archive)));
            }
        }
        String first = Files.readString(layout.helmRepository().resolve("index.yaml"));
        PracticeCatalog.create().writeTo(dir.resolve("catalog"));
        assertThat(Files.readString(layout.helmRepository().resolve("index.yaml"))).isEqualTo(first);
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).extracting(p -> p.getFileName().toString()).containsExactly("catalog");
        }
    }

    @Test
    void writesGlasskubeRepositoryWithDependencyAndHelmReference() throws Exception {
        PracticeCatalog.Layout layout = PracticeCatalog.create().writeTo(dir.resolve("catalog"));
        Path glasskube = layout.glasskubeRepository();
        JsonNode index = yaml.readTree(glasskube.resolve("index.yaml").toFile());
        assertThat(index.path("packages")).extracting(p -> p.path("name").asText() + "@"
                + p.path("latestVersion").asText()).containsExactly("line-monitor@v1.2.0+1", "mqtt-broker@v1.0.0+1",
                        "plant-dashboard-config@v1.1.0+1");
        JsonNode versions = yaml.readTree(glasskube.resolve("line-monitor/versions.yaml").toFile());
        assertThat(versions.path("versions")).extracting(v -> v.path("version").asText())
                .containsExactly("v1.0.0+1", "v1.1.0+1", "v1.2.0+1");
        JsonNode pkg = yaml.readTree(glasskube.resolve("line-monitor/v1.1.0+1/package.yaml").toFile());
        assertThat(pkg.path("helm").path("chartVersion").asText()).isEqualTo("1.1.0");
        assertThat(Path.of(java.net.URI.create(pkg.path("helm").path("repositoryUrl").asText())))
                .isEqualTo(layout.helmRepository());
        assertThat(pkg.path("dependencies").get(0).path("name").asText()).isEqualTo("mqtt-broker");
        assertThat(pkg.path("valueDefinitions").path("replicas").path("targets").get(0).path("patch").path("path")
                .asText()).isEqualTo("/replicaCount");
        // The manifest-only package: no chart, its manifest beside package.yaml, values patched into the ConfigMap.
        JsonNode dashboard = yaml.readTree(glasskube.resolve("plant-dashboard-config/v1.0.0+1/package.yaml").toFile());
        assertThat(dashboard.has("helm")).isFalse();
        assertThat(dashboard.path("manifests").get(0).path("url").asText()).isEqualTo("dashboard.yaml");
        assertThat(dashboard.path("valueDefinitions").path("refreshSeconds").path("defaultValue").asText()).isEqualTo("10");
        List<JsonNode> objects = yaml.readerFor(JsonNode.class).<JsonNode>readValues(
                Files.readString(glasskube.resolve("plant-dashboard-config/v1.1.0+1/dashboard.yaml"))).readAll();
        assertThat(objects).extracting(o -> o.path("kind").asText()).containsExactly("ConfigMap", "Deployment");
        assertThat(objects.get(1).path("spec").path("template").path("spec").path("containers").get(0).path("image").asText())
                .isEqualTo("registry.iepmp.example/practice/plant-dashboard:1.1.0");
    }

    @Test
    void lineMonitorWorksUpToV110AndV120CrashLoopsOnThePracticeCluster() throws Exception {
        Path helm = PracticeCatalog.create().writeTo(dir.resolve("catalog")).helmRepository();
        try (PracticeCluster cluster = PracticeCluster.start(PracticeOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig")));
                KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(Files.readString(dir.resolve("kubeconfig")))).build()) {
            Release broker = new Helm(helm.resolve("mqtt-broker-1.0.0.tgz")).install().withName("mqtt-broker")
                    .withNamespace("mqtt-broker").createNamespace().withKubeConfig(cluster.kubeconfig()).waitReady()
                    .withTimeout(60).call();
            assertThat(broker.getStatus()).isEqualTo("deployed");
            Release v100 = new Helm(helm.resolve("line-monitor-1.0.0.tgz")).install().withName("line-monitor")
                    .withNamespace("line-monitor").createNamespace().withKubeConfig(cluster.kubeconfig()).waitReady()
                    .withTimeout(60).call();
            assertThat(v100.getStatus()).isEqualTo("deployed");
            Release v110 = new Helm(helm.resolve("line-monitor-1.1.0.tgz")).upgrade().withName("line-monitor")
                    .withNamespace("line-monitor").withKubeConfig(cluster.kubeconfig()).waitReady().withTimeout(60)
                    .call();
            assertThat(v110.getRevision()).isEqualTo("2");

            assertThatThrownBy(() -> new Helm(helm.resolve("line-monitor-1.2.0.tgz")).upgrade()
                    .withName("line-monitor").withNamespace("line-monitor").withKubeConfig(cluster.kubeconfig())
                    .waitReady().withTimeout(8).call()).hasMessageContaining("context deadline exceeded");
            Pod crashing = client.pods().inNamespace("line-monitor").withLabel("app.kubernetes.io/name",
                    "line-monitor").list().getItems().stream()
                    .filter(p -> p.getSpec().getContainers().get(0).getImage().equals(PracticeCatalog.BROKEN_IMAGE))
                    .findFirst().orElseThrow();
            Pod state = client.pods().inNamespace("line-monitor").withName(crashing.getMetadata().getName())
                    .waitUntilCondition(p -> p.getStatus().getContainerStatuses() != null
                            && !p.getStatus().getContainerStatuses().isEmpty()
                            && p.getStatus().getContainerStatuses().get(0).getState().getWaiting() != null
                            && "CrashLoopBackOff".equals(p.getStatus().getContainerStatuses().get(0).getState()
                                    .getWaiting().getReason()), 30, TimeUnit.SECONDS);
            assertThat(state.getStatus().getContainerStatuses().get(0).getRestartCount()).isPositive();
            assertThat(client.pods().inNamespace("line-monitor").withName(crashing.getMetadata().getName())
                    .tailingLines(1).getLog()).contains("process exited with exit code 1");
            // The old ReplicaSet keeps serving while the new one is broken, as on a real cluster.
            assertThat(client.apps().deployments().inNamespace("line-monitor").withName("line-monitor").get()
                    .getStatus().getAvailableReplicas()).isEqualTo(1);
        }
    }
}
