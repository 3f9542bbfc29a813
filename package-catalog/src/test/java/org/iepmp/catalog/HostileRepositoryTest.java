package org.iepmp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.SkippedEntry;
import org.iepmp.catalog.source.ArchiveDownloader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken repositories, written by the test itself and served on loopback only. Each case checks the
 * typed error (the message key), that nothing beyond the repository's origin was read (a canary server counts its
 * requests, a secret file's text never shows up), and that a good repository configured beside it stays intact.
 */
class HostileRepositoryTest {

    private static final String SECRET = "TOP-SECRET-LINE-3";

    @TempDir
    Path temp;

    private TestHttpServer good;
    private TestHttpServer canary;
    private Path secret;

    @BeforeEach
    void goodRepositoryAndCanary() throws IOException {
        good = TestHttpServer.serve(Fixtures.copy("glasskube", temp.resolve("good")));
        canary = TestHttpServer.serve(Files.createDirectories(temp.resolve("canary")));
        secret = Files.writeString(temp.resolve("secret.txt"), SECRET);
    }

    @AfterEach
    void stop() {
        good.close();
        canary.close();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** A Glasskube repository of one package {@code app} v1.0.0 with the given package.yaml body. */
    private Path glasskube(String folder, String packageBody) throws IOException {
        Path repo = Files.createDirectories(temp.resolve(folder));
        Files.writeString(repo.resolve("index.yaml"), "packages:\n  - name: app\n    shortDescription: App\n");
        Files.createDirectories(repo.resolve("app/v1.0.0"));
        Files.writeString(repo.resolve("app/versions.yaml"), "versions:\n  - version: v1.0.0\n");
        Files.writeString(repo.resolve("app/v1.0.0/package.yaml"), "name: app\n" + packageBody);
        return repo;
    }

    private CatalogHarness harness(CatalogSettings settings) {
        CatalogHarness harness = new CatalogHarness(temp.resolve("h" + System.nanoTime()), settings);
        harness.add(RepositoryDefinition.http("good", good.url(), RepositoryType.GLASSKUBE, Origin.VENDOR));
        return harness;
    }

    private CatalogHarness harness() {
        return harness(CatalogSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    /**
     * A repository on the network, elsewhere: served once from loopback into the cache, then configured at an
     * address of the reserved {@code .invalid} domain, so the catalog treats it as remote and reads it from its cache.
     */
    private DefaultCatalog remote(CatalogHarness harness, Path repo) throws IOException {
        try (TestHttpServer server = TestHttpServer.serve(repo)) {
            harness.add(RepositoryDefinition.http("r", server.url(), RepositoryType.GLASSKUBE, Origin.VENDOR));
            DefaultCatalog first = harness.catalog();
            first.refresh();
            first.resolve(Optional.of("r"), "app", Optional.empty());
        }
        harness.add(RepositoryDefinition.http("r", "http://plant-repo.invalid/", RepositoryType.GLASSKUBE, Origin.VENDOR));
        DefaultCatalog catalog = harness.catalog();
        catalog.loadCached();
        return catalog;
    }

    private DefaultCatalog served(CatalogHarness harness, TestHttpServer server, RepositoryType type) {
        harness.add(RepositoryDefinition.http("r", server.url(), type, Origin.VENDOR));
        DefaultCatalog catalog = harness.catalog();
        catalog.refresh();
        return catalog;
    }

    private void assertRefused(Runnable action, CatalogErrorCode code, Object... params) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(CatalogException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            if (params.length > 0) {
                assertThat(e.params()).containsExactly(params);
            }
            assertThat(e.getMessage()).doesNotContain(SECRET);
        });
    }

    /** Nothing beyond the origin was asked, and the good repository still lists its packages. */
    private void assertContained(DefaultCatalog catalog) {
        assertThat(canary.seen()).as("requests beyond the origin").isEmpty();
        RepositoryStatus goodStatus = catalog.statuses().stream().filter(s -> s.repository().equals("good")).findFirst()
                .orElseThrow();
        assertThat(goodStatus.error()).isEmpty();
        assertThat(catalog.packages()).anyMatch(p -> p.repository().equals("good") && p.name().equals("app-a"));
    }

    private String canaryUrl(String path) {
        return canary.url() + path;
    }

    // ---- origin rules: manifests --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "SECRET_FILE", "ftp://127.0.0.1/x.yaml", "jar:file:///x.jar!/a.yaml",
        "gopher://127.0.0.1:70/x", "data:text/plain,apiVersion"})
    void aNetworkRepositoryNeverLeadsToLocalFilesOrOtherSchemes(String url) throws Exception {
        String target = url.equals("SECRET_FILE") ? secret.toUri().toString() : url;
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(glasskube("www", "manifests:\n  - url: \"" + target + "\"\n"))) {
            DefaultCatalog catalog = served(harness, server, RepositoryType.GLASSKUBE);
            ResolvedVersion app = catalog.resolve(Optional.of("r"), "app", Optional.empty());
            assertRefused(() -> catalog.manifests(app), CatalogErrorCode.ORIGIN_REFUSED, "app v1.0.0", "manifests[0].url",
                    target);
            assertContained(catalog);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CANARY", "http://localhost:PORT/x.yaml", "http://[::1]:PORT/x.yaml",
        "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:PORT/x.yaml", "http://127.1:PORT/x.yaml"})
    void aRemoteRepositoryNeverLeadsToThisMachine(String url) throws Exception {
        String port = String.valueOf(java.net.URI.create(canary.url()).getPort());
        String target = url.equals("CANARY") ? canaryUrl("x.yaml") : url.replace("PORT", port);
        CatalogHarness harness = harness();
        DefaultCatalog catalog = remote(harness, glasskube("www", "manifests:\n  - url: \"" + target + "\"\n"));
        ResolvedVersion app = catalog.resolve(Optional.of("r"), "app", Optional.empty());
        assertRefused(() -> catalog.manifests(app), CatalogErrorCode.ORIGIN_REFUSED);
        assertThat(canary.seen()).isEmpty();
    }

    @Test
    void aRepositoryOnThisMachineMayNameThisMachine() throws Exception {
        Files.writeString(temp.resolve("canary/ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n");
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(glasskube("www", "manifests:\n  - url: " + canaryUrl("ok.yaml")
                + "\n"))) {
            DefaultCatalog catalog = served(harness, server, RepositoryType.GLASSKUBE);
            ResolvedVersion app = catalog.resolve(Optional.of("r"), "app", Optional.empty());
            assertThat(catalog.manifests(app)).singleElement().asString().contains("name: ok");
        }
    }

    // ---- origin rules: chart repositories and chart URLs --------------------------------------------------------

    @Test
    void aNetworkRepositoryNamesNoLocalChartRepository() throws Exception {
        Path charts = temp.resolve("charts");
        Fixtures.helmRepository(charts, Map.of("demo", List.of("1.0.0")), file -> file);
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(glasskube("www", "helm:\n  repositoryUrl: " + charts.toUri()
                + "\n  chartName: demo\n  chartVersion: 1.0.0\n"))) {
            DefaultCatalog catalog = served(harness, server, RepositoryType.GLASSKUBE);
            ResolvedVersion app = catalog.resolve(Optional.of("r"), "app", Optional.empty());
            assertRefused(() -> catalog.fetchChartArchive(app), CatalogErrorCode.ORIGIN_REFUSED, "app v1.0.0",
                    "helm.repositoryUrl", charts.toUri().toString());
            assertContained(catalog);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CANARY", "oci://127.0.0.1:5000/charts"})
    void aRemoteRepositoryNamesNoChartRepositoryOnThisMachine(String url) throws Exception {
        String target = url.equals("CANARY") ? canaryUrl("charts") : url;
        CatalogHarness harness = harness();
        DefaultCatalog catalog = remote(harness, glasskube("www", "helm:\n  repositoryUrl: " + target
                + "\n  chartName: demo\n  chartVersion: 1.0.0\n"));
        ResolvedVersion app = catalog.resolve(Optional.of("r"), "app", Optional.empty());
        assertRefused(() -> catalog.fetchChartArchive(app), CatalogErrorCode.ORIGIN_REFUSED);
        assertThat(canary.seen()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "SECRET_FILE", "gopher://127.0.0.1:70/demo.tgz"})
    void aHelmIndexLeadsOnlyToHttp(String url) throws Exception {
        String target = url.equals("SECRET_FILE") ? secret.toUri().toString() : url;
        Path charts = temp.resolve("helm");
        Fixtures.helmRepository(charts, Map.of("demo", List.of("1.0.0")), file -> target);
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(charts)) {
            harness.add(RepositoryDefinition.http("r", server.url(), RepositoryType.HELM, Origin.VENDOR));
            DefaultCatalog catalog = harness.catalog();
            catalog.refresh();
            ResolvedVersion demo = catalog.resolve(Optional.of("r"), "demo", Optional.empty());
            assertRefused(() -> catalog.fetchChartArchive(demo), CatalogErrorCode.ORIGIN_REFUSED, "demo 1.0.0", "urls",
                    target);
            assertThat(Fixtures.files(harness.cache)).noneMatch(p -> p.toString().endsWith(".tgz"));
            assertContained(catalog);
        }
    }

    // ---- origin rules: folders ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"../../../secret.txt", "ABSOLUTE", "link/secret.txt"})
    void aFolderRepositoryStaysInsideItsFolder(String url) throws Exception {
        Path repo = glasskube("usb/repo", "manifests:\n  - url: \"" + (url.equals("ABSOLUTE") ? secret.toUri().toString()
                : url) + "\"\n");
        Files.createSymbolicLink(repo.resolve("app/v1.0.0/link"), temp);
        CatalogHarness harness = harness();
        harness.add(RepositoryDefinition.directory("r", repo.toString(), RepositoryType.GLASSKUBE, Origin.VENDOR));
        DefaultCatalog catalog = harness.catalog();
        catalog.refresh();
        ResolvedVersion app = catalog.resolve(Optional.of("r"), "app", Optional.empty());
        assertRefused(() -> catalog.manifests(app), CatalogErrorCode.ORIGIN_REFUSED);
        assertContained(catalog);
    }

    @Test
    void aFolderRepositoryThatIsAFileIsToldSo() throws Exception {
        CatalogHarness harness = harness();
        harness.add(RepositoryDefinition.directory("r", secret.toString(), RepositoryType.HELM, Origin.VENDOR));
        DefaultCatalog catalog = harness.catalog();
        catalog.refresh();
        CatalogException error = status(catalog, "r").error().orElseThrow();
        assertThat(error.code()).isEqualTo(CatalogErrorCode.NOT_A_FOLDER);
        assertThat(error.params()).containsExactly(secret.toString());
        assertContained(catalog);
    }

    @Test
    void anUnreachableChartRepositoryIsNamedByItsAddressNotAnInternalName() throws Exception {
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(glasskube("www", "helm:\n  repositoryUrl: http://127.0.0.1:9/charts"
                + "\n  chartName: demo\n  chartVersion: 1.0.0\n"))) {
            DefaultCatalog catalog = served(harness, server, RepositoryType.GLASSKUBE);
            ResolvedVersion app = catalog.resolve(Optional.of("r"), "app", Optional.empty());
            assertThatThrownBy(() -> catalog.fetchChartArchive(app)).isInstanceOfSatisfying(CatalogException.class, e -> {
                assertThat(e.code()).isEqualTo(CatalogErrorCode.UNREACHABLE);
                assertThat(e.params()).first().asString().startsWith("http://127.0.0.1:9/charts");
                assertThat(e.params().toString()).doesNotContain("chart-");
            });
        }
    }

    // ---- redirects ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://127.0.0.1/index.yaml", "jar:file:///x!/index.yaml"})
    void aRedirectNeverLeavesHttp(String location) throws Exception {
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(Files.createDirectories(temp.resolve("empty")))) {
            server.override("/index.yaml", exchange -> redirect(exchange, location));
            DefaultCatalog catalog = served(harness, server, RepositoryType.HELM);
            RepositoryStatus status = status(catalog, "r");
            assertThat(status.state()).isEqualTo(RepositoryStatus.State.FAILED);
            assertThat(status.error().orElseThrow().code()).isEqualTo(CatalogErrorCode.ORIGIN_REFUSED);
            assertThat(status.error().orElseThrow().params()).element(1).isEqualTo("Location");
            assertContained(catalog);
        }
    }

    @Test
    void redirectLoopsAndEndlessChainsAreNamedAsSuch() throws Exception {
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(Files.createDirectories(temp.resolve("empty")))) {
            server.override("/index.yaml", exchange -> redirect(exchange, "/again.yaml"));
            server.override("/again.yaml", exchange -> redirect(exchange, "/index.yaml"));
            for (int i = 0; i < 10; i++) {
                int next = i + 1;
                server.override("/chain" + i + "/index.yaml", exchange -> redirect(exchange, "/chain" + next + "/index.yaml"));
            }
            DefaultCatalog catalog = served(harness, server, RepositoryType.HELM);
            assertThat(status(catalog, "r").error().orElseThrow().code()).isEqualTo(CatalogErrorCode.REDIRECT_LOOP);
            harness.add(RepositoryDefinition.http("r", server.url() + "chain0/", RepositoryType.HELM, Origin.VENDOR));
            DefaultCatalog chained = harness.catalog();
            chained.refresh();
            assertThat(status(chained, "r").error().orElseThrow().code()).isEqualTo(CatalogErrorCode.REDIRECT_LOOP);
            assertContained(chained);
        }
    }

    @Test
    void aRedirectWithoutLocationIsAnHttpError() throws Exception {
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(Files.createDirectories(temp.resolve("empty")))) {
            server.override("/index.yaml", exchange -> exchange.sendResponseHeaders(302, -1));
            DefaultCatalog catalog = served(harness, server, RepositoryType.HELM);
            assertThat(status(catalog, "r").error().orElseThrow().code()).isEqualTo(CatalogErrorCode.HTTP_ERROR);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static RepositoryStatus status(DefaultCatalog catalog, String name) {
        return catalog.statuses().stream().filter(s -> s.repository().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anExpiredCertificateSaysExpiredWithItsDate() throws Exception {
        // A vendor CA the repository trusts, and a server certificate it signed that expired a week ago.
        Path ca = temp.resolve("ca.p12");
        Path caPem = temp.resolve("ca.pem");
        Path keystore = temp.resolve("expired.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> common = List.of("-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, List.of("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Vendor Test CA", "-ext", "bc:c", "-validity", "30", "-keystore", ca.toString()), common);
        run(keytool, List.of("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString()),
                common);
        run(keytool, List.of("-genkeypair", "-alias", "srv", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=127.0.0.1", "-keystore", keystore.toString()), common);
        run(keytool, List.of("-certreq", "-alias", "srv", "-keystore", keystore.toString(), "-file",
                temp.resolve("srv.csr").toString()), common);
        run(keytool, List.of("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile",
                temp.resolve("srv.csr").toString(), "-outfile", temp.resolve("srv.pem").toString(), "-rfc", "-startdate",
                "-10d", "-validity", "2", "-ext", "san=ip:127.0.0.1"), common);
        run(keytool, List.of("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore",
                keystore.toString()), common);
        run(keytool, List.of("-importcert", "-alias", "srv", "-file", temp.resolve("srv.pem").toString(), "-keystore",
                keystore.toString()), common);
        Path pem = caPem;
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serveTls(Fixtures.copy("glasskube", temp.resolve("tls")), context)) {
            harness.add(RepositoryDefinition.http("r", server.url(), RepositoryType.GLASSKUBE, Origin.VENDOR)
                    .withCaCertificate(pem.toString()));
            DefaultCatalog catalog = harness.catalog();
            catalog.refresh();
            CatalogException error = status(catalog, "r").error().orElseThrow();
            assertThat(error.code()).isEqualTo(CatalogErrorCode.CERTIFICATE_EXPIRED);
            assertThat(error.params()).first().isEqualTo("127.0.0.1");
            assertThat((java.util.Date) error.params().get(1)).isBefore(new java.util.Date());
            assertContained(catalog);
        }
    }

    private static void run(String keytool, List<String> arguments, List<String> common) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(keytool));
        command.addAll(arguments);
        command.addAll(common);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    // ---- misbehaving servers ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 500, 503})
    void statusCodesGetTheirOwnWords(int code) throws Exception {
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(Files.createDirectories(temp.resolve("empty")))) {
            server.override("/index.yaml", exchange -> exchange.sendResponseHeaders(code, -1));
            DefaultCatalog catalog = served(harness, server, RepositoryType.HELM);
            CatalogErrorCode expected = switch (code) {
                case 401 -> CatalogErrorCode.UNAUTHORIZED;
                case 403 -> CatalogErrorCode.FORBIDDEN;
                case 404 -> CatalogErrorCode.NOT_FOUND;
                default -> CatalogErrorCode.HTTP_ERROR;
            };
            assertThat(status(catalog, "r").error().orElseThrow().code()).isEqualTo(expected);
            assertContained(catalog);
        }
    }

    @Test
    void aTricklingServerIsGivenUpAtTheDeadlineAndHoldsNoOtherRepository() throws Exception {
        // The idle timeout (10 s) never fires: a byte arrives every 200 ms. Only the total deadline ends it.
        CatalogSettings settings = CatalogSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withDownloadDeadline(Duration.ofSeconds(2));
        CatalogHarness harness = harness(settings);
        try (TestHttpServer server = TestHttpServer.serve(Files.createDirectories(temp.resolve("empty")))) {
            server.override("/index.yaml", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 500; i++) {
                        out.write('#');
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (InterruptedException | IOException e) {
                    Thread.currentThread().interrupt();
                }
            });
            harness.add(RepositoryDefinition.http("r", server.url(), RepositoryType.HELM, Origin.VENDOR));
            DefaultCatalog catalog = harness.catalog();
            catalog.refresh(Set.of("good"));
            assertThat(server.seen()).as("refreshing another repository never asks the trickling one").isEmpty();
            assertThat(status(catalog, "good").state()).isEqualTo(RepositoryStatus.State.FRESH);
            catalog.refresh();
            assertThat(status(catalog, "r").error().orElseThrow().code()).isEqualTo(CatalogErrorCode.TIMEOUT);
            assertThat(status(catalog, "r").error().orElseThrow().getMessage()).contains("did not finish within PT2S");
            assertContained(catalog);
        }
    }

    @Test
    void anEndlessBodyIsCutAtTheLimit() throws Exception {
        CatalogHarness harness = harness(CatalogSettings.defaults().withMaxIndexBytes(256 * 1024));
        try (TestHttpServer server = TestHttpServer.serve(Files.createDirectories(temp.resolve("empty")))) {
            server.override("/index.yaml", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = "entries:\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = exchange.getResponseBody()) {
                    while (true) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // The client hung up at its limit.
                }
            });
            DefaultCatalog catalog = served(harness, server, RepositoryType.HELM);
            assertThat(status(catalog, "r").error().orElseThrow().code()).isEqualTo(CatalogErrorCode.TOO_LARGE);
            assertContained(catalog);
        }
    }

    // ---- indexes: partial acceptance ------------------------------------------------------------------------------

    private RepositoryStatus helmIndex(String index) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("helm" + System.nanoTime()));
        Files.writeString(dir.resolve("index.yaml"), index);
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(dir)) {
            DefaultCatalog catalog = served(harness, server, RepositoryType.HELM);
            assertContained(catalog);
            return status(catalog, "r");
        }
    }

    private static final String GOOD_ENTRY = "  ok:\n  - version: 1.0.0\n    urls: [ok-1.0.0.tgz]\n";

    @ParameterizedTest
    @ValueSource(strings = {
        "  bad:\n  - version: latest\n    urls: [b.tgz]\n",
        "  bad:\n  - version: 1.0.0\n",
        "  bad:\n  - version: 1.0.0\n    urls: [b.tgz]\n    digest: not-a-digest\n",
        "  bad:\n  - version: 1.0.0\n    urls: b.tgz\n",
        "  bad:\n  - just a string\n",
        "  bad: not-a-list\n",
        "  \"../../etc\":\n  - version: 1.0.0\n    urls: [x.tgz]\n",
        "  \"bad name\":\n  - version: 1.0.0\n    urls: [x.tgz]\n"})
    void aBadHelmEntryIsSkippedAndTheRestIsUsable(String badEntry) throws Exception {
        RepositoryStatus status = helmIndex("apiVersion: v1\nentries:\n" + GOOD_ENTRY + badEntry);
        assertThat(status.state()).isEqualTo(RepositoryStatus.State.FRESH);
        assertThat(status.packageCount()).isEqualTo(1);
        assertThat(status.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("r/index.yaml");
            assertThat(s.packageName()).isIn("bad", "../../etc", "bad name");
            assertThat(s.field()).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "apiVersion: v1\nentries:\n" + "  ok:\n  - version: 1.0.0\n    urls: [a.tgz]\n" + "  ok:\n  - version: 2.0.0\n    urls: [b.tgz]\n",
        "apiVersion: v1\napiVersion: v2\nentries: {}\n",
        "apiVersion: v1\nentries:\n  ok:\n  - version: 1.0.0\n    version: 2.0.0\n    urls: [a.tgz]\n"})
    void duplicateKeysAreRefusedAsHelmDoes(String index) throws Exception {
        RepositoryStatus status = helmIndex(index);
        assertThat(status.state()).isEqualTo(RepositoryStatus.State.FAILED);
        assertThat(status.error().orElseThrow().code()).isEqualTo(CatalogErrorCode.MALFORMED_YAML);
        assertThat(status.error().orElseThrow().params()).first().isEqualTo("r/index.yaml");
    }

    @Test
    void billionLaughsNeitherHangsNorExplodes() throws Exception {
        StringBuilder index = new StringBuilder("apiVersion: v1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            index.append("x").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                index.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            index.append("]\n");
        }
        index.append("entries:\n").append(GOOD_ENTRY);
        RepositoryStatus status = helmIndex(index.toString());
        // Aliases are never expanded while reading an index: the good entry loads, nothing blows up.
        assertThat(status.packageCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"- a\n- b\n", "~\n", "", "<!DOCTYPE html><html><body>login</body></html>", "\"just text\"\n"})
    void anIndexThatIsNoMappingFailsWithItsReason(String index) throws Exception {
        RepositoryStatus status = helmIndex(index);
        assertThat(status.state()).isEqualTo(RepositoryStatus.State.FAILED);
        assertThat(status.error().orElseThrow().code()).isIn(CatalogErrorCode.NOT_YAML, CatalogErrorCode.MISSING_FIELD);
    }

    @Test
    void aBadGlasskubeEntryIsSkippedAndTheRestIsUsable() throws Exception {
        Path repo = Fixtures.copy("glasskube", temp.resolve("www"));
        String index = Files.readString(repo.resolve("index.yaml"));
        Files.writeString(repo.resolve("index.yaml"), index + "  - name: \"../../etc\"\n  - name: \"Bad Name\"\n"
                + "  - name: lost\n  - name: empty\n  - shortDescription: no name\n");
        Files.createDirectories(repo.resolve("empty"));
        Files.writeString(repo.resolve("empty/versions.yaml"), "versions: []\n");
        Files.writeString(repo.resolve("app-a/versions.yaml"), Files.readString(repo.resolve("app-a/versions.yaml"))
                + "  - version: latest\n  - version: \"v1.0.0/../../x\"\n");
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(repo)) {
            DefaultCatalog catalog = served(harness, server, RepositoryType.GLASSKUBE);
            RepositoryStatus status = status(catalog, "r");
            assertThat(status.state()).isEqualTo(RepositoryStatus.State.FRESH);
            assertThat(status.skipped()).extracting(SkippedEntry::packageName, SkippedEntry::version, SkippedEntry::field)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("../../etc", "", "name"),
                            org.assertj.core.groups.Tuple.tuple("Bad Name", "", "name"),
                            org.assertj.core.groups.Tuple.tuple("", "", "name"),
                            org.assertj.core.groups.Tuple.tuple("lost", "", "versions"),
                            org.assertj.core.groups.Tuple.tuple("empty", "", "versions"),
                            org.assertj.core.groups.Tuple.tuple("app-a", "latest", "version"),
                            org.assertj.core.groups.Tuple.tuple("app-a", "v1.0.0/../../x", "version"));
            assertThat(catalog.versions("app-a")).isNotEmpty().doesNotContain("latest");
            assertThat(catalog.packages()).filteredOn(p -> p.repository().equals("r")).hasSize(status.packageCount())
                    .isNotEmpty();
            assertThat(Fixtures.files(harness.cache)).noneMatch(p -> p.toString().contains("etc"));
            assertContained(catalog);
        }
    }

    // ---- Glasskube dependencies ---------------------------------------------------------------------------------

    @Test
    void cyclesAndMissingDependenciesAreNamed() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("deps"));
        Files.writeString(repo.resolve("index.yaml"), "packages:\n  - name: x\n  - name: y\n  - name: lonely\n");
        for (String[] p : new String[][] {{"x", "y"}, {"y", "x"}, {"lonely", "ghost"}}) {
            Files.createDirectories(repo.resolve(p[0] + "/v1.0.0"));
            Files.writeString(repo.resolve(p[0] + "/versions.yaml"), "versions:\n  - version: v1.0.0\n");
            Files.writeString(repo.resolve(p[0] + "/v1.0.0/package.yaml"), "name: " + p[0] + "\ndependencies:\n  - name: "
                    + p[1] + "\n");
        }
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(repo)) {
            DefaultCatalog catalog = served(harness, server, RepositoryType.GLASSKUBE);
            assertRefused(() -> catalog.plan(Optional.of("r"), "x", Optional.empty()), CatalogErrorCode.DEPENDENCY_CYCLE);
            assertRefused(() -> catalog.plan(Optional.of("r"), "lonely", Optional.empty()),
                    CatalogErrorCode.DEPENDENCY_MISSING);
            assertContained(catalog);
        }
    }

    // ---- chart archives through a repository ----------------------------------------------------------------------

    private static Fixtures.Entry link(String name, String target, byte type) {
        return new Fixtures.Entry(name, new byte[0], target, type);
    }

    private static Stream<List<Fixtures.Entry>> evilArchives() {
        return Stream.of(
                List.of(Fixtures.Entry.file("demo/Chart.yaml", "name: demo"), Fixtures.Entry.file("demo/../../x", "boom")),
                List.of(Fixtures.Entry.file("/etc/cron.d/demo", "boom")),
                List.of(Fixtures.Entry.file("demo/Chart.yaml", "name: demo"),
                        link("demo/templates/x.yaml", "../../../etc/shadow", TarArchiveEntry.LF_SYMLINK)),
                List.of(link("demo/x", "/etc/shadow", TarArchiveEntry.LF_SYMLINK)),
                List.of(link("demo/x", "../outside", TarArchiveEntry.LF_LINK)),
                List.of(link("demo/dev", "", TarArchiveEntry.LF_CHR)),
                List.of(link("demo/fifo", "", TarArchiveEntry.LF_FIFO)));
    }

    @Test
    void unsafeChartArchivesAreRejectedAndNeverStored() throws Exception {
        int index = 0;
        for (List<Fixtures.Entry> entries : evilArchives().toList()) {
            Path dir = Files.createDirectories(temp.resolve("evil" + index++));
            Files.write(dir.resolve("demo-1.0.0.tgz"), Fixtures.tgz(entries));
            String digest = ArchiveDownloader.sha256(dir.resolve("demo-1.0.0.tgz"));
            Files.writeString(dir.resolve("index.yaml"), "apiVersion: v1\nentries:\n  demo:\n  - version: 1.0.0\n"
                    + "    digest: " + digest + "\n    urls: [demo-1.0.0.tgz]\n");
            CatalogHarness harness = harness();
            try (TestHttpServer server = TestHttpServer.serve(dir)) {
                DefaultCatalog catalog = served(harness, server, RepositoryType.HELM);
                ResolvedVersion demo = catalog.resolve(Optional.of("r"), "demo", Optional.empty());
                assertThatThrownBy(() -> catalog.fetchChartArchive(demo)).as("archive %s", entries)
                        .isInstanceOfSatisfying(CatalogException.class,
                                e -> assertThat(e.code()).isIn(CatalogErrorCode.ARCHIVE_UNSAFE, CatalogErrorCode.ARCHIVE_CORRUPT));
                assertThat(Fixtures.files(harness.cache)).noneMatch(p -> p.toString().endsWith(".tgz"));
                assertContained(catalog);
            }
        }
    }

    @Test
    void aBombAndTooManyEntriesStopAtTheirLimits() throws Exception {
        CatalogSettings small = CatalogSettings.defaults().withArchiveLimits(1024 * 1024, 2 * 1024 * 1024, 1024 * 1024, 50);
        byte[] zeros = new byte[3 * 1024 * 1024];
        List<Fixtures.Entry> bomb = List.of(new Fixtures.Entry("demo/big", zeros, null, TarArchiveEntry.LF_NORMAL));
        List<Fixtures.Entry> many = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add(Fixtures.Entry.file("demo/f" + i, "x"));
        }
        for (List<Fixtures.Entry> entries : List.of(bomb, many)) {
            Path dir = Files.createDirectories(temp.resolve("limit" + entries.size()));
            Files.write(dir.resolve("demo-1.0.0.tgz"), Fixtures.tgz(entries));
            Files.writeString(dir.resolve("index.yaml"), "apiVersion: v1\nentries:\n  demo:\n  - version: 1.0.0\n"
                    + "    digest: " + ArchiveDownloader.sha256(dir.resolve("demo-1.0.0.tgz")) + "\n    urls: [demo-1.0.0.tgz]\n");
            CatalogHarness harness = harness(small);
            try (TestHttpServer server = TestHttpServer.serve(dir)) {
                DefaultCatalog catalog = served(harness, server, RepositoryType.HELM);
                ResolvedVersion demo = catalog.resolve(Optional.of("r"), "demo", Optional.empty());
                assertRefused(() -> catalog.fetchChartArchive(demo), CatalogErrorCode.ARCHIVE_UNSAFE);
                assertContained(catalog);
            }
        }
    }

    @Test
    void aDigestMismatchAndATruncatedArchiveAreNeverStored() throws Exception {
        Path dir = temp.resolve("mismatch");
        Fixtures.helmRepository(dir, Map.of("demo", List.of("1.0.0", "1.1.0")), file -> file);
        Files.write(dir.resolve("demo-1.0.0.tgz"), Fixtures.chart("demo", "1.0.1", false));
        byte[] whole = Files.readAllBytes(dir.resolve("demo-1.1.0.tgz"));
        CatalogHarness harness = harness();
        try (TestHttpServer server = TestHttpServer.serve(dir)) {
            DefaultCatalog catalog = served(harness, server, RepositoryType.HELM);
            assertRefused(() -> catalog.fetchChartArchive(catalog.resolve(Optional.of("r"), "demo", Optional.of("1.0.0"))),
                    CatalogErrorCode.DIGEST_MISMATCH);
            Files.write(dir.resolve("demo-1.1.0.tgz"), java.util.Arrays.copyOf(whole, whole.length / 2));
            assertRefused(() -> catalog.fetchChartArchive(catalog.resolve(Optional.of("r"), "demo", Optional.of("1.1.0"))),
                    CatalogErrorCode.DIGEST_MISMATCH);
            assertThat(Fixtures.files(harness.cache)).noneMatch(p -> p.toString().endsWith(".tgz"));
            assertContained(catalog);
        }
    }
}
