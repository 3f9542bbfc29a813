package org.iepmp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.ChartFiles;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.VerifiedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helm chart repositories in a directory and over HTTP, with digest-checked archives. */
class HelmRepositoryCatalogTest {

    private static final Map<String, List<String>> CHARTS = Map.of(
            "demo", List.of("1.0.0", "1.1.0", "2.0.0-rc.1", "2.0.0"),
            "plc-bridge", List.of("0.3.1"));

    @TempDir
    Path temp;

    @Test
    void directoryRepositoryWithRelativeUrls() throws Exception {
        Path repo = temp.resolve("share");
        Map<String, String> digests = Fixtures.helmRepository(repo, CHARTS, file -> file);
        DefaultCatalog catalog = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("share", repo.toString(), RepositoryType.HELM, Origin.CUSTOMER))
                .catalog();
        assertThat(catalog.refresh().get(0).state()).isEqualTo(RepositoryStatus.State.FRESH);
        CatalogPackage demo = catalog.packages().get(0);
        assertThat(demo.name()).isEqualTo("demo");
        assertThat(demo.versions()).containsExactly("2.0.0", "2.0.0-rc.1", "1.1.0", "1.0.0");
        assertThat(demo.latestVersion()).isEqualTo("2.0.0");
        assertThat(demo.keywords()).containsExactly("demo", "test");
        assertThat(demo.origin()).isEqualTo(Origin.CUSTOMER);

