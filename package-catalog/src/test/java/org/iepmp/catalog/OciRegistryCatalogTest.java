package org.iepmp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.Transport;
import org.iepmp.catalog.api.VerifiedArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fake OCI registry on 127.0.0.1 that speaks the distribution API the way registry:2 and
 * Harbor do: 401 with a Bearer challenge, a token service behind basic auth, tags, manifests, blobs.
 */
class OciRegistryCatalogTest {

    private static final String TOKEN = "tok-xyz";
    private static final String USER_PASS = "robot:s3cret";

    @TempDir
    Path temp;

    private HttpServer server;
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.start();
        addChart("demo", "1.0.0");
        addChart("demo", "1.1.0");
        addChart("demo", "2.0.0+1");
        addChart("line-agent", "0.4.2");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private final Map<String, String> manifests = new ConcurrentHashMap<>();

    private void addChart(String name, String version) throws Exception {
        byte[] archive = Fixtures.chart(name, version, false);
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        blobs.put(digest, archive);
        manifests.put(name + ":" + version.replace('+', '_'), "{\"schemaVersion\":2,\"config\":{\"mediaType\":"
                + "\"application/vnd.cncf.helm.config.v1+json\",\"digest\":\"sha256:" + "0".repeat(64) + "\",\"size\":2},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.cncf.helm.chart.content.v1.tar+gzip\",\"digest\":\""
                + digest + "\",\"size\":" + archive.length + "}]}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (path.equals("/token")) {
                tokenRequests.add(exchange.getRequestURI().getQuery());
                String expected = "Basic " + Base64.getEncoder().encodeToString(USER_PASS.getBytes(StandardCharsets.UTF_8));
                if (!expected.equals(auth)) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                send(exchange, 200, "{\"token\":\"" + TOKEN + "\",\"expires_in\":300}");
                return;
            }
            if (!("Bearer " + TOKEN).equals(auth)) {
                String scope = path.equals("/v2/_catalog") ? "registry:catalog:*" : "repository:charts/x:pull";
                exchange.getResponseHeaders().add("WWW-Authenticate",
                        "Bearer realm=\"" + base + "/token\",service=\"fake-registry\",scope=\"" + scope + "\"");
                send(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
                return;
            }
            if (path.equals("/v2/_catalog")) {
                send(exchange, 200, "{\"repositories\":[\"charts/demo\",\"charts/line-agent\",\"other/skip\","
                        + "\"charts/nested/skip\",\"charts/notags\"]}");
            } else if (path.equals("/v2/charts/demo/tags/list")) {
                send(exchange, 200, "{\"name\":\"charts/demo\",\"tags\":[\"1.0.0\",\"1.1.0\",\"2.0.0_1\",\"latest\"]}");
            } else if (path.equals("/v2/charts/line-agent/tags/list")) {
                send(exchange, 200, "{\"name\":\"charts/line-agent\",\"tags\":[\"0.4.2\"]}");
            } else if (path.equals("/v2/charts/notags/tags/list")) {
                send(exchange, 200, "{\"name\":\"charts/notags\",\"tags\":null}");
            } else if (path.startsWith("/v2/charts/") && path.contains("/manifests/")) {
                String key = path.substring("/v2/charts/".length()).replace("/manifests/", ":");
                String manifest = manifests.get(key);
                if (manifest == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    send(exchange, 200, manifest);
                }
            } else if (path.contains("/blobs/")) {
                byte[] blob = blobs.get(path.substring(path.indexOf("/blobs/") + 7));
                if (blob == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, blob.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(blob);
                    }
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private RepositoryDefinition registry() {
        return new RepositoryDefinition("registry", base + "/charts", RepositoryType.OCI, Transport.HTTP, Origin.VENDOR,
                AuthMethod.BASIC, null, null, true);
    }

    @Test
    void listsChartsAndVersionsThroughTheBearerChallengeAndPullsVerifiedArchives() throws Exception {
        CatalogHarness harness = new CatalogHarness(temp).add(registry(), Credentials.basic("robot", "s3cret"));
        DefaultCatalog catalog = harness.catalog();
        RepositoryStatus status = catalog.refresh().get(0);
        assertThat(status.error()).isEmpty();
        assertThat(catalog.packages()).extracting(p -> p.name()).containsExactly("demo", "line-agent");
        assertThat(catalog.versions("demo")).containsExactly("2.0.0+1", "1.1.0", "1.0.0");
        assertThat(tokenRequests).anyMatch(q -> q.contains("service=fake-registry") && q.contains("scope=registry"));

        ResolvedVersion demo = catalog.resolve(Optional.empty(), "demo", Optional.of("2.0.0+1"));
        assertThat(demo.chart().repositoryUrl()).isEqualTo(base + "/charts");
        VerifiedArchive archive = catalog.fetchChartArchive(demo);
        assertThat(catalog.chartFiles(archive.path()).chartYaml()).contains("version: 2.0.0+1");

        // Offline: the cached listing is served.
        server.stop(0);
        DefaultCatalog offline = harness.catalog();
        assertThat(offline.refresh().get(0).state()).isEqualTo(RepositoryStatus.State.CACHED);
        assertThat(offline.versions("line-agent")).containsExactly("0.4.2");
    }

    @Test
    void aGlasskubePackageWithAnOciChartIsPulledThroughTheConfiguredRegistry() throws Exception {
        Path glasskube = Fixtures.copy("glasskube", temp.resolve("gk"));
        Path pkg = glasskube.resolve("app-a/v1.1.0+2/package.yaml");
        Files.writeString(pkg, Files.readString(pkg)
                .replace("http://127.0.0.1:1/charts", "oci://127.0.0.1:" + server.getAddress().getPort() + "/charts/")
                .replace("chartVersion: 1.0.0", "chartVersion: 1.1.0"));
        DefaultCatalog catalog = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("gk", glasskube.toString(), RepositoryType.GLASSKUBE, Origin.VENDOR))
                .add(registry(), Credentials.basic("robot", "s3cret"))
                .catalog();
        catalog.refresh();
        ResolvedVersion app = catalog.resolve(Optional.of("gk"), "app-a", Optional.empty());
        VerifiedArchive archive = catalog.fetchChartArchive(app);
        assertThat(catalog.chartFiles(archive.path()).chartYaml()).contains("name: demo", "version: 1.1.0");
    }

    @Test
    void wrongCredentialsAndTamperedBlobsAreTypedErrors() throws Exception {
        DefaultCatalog wrong = new CatalogHarness(temp.resolve("a"))
                .add(registry(), Credentials.basic("robot", "nope")).catalog();
        RepositoryStatus status = wrong.refresh().get(0);
        assertThat(status.state()).isEqualTo(RepositoryStatus.State.FAILED);
        assertThat(status.error().orElseThrow().code()).isEqualTo(CatalogErrorCode.UNAUTHORIZED);

        CatalogHarness harness = new CatalogHarness(temp.resolve("b")).add(registry(), Credentials.basic("robot", "s3cret"));
        DefaultCatalog catalog = harness.catalog();
        catalog.refresh();
        blobs.replaceAll((digest, bytes) -> "tampered".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> catalog.fetchChartArchive(catalog.resolve(Optional.empty(), "demo", Optional.of("1.0.0"))))
                .satisfies(e -> assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.DIGEST_MISMATCH));
        assertThat(Fixtures.files(harness.cache.resolve("registry/downloads"))).isEmpty();
        assertThat(Files.exists(harness.cache)).isTrue();
    }
}
