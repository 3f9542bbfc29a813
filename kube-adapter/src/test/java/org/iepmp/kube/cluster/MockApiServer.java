package org.iepmp.kube.cluster;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** fabric8's CRUD mock server seeded like a one-node MicroK8s, with a kubeconfig file pointing at it. */
public final class MockApiServer implements AutoCloseable {


    private final KubernetesMockServer server;
    private final String kubeSystemUid;

    public MockApiServer() {
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), new HashMap<>(),
                new VersionAwareDispatcher(), false);
        server.init();
        try (KubernetesClient client = server.createClient()) {
            kubeSystemUid = client.namespaces().resource(new NamespaceBuilder().withNewMetadata()
                    .withName("kube-system").endMetadata().build()).create().getMetadata().getUid();
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName("ipc-01")
                    .withLabels(Map.of("node-role.kubernetes.io/control-plane", "")).endMetadata()
                    .withNewStatus()
                    .addNewCondition().withType("Ready").withStatus("True").endCondition()
                    .addNewCondition().withType("DiskPressure").withStatus("False").endCondition()
                    .withCapacity(Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi")))
                    .withAllocatable(Map.of("cpu", new Quantity("3800m"), "memory", new Quantity("7680Mi")))
                    .withNewNodeInfo().withKubeletVersion("v1.31.4").withOsImage("Ubuntu 22.04.4 LTS").endNodeInfo()
                    .endStatus().build()).create();
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName("ipc-02").endMetadata()
                    .withNewStatus()
                    .addNewCondition().withType("Ready").withStatus("False")
                    .withMessage("Kubelet stopped posting node status.").endCondition()
                    .withCapacity(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi")))
                    .withAllocatable(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi")))
                    .endStatus().build()).create();
        }
    }

    /**
     * The CRUD dispatcher answers /version with a list of every stored object and sends no Date
     * header; answer it like a real API server instead.
     */
    private static final class VersionAwareDispatcher extends KubernetesCrudDispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if ("/version".equals(request.getPath())) {
                return new MockResponse().setResponseCode(200)
                        .setHeader("Content-Type", "application/json")
                        .setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                        .setBody("{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.4\",\"platform\":\"linux/amd64\"}");
            }
            return super.dispatch(request);
        }
    }

    /** The mock assigns UIDs itself; this is the one kube-system got. */
    public String kubeSystemUid() {
        return kubeSystemUid;
    }

    public String url() {
        return server.url("/").replaceAll("/$", "");
    }

    public Path writeKubeconfig(Path file, String context) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster:
                    server: %s
                contexts:
                - name: %s
                  context:
                    cluster: test
                    user: tester
                current-context: %s
                users:
                - name: tester
                  user:
                    token: not-a-real-token
                """.formatted(url(), context, context));
        return file;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
