package org.iepmp.lifecycle.engine.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Images and requests of rendered manifests, replicas and DaemonSets counted, quantities in every unit. */
class ManifestFactsTest {

    @Test
    void requestsAreCountedPerReplicaAndDaemonSetsPerNode() {
        String yaml = """
                # Source: app/templates/deployment.yaml
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 3
                  template:
                    spec:
                      initContainers:
                      - {name: init, image: busybox:1.36}
                      containers:
                      - name: web
                        image: plant/web:1.0
                        resources: {requests: {cpu: 250m, memory: 128Mi}}
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent}
                spec:
                  template:
                    spec:
                      containers:
                      - {name: agent, image: plant/agent:2, resources: {requests: {cpu: "0.1", memory: 1G}}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                """;

        ManifestFacts facts = ManifestFacts.of(yaml, 2);

        assertThat(facts.images()).containsExactlyInAnyOrder("busybox:1.36", "plant/web:1.0", "plant/agent:2");
        assertThat(facts.cpuMillis()).isEqualTo(3 * 250 + 2 * 100);
        assertThat(facts.memoryBytes()).isEqualTo(3L * 128 * 1024 * 1024 + 2L * 1_000_000_000);
    }

    @Test
    void quantitiesInEveryUnit() {
        assertThat(ManifestFacts.cpuMillis("2")).isEqualTo(2000);
        assertThat(ManifestFacts.cpuMillis("1.5")).isEqualTo(1500);
        assertThat(ManifestFacts.bytes("1Gi")).isEqualTo(1L << 30);
        assertThat(ManifestFacts.bytes("512Ki")).isEqualTo(512L * 1024);
        assertThat(ManifestFacts.bytes("64M")).isEqualTo(64_000_000L);
        assertThat(ManifestFacts.bytes("4096")).isEqualTo(4096);
        assertThat(ManifestFacts.of("", 1).cpuMillis()).isZero();
    }

    @Test
    void unreadableManifestsAreRefused() {
        assertThatThrownBy(() -> ManifestFacts.of("kind: Deployment\nspec: [unclosed", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
