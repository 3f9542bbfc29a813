package org.iepmp.kube.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iepmp.kube.api.NodeResources;
import org.iepmp.kube.api.PermissionCheck;
import org.iepmp.kube.api.PermissionRequest;
import org.junit.jupiter.api.Test;

/** Resource sums and permission answers with exactly controlled cluster content (fabric8 mock server). */
@EnableKubernetesMockClient(crud = true)
class Fabric8PreflightFactsMockTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void requestsOfPlacedUnfinishedPodsAreSummedPerNode() {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("ipc-01").endMetadata().withNewStatus()
                .withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110")))
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewCondition().withType("DiskPressure").withStatus("True").endCondition()
                .endStatus().build()).create();
        pod("a", "ipc-01", "Running", "250m", "256Mi", "1", "64Mi");
        pod("b", "ipc-01", "Pending", "1500m", "1Gi", null, null);
        pod("done", "ipc-01", "Succeeded", "2", "2Gi", null, null);
        pod("unscheduled", null, "Pending", "3", "1Gi", null, null);

        try (Fabric8PreflightFacts facts = new Fabric8PreflightFacts(client, "mock")) {
            List<NodeResources> nodes = facts.nodeResources(TIMEOUT);

            assertThat(nodes).singleElement().satisfies(n -> {
                // Pod a: max(250m containers, 1 core init) = 1000m; b: 1500m.
                assertThat(n.cpuRequestedMillis()).isEqualTo(2500);
                assertThat(n.cpuFreeMillis()).isEqualTo(1500);
                assertThat(n.memoryRequestedBytes()).isEqualTo(256L * 1024 * 1024 + 1024L * 1024 * 1024);
                assertThat(n.podsPlaced()).isEqualTo(2);
                assertThat(n.podsAllocatable()).isEqualTo(110);
                assertThat(n.ready()).isTrue();
                assertThat(n.diskPressure()).isTrue();
                assertThat(n.memoryPressure()).isFalse();
            });
        }
    }

    @Test
    void permissionAnswersComeFromTheServer() {
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews").andReply(201, request -> {
            String body = request.getBody().readUtf8();
            boolean allowed = body.contains("\"verb\":\"get\"");
            return "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\",\"spec\":{},"
                    + "\"status\":{\"allowed\":" + allowed + (allowed ? "" : ",\"reason\":\"no RBAC policy matched\"") + "}}";
        }).always();

        try (Fabric8PreflightFacts facts = new Fabric8PreflightFacts(client, "mock")) {
            List<PermissionCheck> checks = facts.permissions(List.of(new PermissionRequest("get", "", "secrets", "plant"),
                    new PermissionRequest("create", "apps", "deployments", "plant")), TIMEOUT);

            assertThat(checks).extracting(PermissionCheck::allowed).containsExactly(true, false);
            assertThat(checks.get(1).reason()).isEqualTo("no RBAC policy matched");
        }
    }

    private void pod(String name, String node, String phase, String cpu, String memory, String initCpu, String initMemory) {
        var builder = new PodBuilder().withNewMetadata().withName(name).withNamespace("plant").endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("x").withNewResources()
                .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory))).endResources().endContainer();
        if (initCpu != null) {
            builder = builder.addNewInitContainer().withName("i").withImage("x").withNewResources()
                    .withRequests(Map.of("cpu", new Quantity(initCpu), "memory", new Quantity(initMemory))).endResources()
                    .endInitContainer();
        }
        client.pods().inNamespace("plant").resource(builder.endSpec().withNewStatus().withPhase(phase).endStatus().build()).create();
    }
}
