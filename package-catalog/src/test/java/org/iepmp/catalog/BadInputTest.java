package org.iepmp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;
import org.iepmp.catalog.source.ArchiveDownloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets a typed error, leaves no temp file, and caches nothing as valid.
 */
class BadInputTest {

    @TempDir
    Path temp;

    private RepositoryStatus refreshOnce(Path served, RepositoryType type) throws Exception {
        try (TestHttpServer server = TestHttpServer.serve(served)) {
            return refreshOnce(server, type);
        }
    }

    private CatalogHarness harness;

    private RepositoryStatus refreshOnce(TestHttpServer server, RepositoryType type) throws Exception {
        harness = new CatalogHarness(temp.resolve("h" + System.nanoTime()));
        harness.add(RepositoryDefinition.http("r", server.url(), type, Origin.VENDOR));
        return harness.catalog().refresh().get(0);
    }

    private void assertFailedWith(RepositoryStatus status, CatalogErrorCode code) throws IOException {
        assertThat(status.state()).isEqualTo(RepositoryStatus.State.FAILED);
        assertThat(status.error()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(code));
        assertThat(Fixtures.files(harness.cache)).as("nothing cached").isEmpty();
        assertThat(Fixtures.tempFiles(harness.cache)).isEmpty();
    }

    private Path glasskubeWith(String relative, String content) throws IOException {
        Path repo = Fixtures.copy("glasskube", temp.resolve("www" + System.nanoTime()));
        Files.writeString(repo.resolve(relative), content);
        return repo;
    }

    @Test
    void malformedYaml() throws Exception {
        RepositoryStatus status = refreshOnce(glasskubeWith("index.yaml", "packages:\n  - name: [unclosed\n"),
                RepositoryType.GLASSKUBE);
        assertFailedWith(status, CatalogErrorCode.MALFORMED_YAML);
        assertThat(status.error().orElseThrow().params()).first().isEqualTo("r/index.yaml");
    }

    @Test
    void htmlWhereYamlWasExpected() throws Exception {
        assertFailedWith(refreshOnce(glasskubeWith("index.yaml",
                "\n<!DOCTYPE html>\n<html><head><title>Login</title></head></html>"), RepositoryType.GLASSKUBE),
                CatalogErrorCode.NOT_YAML);
        Path helm = Files.createDirectories(temp.resolve("helm"));
        Files.writeString(helm.resolve("index.yaml"), "<html><body>502 Bad Gateway</body></html>");
        assertFailedWith(refreshOnce(helm, RepositoryType.HELM), CatalogErrorCode.NOT_YAML);
    }

    @Test
    void missingFields() throws Exception {
        assertFailedWith(refreshOnce(glasskubeWith("index.yaml", "apiVersion: v1\n"), RepositoryType.GLASSKUBE),
                CatalogErrorCode.MISSING_FIELD);
        RepositoryStatus partial = refreshOnce(glasskubeWith("lib-b/versions.yaml", "latestVersion: v1.0.0\n"),
                RepositoryType.GLASSKUBE);
        assertUsableWithout(partial, "lib-b", "", "versions", CatalogErrorCode.MISSING_FIELD);
        Path helm = Files.createDirectories(temp.resolve("helm"));
        Files.writeString(helm.resolve("index.yaml"), "apiVersion: v1\nentries:\n  demo:\n  - version: 1.0.0\n");
        RepositoryStatus status = refreshOnce(helm, RepositoryType.HELM);
        assertUsableWithout(status, "demo", "1.0.0", "urls", CatalogErrorCode.MISSING_FIELD);
        assertThat(status.skipped().get(0).reasonParams()).containsExactly("r/index.yaml entries.demo", "urls");
    }

    /** Partial acceptance: the repository loads; the one bad entry is reported, naming package, version and field. */
    private static void assertUsableWithout(RepositoryStatus status, String pkg, String version, String field,
            CatalogErrorCode why) {
        assertThat(status.state()).isEqualTo(RepositoryStatus.State.FRESH);
        assertThat(status.error()).isEmpty();
        assertThat(status.skipped()).singleElement().satisfies(s -> {
            assertThat(s.packageName()).isEqualTo(pkg);
            assertThat(s.version()).isEqualTo(version);
            assertThat(s.field()).isEqualTo(field);
            assertThat(s.reason()).isEqualTo(why);
        });
    }

    @Test
    void missingFieldInPackageYamlIsReportedOnResolveAndNotCached() throws Exception {
        Path repo = glasskubeWith("mid-c/v1.0.0+1/package.yaml", "shortDescription: no name\n");
        try (TestHttpServer server = TestHttpServer.serve(repo)) {
            refreshOnce(server, RepositoryType.GLASSKUBE);
            DefaultCatalog catalog = harness.catalog();
            catalog.refresh();
            CatalogException error = org.junit.jupiter.api.Assertions.assertThrows(CatalogException.class,
                    () -> catalog.resolve(Optional.empty(), "mid-c", Optional.empty()));
            assertThat(error.code()).isEqualTo(CatalogErrorCode.MISSING_FIELD);
            assertThat(Fixtures.files(harness.cache)).noneMatch(p -> p.toString().contains("mid-c/v1.0.0+1"));
        }
    }

