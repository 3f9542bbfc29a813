package org.iepmp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.api.VersionFacts;
import org.iepmp.catalog.source.ArchiveDownloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release dates and integrity checks per version, and the chart repository a local Glasskube repository names with a
 * {@code file:} URL (read as its chart source without being configured, so its charts are not listed a second time).
 */
class ChartSourcesAndVersionFactsTest {

    @TempDir
    Path temp;

    @Test
    void helmVersionsCarryTheirIndexDateAndWhetherADigestIsRecorded() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("charts"));
        Files.write(repo.resolve("demo-1.1.0.tgz"), Fixtures.chart("demo", "1.1.0", false));
        Files.write(repo.resolve("demo-1.0.0.tgz"), Fixtures.chart("demo", "1.0.0", false));
        Files.write(repo.resolve("demo-0.9.0.tgz"), Fixtures.chart("demo", "0.9.0", false));
        Files.writeString(repo.resolve("index.yaml"), "apiVersion: v1\nentries:\n  demo:\n"
                + "  - name: demo\n    version: 1.1.0\n    created: \"2026-03-04T10:15:30.123456789+08:00\"\n"
                + "    digest: " + ArchiveDownloader.sha256(repo.resolve("demo-1.1.0.tgz")) + "\n    urls: [demo-1.1.0.tgz]\n"
                + "  - name: demo\n    version: 1.0.0\n    created: \"not a date\"\n    urls: [demo-1.0.0.tgz]\n"
                + "  - name: demo\n    version: 0.9.0\n    urls: [demo-0.9.0.tgz]\n");
        DefaultCatalog catalog = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("charts", repo.toString(), RepositoryType.HELM, Origin.OPEN_SOURCE))
                .catalog();
        catalog.refresh();

        List<VersionFacts> facts = catalog.versionFacts(Optional.empty(), "demo");

        assertThat(facts).extracting(VersionFacts::version).containsExactly("1.1.0", "1.0.0", "0.9.0");
        assertThat(facts.get(0).released()).contains(Instant.parse("2026-03-04T02:15:30Z"));
        assertThat(facts.get(0).integrity()).isEqualTo(VersionFacts.Integrity.DIGEST_RECORDED);
        assertThat(facts.get(1).released()).as("an unreadable date is unknown, not an error").isEmpty();
        assertThat(facts.get(1).integrity()).isEqualTo(VersionFacts.Integrity.DIGEST_MISSING);
        assertThat(facts.get(2).released()).isEmpty();
        // What DIGEST_MISSING promises: the catalog refuses the archive.
        assertThatThrownBy(() -> catalog.fetchChartArchive(catalog.resolve(Optional.empty(), "demo", Optional.of("1.0.0"))))
                .satisfies(e -> assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.DIGEST_MISSING));

        // The cached snapshot of the index keeps the dates.
        DefaultCatalog again = new CatalogHarness(temp).catalog();
        again.loadCached();
        assertThat(again.versionFacts(Optional.of("charts"), "demo").get(0).released())
                .contains(Instant.parse("2026-03-04T02:15:30Z"));
    }

    @Test
    void glasskubeVersionsHaveNoDateAndAreCheckedThroughTheirChartRepository() throws Exception {
        Path charts = temp.resolve("usb/charts");
        Fixtures.helmRepository(charts, Map.of("demo", List.of("1.0.0")), file -> file);
        Path glasskube = glasskubeRepository(temp.resolve("usb/glasskube"), charts.toUri().toString());
        DefaultCatalog catalog = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("usb", glasskube.toString(), RepositoryType.GLASSKUBE, Origin.VENDOR))
                .catalog();
        catalog.refresh();

        assertThat(catalog.packages()).as("the chart repository is a chart source, not a second listing")
                .extracting(p -> p.name() + "@" + p.repository()).containsExactly("line-app@usb");
        assertThat(catalog.versionFacts(Optional.empty(), "line-app")).singleElement().satisfies(f -> {
            assertThat(f.version()).isEqualTo("v1.0.0+1");
            assertThat(f.released()).isEmpty();
            assertThat(f.integrity()).isEqualTo(VersionFacts.Integrity.CHART_REPOSITORY_DIGEST);
        });
        ResolvedVersion version = catalog.resolve(Optional.empty(), "line-app", Optional.empty());
        VerifiedArchive archive = catalog.fetchChartArchive(version);
        assertThat(archive.sha256()).isEqualTo(ArchiveDownloader.sha256(charts.resolve("demo-1.0.0.tgz")));
    }

    @Test
    void aRepositoryServedOverTheNetworkNeverMakesTheConsoleReadLocalChartFiles() throws Exception {
        Path charts = temp.resolve("local-charts");
        Fixtures.helmRepository(charts, Map.of("demo", List.of("1.0.0")), file -> file);
        Path glasskube = glasskubeRepository(temp.resolve("served"), charts.toUri().toString());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = glasskube.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            byte[] body = file.startsWith(glasskube) && Files.isRegularFile(file) ? Files.readAllBytes(file)
                    : "missing".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Files.isRegularFile(file) ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            DefaultCatalog catalog = new CatalogHarness(temp)
                    .add(RepositoryDefinition.http("remote", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                            RepositoryType.GLASSKUBE, Origin.VENDOR))
                    .catalog();
            catalog.refresh();
            ResolvedVersion version = catalog.resolve(Optional.empty(), "line-app", Optional.empty());
            assertThatThrownBy(() -> catalog.fetchChartArchive(version))
                    .satisfies(e -> assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.ORIGIN_REFUSED))
                    .satisfies(e -> assertThat(((CatalogException) e).params())
                            .containsExactly("line-app v1.0.0+1", "helm.repositoryUrl", charts.toUri().toString()));
        } finally {
            server.stop(0);
        }
    }

    private static Path glasskubeRepository(Path dir, String chartRepositoryUrl) throws Exception {
        Path version = Files.createDirectories(dir.resolve("line-app/v1.0.0+1"));
        Files.writeString(dir.resolve("index.yaml"), "packages:\n  - name: line-app\n"
                + "    shortDescription: \"Line app\"\n    latestVersion: v1.0.0+1\n");
        Files.writeString(dir.resolve("line-app/versions.yaml"), "latestVersion: v1.0.0+1\nversions:\n  - version: v1.0.0+1\n");
        Files.writeString(version.resolve("package.yaml"), "name: line-app\nshortDescription: 'Line app'\n"
                + "defaultNamespace: line-app\nscope: Namespaced\nhelm:\n  repositoryUrl: " + chartRepositoryUrl + "\n"
                + "  chartName: demo\n  chartVersion: 1.0.0\n");
        return dir;
    }
}
