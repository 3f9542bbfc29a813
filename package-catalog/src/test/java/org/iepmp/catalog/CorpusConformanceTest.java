package org.iepmp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.ChartFiles;
import org.iepmp.catalog.api.Dependency;
import org.iepmp.catalog.api.InstallPlan;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.version.Versions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real public repositories of the shared corpus, read as directory repositories. */
class CorpusConformanceTest {

    @TempDir
    Path temp;

    private static Path corpus(String folder) {
        Optional<Path> corpus = Corpus.find();
        assumeTrue(corpus.isPresent(), "corpus not found (set IEPMP_CORPUS); skipping conformance");
        Path path = corpus.get().resolve(folder);
        assumeTrue(Files.isDirectory(path), folder + " absent from the corpus; skipping");
        return path;
    }

    @Test
    void everyGlasskubePackageVersionParsesResolvesAndMapsItsValues() throws Exception {
        Path packages = corpus("glasskube-packages/packages");
        DefaultCatalog catalog = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("glasskube", packages.toString(), RepositoryType.GLASSKUBE,
                        Origin.OPEN_SOURCE))
                .catalog();
        RepositoryStatus status = catalog.refresh().get(0);
        assertThat(status.error()).isEmpty();
        long folders;
        try (var list = Files.list(packages)) {
            folders = list.filter(Files::isDirectory).count();
        }
        assertThat(catalog.packages()).hasSize((int) folders);

        int versions = 0;
        int valueDefinitions = 0;
        int dependencies = 0;
        int manifests = 0;
        List<String> problems = new ArrayList<>();
        for (CatalogPackage pkg : catalog.packages()) {
            assertThat(pkg.latestVersion()).isNotNull();
            for (String version : pkg.versions()) {
                versions++;
                ResolvedVersion resolved = catalog.resolve(Optional.empty(), pkg.name(), Optional.of(version));
                assertThat(resolved.name()).isEqualTo(pkg.name());
                if (resolved.chart() == null && resolved.manifestUrls().isEmpty()) {
                    problems.add(pkg.name() + " " + version + " has neither chart nor manifests");
                }
                for (ValueDefinition value : resolved.valueDefinitions()) {
                    valueDefinitions++;
                    assertThat(value.type()).isNotNull();
                    assertThat(value.targets()).as(pkg.name() + " " + version + " " + value.name()).isNotEmpty();
                }
                for (Dependency dependency : resolved.dependencies()) {
                    dependencies++;
                    Versions.range(dependency.versionRange());
                }
                if (!resolved.dependencies().isEmpty()) {
                    InstallPlan plan = catalog.plan(Optional.empty(), pkg.name(), Optional.of(version));
                    assertThat(plan.steps().get(plan.steps().size() - 1).version()).isEqualTo(resolved);
                    assertThat(plan.steps()).hasSizeGreaterThan(resolved.dependencies().size() - 1);
                }
                manifests += resolved.manifestUrls().size();
            }
        }
        assertThat(problems).isEmpty();
        long packageFiles;
        try (var files = Files.walk(packages, 3)) {
            packageFiles = files.filter(p -> p.getFileName().toString().equals("package.yaml")).count();
        }
        assertThat(versions).isEqualTo(packageFiles);
        org.slf4j.LoggerFactory.getLogger(getClass()).info(
                "Glasskube corpus: {} packages, {} versions, {} value definitions, {} dependencies, {} manifests",
                catalog.packages().size(), versions, valueDefinitions, dependencies, manifests);
        assertThat(valueDefinitions).isGreaterThan(500);
        assertThat(dependencies).isGreaterThan(20);
        assertThat(manifests).isGreaterThan(100);
    }

    @Test
    void manifestsWithAbsoluteUrlsAreReadFromTheMirroredFolder() {
        Path packages = corpus("glasskube-packages/packages");
        DefaultCatalog catalog = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("glasskube", packages.toString(), RepositoryType.GLASSKUBE,
                        Origin.OPEN_SOURCE))
                .catalog();
        catalog.refresh();
        ResolvedVersion keptn = catalog.resolve(Optional.empty(), "keptn", Optional.of("v2.1.0+1"));
        assertThat(keptn.manifestUrls()).allMatch(u -> u.startsWith("https://"));
        List<String> texts = catalog.manifests(keptn);
        assertThat(texts).hasSize(keptn.manifestUrls().size()).allMatch(t -> t.contains("kind:"));
    }

    @Test
    void everyPodinfoVersionIsListedAndEveryArchiveVerifiedFromTheMirror() throws Exception {
        Path repo = corpus("helm-repo-podinfo");
        DefaultCatalog catalog = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("podinfo", repo.toString(), RepositoryType.HELM, Origin.OPEN_SOURCE))
                .catalog();
        assertThat(catalog.refresh().get(0).error()).isEmpty();
        List<String> versions = catalog.versions("podinfo");
        Matcher matcher = Pattern.compile("(?m)^    version: ").matcher(Files.readString(repo.resolve("index.yaml")));
        long inIndex = matcher.results().count();
        assertThat(versions).hasSize((int) inIndex).hasSize(108);
        assertThat(versions).isEqualTo(Versions.newestFirst(versions));
        for (String version : versions) {
            ResolvedVersion resolved = catalog.resolve(Optional.empty(), "podinfo", Optional.of(version));
            assertThat(resolved.chart().archiveUrls()).allMatch(u -> u.startsWith("https://"));
            VerifiedArchive archive = catalog.fetchChartArchive(resolved);
            assertThat(archive.sha256()).isEqualTo(resolved.chart().digest());
            assertThat(archive.path().getFileName().toString()).isEqualTo(resolved.chart().digest() + ".tgz");
        }
        ChartFiles latest = catalog.chartFiles(catalog.fetchChartArchive(
                catalog.resolve(Optional.empty(), "podinfo", Optional.empty())).path());
        assertThat(latest.chartYaml()).contains("name: podinfo");
        assertThat(latest.valuesYaml()).contains("replicaCount");
    }
}