    @Test
    void invalidSemverLeavesOutJustThatVersion() throws Exception {
        RepositoryStatus glasskube = refreshOnce(glasskubeWith("lib-b/versions.yaml",
                "versions:\n  - version: one-point-oh\n  - version: v1.0.0\n"), RepositoryType.GLASSKUBE);
        assertUsableWithout(glasskube, "lib-b", "one-point-oh", "version", CatalogErrorCode.INVALID_VERSION);
        assertThat(harness.catalog().loadCached().get(0).skipped()).as("the report survives the cache").hasSize(1);
        Path helm = Files.createDirectories(temp.resolve("helm"));
        Files.writeString(helm.resolve("index.yaml"), "apiVersion: v1\nentries:\n  demo:\n"
                + "  - version: latest\n    urls: [demo.tgz]\n  - version: 1.0.0\n    urls: [demo-1.0.0.tgz]\n");
        RepositoryStatus status = refreshOnce(helm, RepositoryType.HELM);
        assertUsableWithout(status, "demo", "latest", "version", CatalogErrorCode.INVALID_VERSION);
        assertThat(status.packageCount()).isEqualTo(1);
    }

    @Test
    void aBrokenUpdateKeepsTheLastGoodCacheUntouched() throws Exception {
        Path repo = Fixtures.copy("glasskube", temp.resolve("www"));
        try (TestHttpServer server = TestHttpServer.serve(repo)) {
            refreshOnce(server, RepositoryType.GLASSKUBE);
            Path cachedIndex = harness.cache.resolve("r/files/index.yaml");
            String good = Files.readString(cachedIndex);
            Files.writeString(repo.resolve("index.yaml"), "packages: {{{");
            RepositoryStatus status = harness.catalog().refresh().get(0);
            assertThat(status.state()).isEqualTo(RepositoryStatus.State.CACHED);
            assertThat(status.error().orElseThrow().code()).isEqualTo(CatalogErrorCode.MALFORMED_YAML);
            assertThat(Files.readString(cachedIndex)).isEqualTo(good);
            assertThat(Fixtures.tempFiles(harness.cache)).isEmpty();
        }
    }

