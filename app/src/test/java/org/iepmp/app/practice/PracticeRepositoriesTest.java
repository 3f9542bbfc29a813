package org.iepmp.app.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The practice catalog lists each practice package once, and its charts still install. */
class PracticeRepositoriesTest {

    @TempDir
    Path dir;

    @Test
    void listsEachPracticePackageOnceAndFetchesItsChartFromTheRepositoryBesideIt() throws Exception {
        FileRepositoryStore store = new FileRepositoryStore(dir.resolve("config"));
        // What an earlier version left configured: the chart repository as a second listing.
        store.save(RepositoryDefinition.directory(PracticeRepositories.LEGACY_CHARTS, dir.resolve("old").toString(),
                RepositoryType.HELM, Origin.VENDOR), Optional.empty());
        PracticeRepositories practice = new PracticeRepositories(store, dir.resolve("practice-catalog"));

        practice.add();

        assertThat(store.list()).extracting(RepositoryDefinition::name).containsExactly(PracticeRepositories.NAME);
        DefaultCatalog catalog = new DefaultCatalog(store, dir.resolve("cache"),
                CatalogSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), Clock.systemUTC());
        catalog.refresh();
        assertThat(catalog.packages()).extracting(CatalogPackage::name).doesNotHaveDuplicates()
                .contains("line-monitor", "mqtt-broker");
        assertThat(catalog.packages()).extracting(CatalogPackage::repository).containsOnly(PracticeRepositories.NAME);
        ResolvedVersion monitor = catalog.resolve(Optional.empty(), "line-monitor", Optional.empty());
        assertThat(monitor.version()).startsWith("v").endsWith("+1");
        assertThat(catalog.fetchChartArchive(monitor).sha256()).hasSize(64);

        practice.remove();
        assertThat(store.list()).isEmpty();
    }
}
