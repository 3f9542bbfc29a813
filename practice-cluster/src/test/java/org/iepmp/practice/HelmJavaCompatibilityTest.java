package org.iepmp.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** helm-java 0.0.21 (the Helm SDK the product's Helm driver uses) against the practice cluster. */
class HelmJavaCompatibilityTest {

    @TempDir
    static Path dir;
    private static PracticeCluster cluster;
    private static Path chart;

    @BeforeAll
    static void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withTls(SelfSignedCertificates.generate()).withKubeconfig(dir.resolve("kubeconfig")));
        chart = Path.of(HelmJavaCompatibilityTest.class.getResource("charts/demo-app/Chart.yaml").toURI())
                .getParent();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void installWaitListUpgradeUninstall() throws Exception {
        Release installed = new Helm(chart).install().withName("line").withNamespace("hj").createNamespace()
                .withKubeConfig(cluster.kubeconfig()).waitReady().withTimeout(60).call();
        assertThat(installed.getStatus()).isEqualTo("deployed");

        List<Release> releases = Helm.list().allNamespaces().withKubeConfig(cluster.kubeconfig()).call();
        assertThat(releases).extracting(Release::getName, Release::getNamespace, Release::getChart)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("line", "hj", "demo-app-0.1.0"));

        Release upgraded = new Helm(chart).upgrade().withName("line").withNamespace("hj")
                .withKubeConfig(cluster.kubeconfig()).set("replicaCount", 2).waitReady().withTimeout(60).call();
        assertThat(upgraded.getRevision()).isEqualTo("2");
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build()) {
            assertThat(client.apps().deployments().inNamespace("hj").withName("line-web").get().getStatus()
                    .getReadyReplicas()).isEqualTo(2);
            assertThat(client.secrets().inNamespace("hj").withLabel("owner", "helm").list().getItems())
                    .extracting(s -> s.getMetadata().getName())
                    .containsExactlyInAnyOrder("sh.helm.release.v1.line.v1", "sh.helm.release.v1.line.v2");
        }

        String result = Helm.uninstall("line").withNamespace("hj").withKubeConfig(cluster.kubeconfig()).call();
        assertThat(result).contains("uninstalled");
        assertThat(Helm.list().allNamespaces().withKubeConfig(cluster.kubeconfig()).call()).isEmpty();
    }
}