    @Test
    void digestMismatchAndTruncatedArchiveOverHttp() throws Exception {
        Path repo = temp.resolve("charts");
        Map<String, String> digests = Fixtures.helmRepository(repo, Map.of("demo", List.of("1.0.0", "1.1.0")),
                file -> file);
        // 1.0.0: bytes replaced after the index was made.
        Files.write(repo.resolve("demo-1.0.0.tgz"), Fixtures.chart("demo", "6.6.6", false));
        // 1.1.0: truncated, and the index digest made from the truncated bytes (a broken publish).
        byte[] whole = Files.readAllBytes(repo.resolve("demo-1.1.0.tgz"));
        Files.write(repo.resolve("demo-1.1.0.tgz"), Arrays.copyOf(whole, whole.length - 40));
        String index = Files.readString(repo.resolve("index.yaml"));
        String oldDigest = digests.get("demo-1.1.0.tgz");
        String truncatedDigest = ArchiveDownloader.sha256(repo.resolve("demo-1.1.0.tgz"));
        Files.writeString(repo.resolve("index.yaml"), index.replace(oldDigest, truncatedDigest));
        try (TestHttpServer server = TestHttpServer.serve(repo)) {
            refreshOnce(server, RepositoryType.HELM);
            DefaultCatalog catalog = harness.catalog();
            catalog.refresh();
            Map<String, CatalogErrorCode> expected = Map.of("1.0.0", CatalogErrorCode.DIGEST_MISMATCH,
                    "1.1.0", CatalogErrorCode.ARCHIVE_CORRUPT);
            for (Map.Entry<String, CatalogErrorCode> e : expected.entrySet()) {
                CatalogException error = org.junit.jupiter.api.Assertions.assertThrows(CatalogException.class,
                        () -> catalog.fetchChartArchive(catalog.resolve(Optional.empty(), "demo", Optional.of(e.getKey()))));
                assertThat(error.code()).as(e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(Fixtures.files(harness.cache.resolve("r/downloads"))).isEmpty();
            assertThat(Fixtures.tempFiles(harness.cache)).isEmpty();
        }
    }

    @Test
    void untrustedCertificateAndACustomCaPerRepository() throws Exception {
        Path keystore = temp.resolve("server.p12");
        Path pem = temp.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "srv", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "srv", "-keystore", keystore.toString(), "-storepass",
                "changeit", "-file", pem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);

        Path repo = Fixtures.copy("glasskube", temp.resolve("www"));
        try (TestHttpServer server = TestHttpServer.serveTls(repo, context)) {
            harness = new CatalogHarness(temp.resolve("a"));
            harness.add(RepositoryDefinition.http("r", server.url(), RepositoryType.GLASSKUBE, Origin.VENDOR));
            assertFailedWith(harness.catalog().refresh().get(0), CatalogErrorCode.CERTIFICATE_UNTRUSTED);

            CatalogHarness trusted = new CatalogHarness(temp.resolve("b"));
            trusted.add(new RepositoryDefinition("r", server.url(), RepositoryType.GLASSKUBE, Transport.HTTP,
                    Origin.VENDOR, AuthMethod.NONE, pem.toString(), null, true));
            RepositoryStatus ok = trusted.catalog().refresh().get(0);
            assertThat(ok.error()).isEmpty();
            assertThat(ok.packageCount()).isEqualTo(8);

            Path notPem = Files.writeString(temp.resolve("bad.pem"), "hello");
            harness = new CatalogHarness(temp.resolve("c"));
            harness.add(new RepositoryDefinition("r", server.url(), RepositoryType.GLASSKUBE, Transport.HTTP,
                    Origin.VENDOR, AuthMethod.NONE, notPem.toString(), null, true));
            assertFailedWith(harness.catalog().refresh().get(0), CatalogErrorCode.CA_CERTIFICATE_INVALID);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestHttpServer server = TestHttpServer.serve(temp)) {
            server.override("/index.yaml", exchange -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            harness = new CatalogHarness(temp.resolve("h"), CatalogSettings.defaults()
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
            harness.add(RepositoryDefinition.http("r", server.url(), RepositoryType.HELM, Origin.VENDOR));
            assertFailedWith(harness.catalog().refresh().get(0), CatalogErrorCode.TIMEOUT);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aServerThatStallsInTheMiddleOfTheBodyTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestHttpServer server = TestHttpServer.serve(temp)) {
            server.override("/index.yaml", exchange -> {
                exchange.sendResponseHeaders(200, 10_000);
                exchange.getResponseBody().write("apiVersion: v1\nentries:\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            harness = new CatalogHarness(temp.resolve("h"), CatalogSettings.defaults()
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400)));
            harness.add(RepositoryDefinition.http("r", server.url(), RepositoryType.HELM, Origin.VENDOR));
            assertFailedWith(harness.catalog().refresh().get(0), CatalogErrorCode.TIMEOUT);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aHundredMegabyteIndexIsCutOffEarly() throws Exception {
        long hundredMb = 100L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        try (TestHttpServer server = TestHttpServer.serve(temp)) {
            server.override("/index.yaml", exchange -> {
                exchange.sendResponseHeaders(200, 0); // chunked: no length announced
                byte[] line = "  # padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("apiVersion: v1\nentries: {}\n".getBytes(StandardCharsets.UTF_8));
                    while (written.get() < hundredMb) {
                        out.write(line);
                        written.addAndGet(line.length);
                    }
                } catch (IOException clientGone) {
                    // the catalog hung up, as it should
                }
            });
            CountDownLatch hangUp = new CountDownLatch(1);
            server.override("/announced/index.yaml", exchange -> {
                exchange.sendResponseHeaders(200, hundredMb);
                exchange.getResponseBody().write("apiVersion: v1\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                try {
                    hangUp.await(10, TimeUnit.SECONDS); // the announced 100 MB never come
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            harness = new CatalogHarness(temp.resolve("h"), CatalogSettings.defaults().withMaxIndexBytes(1024 * 1024));
            harness.add(RepositoryDefinition.http("r", server.url(), RepositoryType.HELM, Origin.VENDOR));
            assertFailedWith(harness.catalog().refresh().get(0), CatalogErrorCode.TOO_LARGE);
            assertThat(written.get()).isLessThan(hundredMb / 4);

            harness = new CatalogHarness(temp.resolve("h2"), CatalogSettings.defaults().withMaxIndexBytes(1024 * 1024));
            harness.add(RepositoryDefinition.http("r", server.url() + "announced/", RepositoryType.HELM, Origin.VENDOR));
            assertFailedWith(harness.catalog().refresh().get(0), CatalogErrorCode.TOO_LARGE);
            hangUp.countDown();
        }
        Path dir = Files.createDirectories(temp.resolve("usb"));
        try (var out = Files.newOutputStream(dir.resolve("index.yaml"))) {
            out.write(new byte[2 * 1024 * 1024]);
        }
        harness = new CatalogHarness(temp.resolve("h3"), CatalogSettings.defaults().withMaxIndexBytes(1024 * 1024));
        harness.add(RepositoryDefinition.directory("r", dir.toString(), RepositoryType.HELM, Origin.VENDOR));
        assertFailedWith(harness.catalog().refresh().get(0), CatalogErrorCode.TOO_LARGE);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
