package org.iepmp.kube.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ManifestRequest;
import org.iepmp.kube.api.PermissionRequest;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.kube.facts.Fabric8PreflightFacts;
import org.iepmp.kube.health.Fabric8ReleaseHealth;
import org.iepmp.kube.manifest.Fabric8ManifestDriver;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every driver, opened together, against a cluster that goes away and servers that refuse the user. */
class DriversOnBadClustersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}\n";

    @TempDir
    Path dir;

    @Test
    void clusterThatGoesAwayMidSessionGivesUnreachableFromEveryDriver() throws Exception {
        PracticeCluster cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("kubeconfig")));
        ClusterCandidate candidate = new ClusterCandidate(ClusterSourceKind.PRACTICE, cluster.kubeconfig(), cluster.context(),
                cluster.url(), Optional.empty());
        try (ClusterConnection connection = new Fabric8ClusterConnector(Clock.systemUTC()).connect(candidate, Duration.ofSeconds(10));
             ClusterDrivers drivers = Fabric8ClusterDrivers.open(connection, Files.createDirectories(dir.resolve("tmp")),
                     Clock.systemUTC())) {
            drivers.manifests().apply(new ManifestRequest("settings", "1", "plant", List.of(CONFIG_MAP), List.of(), TIMEOUT));
            assertThat(drivers.helm().list(TIMEOUT)).isEmpty();

            cluster.stop();

            expect(() -> drivers.helm().status("x", "plant", TIMEOUT), KubeErrorCode.UNREACHABLE);
            expect(() -> drivers.helm().install(InstallRequest.of(chart(), "x", "plant", HelmValues.NONE, TIMEOUT)),
                    KubeErrorCode.UNREACHABLE);
            expect(() -> drivers.manifests().apply(new ManifestRequest("settings", "2", "plant", List.of(CONFIG_MAP), List.of(),
                    TIMEOUT)), KubeErrorCode.UNREACHABLE);
            expect(() -> drivers.manifests().uninstall("settings", "plant", TIMEOUT), KubeErrorCode.UNREACHABLE);
            expect(() -> drivers.health().health("settings", "plant", TIMEOUT), KubeErrorCode.UNREACHABLE);
            expect(() -> drivers.preflight().nodeResources(TIMEOUT), KubeErrorCode.UNREACHABLE);
            expect(() -> drivers.logs().tail("plant", "p", "c", 10, false, TIMEOUT), KubeErrorCode.UNREACHABLE);
        } finally {
            cluster.stop();
        }
        assertThat(dir.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void rejectedCredentialsAndMissingPermissionsAreTyped() throws Exception {
        for (int status : new int[] {401, 403}) {
            HttpServer server = refusing(status);
            try {
                Path kubeconfig = kubeconfig("http://127.0.0.1:" + server.getAddress().getPort());
                ClusterCandidate candidate = new ClusterCandidate(ClusterSourceKind.KUBECONFIG_FILE, kubeconfig, "fake",
                        "http://127.0.0.1:" + server.getAddress().getPort(), Optional.empty());
                KubeErrorCode code = status == 401 ? KubeErrorCode.UNAUTHORIZED : KubeErrorCode.FORBIDDEN;
                try (KubernetesClient client = new KubernetesClientBuilder()
                        .withConfig(Fabric8ClusterConnector.configFor(candidate, Duration.ofSeconds(5))).build();
                     Fabric8ManifestDriver manifests = new Fabric8ManifestDriver(client, candidate.server(), Clock.systemUTC());
                     Fabric8ReleaseHealth health = new Fabric8ReleaseHealth(client, candidate.server(), Clock.systemUTC(),
                             Duration.ofMillis(100), 5, (r, n) -> List.of());
                     Fabric8PreflightFacts facts = new Fabric8PreflightFacts(client, candidate.server())) {
                    expect(() -> manifests.apply(new ManifestRequest("settings", "1", "plant", List.of(CONFIG_MAP), List.of(),
                            TIMEOUT)), code);
                    expect(() -> health.health("monitor", "plant", TIMEOUT), code);
                    expect(() -> facts.permissions(List.of(new PermissionRequest("get", "", "pods", "plant")), TIMEOUT), code);
                }
            } finally {
                server.stop(0);
            }
        }
    }

    private static void expect(ThrowingCallable call, KubeErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KubeException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    private static Path chart() throws Exception {
        return Path.of(DriversOnBadClustersTest.class.getResource("/charts/hello/Chart.yaml").toURI()).getParent();
    }

    private Path kubeconfig(String server) throws IOException {
        Path file = dir.resolve("fake-kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters: [{name: fake, cluster: {server: "%s"}}]
                users: [{name: fake, user: {token: not-accepted}}]
                contexts: [{name: fake, context: {cluster: fake, user: fake}}]
                current-context: fake
                """.formatted(server));
        return file;
    }

    /** A loopback API server answering every request with a Kubernetes Status of the given code. */
    private static HttpServer refusing(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String reason = status == 401 ? "Unauthorized" : "Forbidden";
                byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + status
                        + ",\"reason\":\"" + reason + "\",\"message\":\"" + reason.toLowerCase() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }
}
