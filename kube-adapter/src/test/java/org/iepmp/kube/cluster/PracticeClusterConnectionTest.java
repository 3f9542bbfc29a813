package org.iepmp.kube.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.practice.SelfSignedCertificates;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's own discovery and connection path reaches the practice cluster like any other cluster. */
class PracticeClusterConnectionTest {

    @TempDir
    Path dir;

    @Test
    void discoveryAndConnectorSeeThePracticeClusterWithStableIdentityAndNodeFacts() throws Exception {
        try (PracticeCluster cluster = PracticeCluster.start(PracticeOptions.defaults().withTls(SelfSignedCertificates.generate())
                .withKubeconfig(dir.resolve("practice.kubeconfig")))) {
            KubeconfigDiscovery discovery = new KubeconfigDiscovery(new DiscoveryLocations(dir.resolve("none-1"),
                    dir.resolve("none-2"), List.of(), dir.resolve("none-3")));
            List<ClusterCandidate> candidates = discovery.fromFile(cluster.kubeconfig(), ClusterSourceKind.PRACTICE);
            assertThat(candidates).singleElement().satisfies(c -> {
                assertThat(c.usable()).isTrue();
                assertThat(c.context()).isEqualTo("iepmp-practice");
                assertThat(c.server()).isEqualTo(cluster.url());
            });
            try (ClusterConnection connection = new Fabric8ClusterConnector(Clock.systemUTC())
                    .connect(candidates.get(0), Duration.ofSeconds(20))) {
                ClusterFacts facts = connection.facts();
                assertThat(facts.identity()).isEqualTo(cluster.clusterUid());
                assertThat(facts.serverVersion()).isEqualTo("v1.31.4");
                assertThat(facts.readyNodes()).isEqualTo(1);
                assertThat(facts.nodes().get(0).cpuCapacityMillis()).isEqualTo(4000);
                assertThat(facts.clockSkew()).isPresent();
                assertThat(facts.clockSkewTooLarge()).isFalse();
            }
        }
    }
}
