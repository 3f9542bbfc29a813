package org.iepmp.kube.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.iepmp.kube.api.LeaseRecord;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's Lease on the practice cluster: the API server serves coordination.k8s.io/v1
 * leases (discovery and CRUD), creation is first-come, and a write based on an old
 * resourceVersion is refused, as a real API server does.
 */
class Fabric8ClusterLeasePracticeClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static PracticeCluster cluster;
    static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("config")));
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void discoveryListsLeasesAsNamespacedInCoordinationV1() {
        assertThat(client.getApiResources("coordination.k8s.io/v1").getResources())
                .filteredOn(r -> r.getName().equals("leases")).singleElement()
                .satisfies(r -> {
                    assertThat(r.getKind()).isEqualTo("Lease");
                    assertThat(r.getNamespaced()).isTrue();
                    assertThat(r.getVerbs()).contains("create", "get", "update", "delete", "list", "watch");
                });
    }

    @Test
    void createReadReplaceWithOptimisticConcurrency() {
        try (Fabric8ClusterLease lease = new Fabric8ClusterLease(client, cluster.url())) {
            assertThat(lease.name()).isEqualTo("kube-system/iepmp-console");
            assertThat(lease.read(TIMEOUT)).isEmpty();
            Instant now = Instant.parse("2026-11-22T02:00:00.123456789Z");
            LeaseRecord mine = new LeaseRecord("anna@ipc:1/s1", now, now, Duration.ofSeconds(90), 0,
                    Map.of("iepmp.org/holder-user", "anna"), null);

            assertThat(lease.create(mine, TIMEOUT)).isTrue();
            assertThat(lease.create(mine, TIMEOUT)).as("second creator loses").isFalse();

            LeaseRecord read = lease.read(TIMEOUT).orElseThrow();
            assertThat(read.holderIdentity()).isEqualTo("anna@ipc:1/s1");
            assertThat(read.acquireTime()).isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
            assertThat(read.leaseDuration()).isEqualTo(Duration.ofSeconds(90));
            assertThat(read.annotations()).containsEntry("iepmp.org/holder-user", "anna");
            assertThat(read.resourceVersion()).isNotEmpty();
            Lease raw = client.resources(Lease.class).inNamespace("kube-system").withName("iepmp-console").get();
            assertThat(raw.getSpec().getLeaseDurationSeconds()).isEqualTo(90);
            assertThat(raw.getSpec().getHolderIdentity()).isEqualTo("anna@ipc:1/s1");

            Instant later = now.plusSeconds(30);
            LeaseRecord renewed = new LeaseRecord(read.holderIdentity(), read.acquireTime(), later, read.leaseDuration(), 0,
                    read.annotations(), read.resourceVersion());
            assertThat(lease.replace(renewed, TIMEOUT)).isTrue();
            // Someone who read before that renewal cannot overwrite it.
            LeaseRecord stale = new LeaseRecord("ben@hmi:2/s2", later, later, Duration.ofSeconds(90), 1, Map.of(),
                    read.resourceVersion());
            assertThat(lease.replace(stale, TIMEOUT)).isFalse();
            assertThat(lease.read(TIMEOUT).orElseThrow().renewTime()).isEqualTo(later.truncatedTo(ChronoUnit.MICROS));
            assertThat(lease.read(TIMEOUT).orElseThrow().holderIdentity()).isEqualTo("anna@ipc:1/s1");

            // Released: no holder, the rest kept.
            LeaseRecord current = lease.read(TIMEOUT).orElseThrow();
            assertThat(lease.replace(new LeaseRecord(null, current.acquireTime(), current.renewTime(), current.leaseDuration(), 0,
                    Map.of(), current.resourceVersion()), TIMEOUT)).isTrue();
            assertThat(lease.read(TIMEOUT).orElseThrow().holderIdentity()).isNull();
            client.resources(Lease.class).inNamespace("kube-system").withName("iepmp-console").delete();
        }
    }

    @Test
    void aLeaseWithoutAPositiveDurationIsInvalid() {
        try (Fabric8ClusterLease lease = new Fabric8ClusterLease(client, cluster.url())) {
            Lease bad = new io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder().withNewMetadata().withName("other")
                    .withNamespace("kube-system").endMetadata().withNewSpec().withHolderIdentity("x").withLeaseDurationSeconds(0)
                    .endSpec().build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.resource(bad).create())
                    .isInstanceOfSatisfying(io.fabric8.kubernetes.client.KubernetesClientException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(422);
                        assertThat(e.getMessage()).contains("spec.leaseDurationSeconds");
                    });
            assertThat(lease.read(TIMEOUT)).isEmpty();
        }
    }
}
