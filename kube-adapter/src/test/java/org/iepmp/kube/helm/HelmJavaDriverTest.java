package org.iepmp.kube.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.TemplateRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm driver on the real helm-java native library, with loopback servers that misbehave
 * (refuse, reject credentials, never answer). Cluster operations that succeed are covered against
 * the practice cluster.
 */
class HelmJavaDriverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopServer() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void templateRendersLocallyWithValuesThatNeedNoEscaping() throws Exception {
        try (HelmJavaDriver driver = driverFor("https://127.0.0.1:1")) {
            String yaml = driver.template(new TemplateRequest(chart("hello"), "line-monitor", "plant",
                    HelmValues.tree(Map.of("greeting", "Hello, plant {1}", "replicaCount", 3)), "", TIMEOUT));

            assertThat(yaml).contains("name: line-monitor-hello").contains("replicas: 3")
                    .contains("value: \"Hello, plant {1}\"").contains("kind: ConfigMap");
            assertThat(dir.resolve("tmp")).isEmptyDirectory();
        }
    }

    @Test
    void chartRenderingInvalidYamlIsAnInvalidChart() throws Exception {
        try (HelmJavaDriver driver = driverFor("https://127.0.0.1:1")) {
            assertThatThrownBy(() -> driver.template(new TemplateRequest(chart("broken-yaml"), "x", "default",
                    HelmValues.NONE, "", TIMEOUT)))
                    .isInstanceOfSatisfying(KubeException.class, e -> {
                        assertThat(e.code()).isEqualTo(KubeErrorCode.INVALID_CHART);
                        assertThat(e.params().get(1).toString()).contains("configmap.yaml");
                    });
        }
    }

    @Test
    void corpusPodinfoChartsRender() throws Exception {
        Path repo = corpus().resolve("helm-repo-podinfo");
        assumeThat(Files.isDirectory(repo)).as("corpus helm-repo-podinfo absent; skipped").isTrue();
        Path newest;
        try (Stream<Path> charts = Files.list(repo)) {
            newest = charts.filter(p -> p.getFileName().toString().endsWith(".tgz")).max(Path::compareTo).orElseThrow();
        }
        try (HelmJavaDriver driver = driverFor("https://127.0.0.1:1")) {
            String yaml = driver.template(new TemplateRequest(newest, "podinfo", "demo", HelmValues.NONE, "", TIMEOUT));
            assertThat(yaml).contains("kind: Deployment").contains("podinfo");
        }
    }

    @Test
    void refusedConnectionIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (HelmJavaDriver driver = driverFor("http://127.0.0.1:" + closedPort)) {
            expectCode(() -> driver.install(request(chart("hello"))), KubeErrorCode.UNREACHABLE);
            expectCode(() -> driver.list(TIMEOUT), KubeErrorCode.UNREACHABLE);
        }
    }

    @Test
    void rejectedCredentialsAreUnauthorized() throws Exception {
        startServer(401);
        try (HelmJavaDriver driver = driverFor(serverUrl())) {
            expectCode(() -> driver.install(request(chart("hello"))), KubeErrorCode.UNAUTHORIZED);
        }
    }

    @Test
    void refusedPermissionIsForbidden() throws Exception {
        startServer(403);
        try (HelmJavaDriver driver = driverFor(serverUrl())) {
            expectCode(() -> driver.list(TIMEOUT), KubeErrorCode.FORBIDDEN);
        }
    }

    @Test
    void serverThatNeverAnswersIsATimeoutNotAHang() throws Exception {
        startServer(0);
        try (HelmJavaDriver driver = driverFor(serverUrl())) {
            expectCode(() -> driver.status("x", "default", Duration.ofSeconds(2)), KubeErrorCode.TIMEOUT);
        }
    }

    @Test
    void interruptingTheCallerCancels() throws Exception {
        startServer(0);
        try (HelmJavaDriver driver = driverFor(serverUrl())) {
            Thread.currentThread().interrupt();
            expectCode(() -> driver.list(TIMEOUT), KubeErrorCode.CANCELLED);
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @Test
    void badInputIsRefusedBeforeHelmRuns() throws Exception {
        try (HelmJavaDriver driver = driverFor("https://127.0.0.1:1")) {
            expectCode(() -> driver.install(request(dir.resolve("missing.tgz"))), KubeErrorCode.INVALID_CHART);
            expectCode(() -> driver.install(InstallRequest.of(chart("hello"), "Line_Monitor", "default",
                    HelmValues.NONE, TIMEOUT)), KubeErrorCode.INVALID_NAME);
        }
    }

    static void expectCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, KubeErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KubeException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    private InstallRequest request(Path chart) {
        return InstallRequest.of(chart, "line-monitor", "default", HelmValues.NONE, TIMEOUT);
    }

    /**
     * A loopback API server: status 0 never answers; 401 rejects every request (authentication
     * comes first on a real server); 403 answers /version (public on real clusters) and forbids the rest.
     */
    private void startServer(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                if (status == 0) {
                    release.await(60, TimeUnit.SECONDS);
                    return;
                }
                int code = status;
                String body;
                if (status == 403 && exchange.getRequestURI().getPath().equals("/version")) {
                    code = 200;
                    body = "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\",\"platform\":\"linux/amd64\"}";
                } else if (status == 403) {
                    body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":403,"
                            + "\"reason\":\"Forbidden\",\"message\":\"secrets is forbidden: User \\\"technician\\\" cannot list"
                            + " resource \\\"secrets\\\" in API group \\\"\\\" at the cluster scope\",\"details\":{\"kind\":\"secrets\"}}";
                } else {
                    body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":401,"
                            + "\"reason\":\"Unauthorized\",\"message\":\"Unauthorized\"}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(code, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    private String serverUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private HelmJavaDriver driverFor(String url) throws IOException {
        Path kubeconfig = TestKubeconfigs.writeInsecure(dir, url, "plant-secret");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        return new HelmJavaDriver(new ClusterCandidate(ClusterSourceKind.KUBECONFIG_FILE, kubeconfig, "plant-context",
                url, Optional.empty()), tmp);
    }

    static Path chart(String name) throws URISyntaxException {
        return Path.of(HelmJavaDriverTest.class.getResource("/charts/" + name + "/Chart.yaml").toURI()).getParent();
    }

    static Path corpus() {
        String env = System.getenv("IEPMP_CORPUS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String root = System.getProperty("iepmp.projectRoot", ".");
        for (Path candidate : new Path[] {Path.of(root, "..", "shared", "corpus"), Path.of(root, "..", "..", "shared", "corpus"),
                Path.of("/work/shared/corpus")}) {
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        return Path.of(root, "..", "shared", "corpus");
    }
}