        ResolvedVersion version = catalog.resolve(Optional.empty(), "demo", Optional.of("1.1.0"));
        assertThat(version.chart().digest()).isEqualTo(digests.get("demo-1.1.0.tgz"));
        VerifiedArchive archive = catalog.fetchChartArchive(version);
        assertThat(archive.sha256()).isEqualTo(digests.get("demo-1.1.0.tgz"));
        assertThat(archive.path()).exists().hasFileName(archive.sha256() + ".tgz");
        ChartFiles files = catalog.chartFiles(archive.path());
        assertThat(files.chartYaml()).contains("name: demo", "version: 1.1.0");
        assertThat(files.valuesYaml()).contains("replicaCount");
        assertThat(files.valuesSchemaJson()).isNull();
        ChartFiles two = catalog.chartFiles(catalog.fetchChartArchive(
                catalog.resolve(Optional.empty(), "demo", Optional.of("2.0.0"))).path());
        assertThat(two.valuesSchemaJson()).contains("object");
        assertThat(catalog.valueDefinitions(two, "demo")).singleElement()
                .satisfies(v -> assertThat(v.constraints().min()).isEqualTo(1.0));
        assertThat(catalog.validateValues(two, Map.of("replicaCount", 0))).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("$.replicaCount"));
        assertThat(catalog.validateValues(two, Map.of("replicaCount", 3))).isEmpty();
        assertThat(catalog.valueDefinitions(files, "demo")).isEmpty();
        // A second fetch reuses the verified copy.
        assertThat(catalog.fetchChartArchive(version)).isEqualTo(archive);
    }

    @Test
    void httpRepositoryFallsBackBesideTheIndexWhenAbsoluteUrlsAreUnreachable() throws Exception {
        Path repo = temp.resolve("mirror");
        Fixtures.helmRepository(repo, CHARTS, file -> "http://127.0.0.1:1/upstream/" + file);
        try (TestHttpServer server = TestHttpServer.serve(repo)) {
            DefaultCatalog catalog = new CatalogHarness(temp)
                    .add(RepositoryDefinition.http("mirror", server.url() + "charts-root/..", RepositoryType.HELM,
                            Origin.OPEN_SOURCE))
                    .catalog();
            // (A base URL with a dot-segment is normalised by URI resolution.)
            assertThat(catalog.refresh().get(0).state()).isEqualTo(RepositoryStatus.State.FRESH);
            VerifiedArchive archive = catalog.fetchChartArchive(
                    catalog.resolve(Optional.empty(), "plc-bridge", Optional.empty()));
            assertThat(archive.path()).exists();
            assertThat(server.seen()).extracting(TestHttpServer.Seen::path).contains("/plc-bridge-0.3.1.tgz");
        }
    }

    @Test
    void httpRepositoryWithRelativeUrlsAndAChartOfAGlasskubePackage() throws Exception {
        Path repo = temp.resolve("charts");
        Fixtures.helmRepository(repo, CHARTS, file -> "archives/../" + file);
        try (TestHttpServer server = TestHttpServer.serve(repo)) {
            Path glasskube = Fixtures.copy("glasskube", temp.resolve("gk"));
            Path pkg = glasskube.resolve("app-a/v1.1.0+2/package.yaml");
            Files.writeString(pkg, Files.readString(pkg).replace("http://127.0.0.1:1/charts", server.url()));
            DefaultCatalog catalog = new CatalogHarness(temp)
                    .add(RepositoryDefinition.directory("gk", glasskube.toString(), RepositoryType.GLASSKUBE, Origin.VENDOR))
                    .add(RepositoryDefinition.http("charts", server.url(), RepositoryType.HELM, Origin.VENDOR))
                    .catalog();
            catalog.refresh();
            ResolvedVersion app = catalog.resolve(Optional.of("gk"), "app-a", Optional.empty());
            VerifiedArchive archive = catalog.fetchChartArchive(app);
            assertThat(catalog.chartFiles(archive.path()).chartYaml()).contains("version: 1.0.0");
        }
    }

    @Test
    void aTamperedArchiveIsRejectedAndNotKept() throws Exception {
        Path repo = temp.resolve("share");
        Fixtures.helmRepository(repo, CHARTS, file -> file);
        Files.write(repo.resolve("demo-1.0.0.tgz"), Fixtures.chart("demo", "1.0.0-evil", false));
        CatalogHarness harness = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("share", repo.toString(), RepositoryType.HELM, Origin.CUSTOMER));
        DefaultCatalog catalog = harness.catalog();
        catalog.refresh();
        ResolvedVersion version = catalog.resolve(Optional.empty(), "demo", Optional.of("1.0.0"));
        assertThatThrownBy(() -> catalog.fetchChartArchive(version))
                .satisfies(e -> assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.DIGEST_MISMATCH));
        assertThat(Fixtures.files(harness.cache.resolve("share/downloads"))).isEmpty();
        assertThat(Fixtures.tempFiles(harness.cache)).isEmpty();
    }

    @Test
    void aParsedIndexSnapshotIsReusedOnlyForTheSameIndexBytes() throws Exception {
        Path repo = temp.resolve("share");
        Fixtures.helmRepository(repo, CHARTS, file -> file);
        CatalogHarness harness = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("share", repo.toString(), RepositoryType.HELM, Origin.CUSTOMER));
        harness.catalog().refresh();
        Path snapshot = harness.cache.resolve("share/files/index.yaml.snapshot");
        assertThat(snapshot).exists();
        DefaultCatalog warm = harness.catalog();
        warm.loadCached();
        assertThat(warm.versions("demo")).hasSize(4);

        assertThat(harness.cache.resolve("share/files/index.yaml.snapshot.key")).exists();

        // A changed index gets parsed again, whatever the snapshot says, on a warm start too.
        Files.writeString(repo.resolve("index.yaml"), Files.readString(repo.resolve("index.yaml"))
                .replace("version: 1.0.0", "version: 1.0.1"));
        DefaultCatalog warmAfterChange = harness.catalog();
        warmAfterChange.loadCached();
        assertThat(warmAfterChange.versions("demo")).contains("1.0.1").doesNotContain("1.0.0");
        DefaultCatalog changed = harness.catalog();
        changed.refresh();
        assertThat(changed.versions("demo")).contains("1.0.1").doesNotContain("1.0.0");

        // A damaged snapshot is ignored.
        Files.write(snapshot, new byte[] {1, 2, 3});
        DefaultCatalog damaged = harness.catalog();
        damaged.refresh();
        assertThat(damaged.versions("demo")).contains("1.0.1");
    }

    @Test
    void anArchiveThatIsMissingEverywhereIsNotFound() throws Exception {
        Path repo = temp.resolve("share");
        Fixtures.helmRepository(repo, CHARTS, file -> file);
        Files.delete(repo.resolve("demo-1.0.0.tgz"));
        DefaultCatalog catalog = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("share", repo.toString(), RepositoryType.HELM, Origin.CUSTOMER))
                .catalog();
        catalog.refresh();
        assertThatThrownBy(() -> catalog.fetchChartArchive(catalog.resolve(Optional.empty(), "demo", Optional.of("1.0.0"))))
                .satisfies(e -> assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.NOT_FOUND));
    }
}
