package org.iepmp.app.gui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.iepmp.app.engine.InstalledRelease;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.VersionFacts;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.lifecycle.api.UpdateInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's view model over a real catalog of two folder repositories, without a stage. */
class CatalogViewModelTest {

    @TempDir
    Path dir;
    DefaultCatalog catalog;
    CatalogViewModel model;
    final AtomicReference<ResolvedVersion> installed = new AtomicReference<>();

    @BeforeEach
    void open() throws Exception {
        catalog = new CatalogFixture(dir).catalog(dir.resolve("cache"));
        model = new CatalogViewModel(catalog, new DirectTaskExecutor(e -> {
            throw new AssertionError(e);
        }), installed::set);
        model.reload();
    }

    private List<String> rows() {
        return model.results().stream().map(p -> p.name() + "@" + p.repository()).toList();
    }

    /** What the engine's readers say when line-monitor v1.0.0+1 (chart 1.0.0) is installed. */
    private static InstalledRelease lineMonitor(Optional<String> update) {
        ReleaseInfo release = new ReleaseInfo("line-monitor", "line", 1, ReleaseStatus.DEPLOYED, "line-monitor", "1.0.0",
                "1.0.0", Optional.of(Instant.parse("2026-06-01T00:00:00Z")));
        UpdateInfo check = new UpdateInfo("line-monitor", "line-monitor", "line", "v1.0.0+1", Optional.of("vendor"), update,
                update);
        return new InstalledRelease(release, Optional.empty(), update, Optional.empty(), Optional.of(check));
    }

    @Test
    void listsEachRepositorysRowAndFiltersByRepository() {
        assertThat(rows()).containsExactly("line-monitor@vendor", "line-monitor@charts", "mqtt-broker@vendor");
        assertThat(model.repositories()).containsExactly("vendor", "charts");

        model.repositoryProperty().set("charts");
        assertThat(rows()).containsExactly("line-monitor@charts");

        model.queryProperty().set("broker");
        assertThat(rows()).as("filters combine with the search").isEmpty();
        model.repositoryProperty().set(null);
        assertThat(rows()).containsExactly("mqtt-broker@vendor");
        model.originProperty().set(Origin.OPEN_SOURCE);
        assertThat(rows()).isEmpty();
        model.clearFilters();
        assertThat(rows()).containsExactly("mqtt-broker@vendor");
    }

    @Test
    void installedAndUpdateFiltersFollowTheEnginesAnswerNotAVersionComparison() {
        // Installed v1.0.0+1 (chart 1.0.0); the engine found no update: chart 1.0.0 is the same version, and the
        // Helm row's "1.1.0" is not compared here either.
        model.setInstalled(List.of(lineMonitor(Optional.empty())));
        model.installedOnlyProperty().set(true);
        assertThat(rows()).containsExactly("line-monitor@vendor", "line-monitor@charts");
        assertThat(model.installedVersion("line-monitor")).contains("v1.0.0+1");
        model.updatesOnlyProperty().set(true);
        assertThat(rows()).isEmpty();

        model.setInstalled(List.of(lineMonitor(Optional.of("v1.1.0+1"))));
        assertThat(rows()).as("the update belongs to the repository the engine compared with")
                .containsExactly("line-monitor@vendor");
        CatalogPackage vendorRow = model.results().get(0);
        assertThat(model.updateOf(vendorRow)).contains("v1.1.0+1");

        model.queryProperty().set("broker");
        assertThat(rows()).isEmpty();
        model.queryProperty().set("產線");
        assertThat(rows()).containsExactly("line-monitor@vendor");

        model.setInstalled(List.of());
        assertThat(rows()).as("no cluster, nothing installed").isEmpty();
    }

    @Test
    void showsDatesAndChecksPerVersionAndInstallsFromTheChosenRow() {
        model.installAvailableProperty().set(true);

        model.open(model.results().stream().filter(p -> p.repository().equals("charts")).findFirst().orElseThrow());

        assertThat(model.versionFacts()).extracting(VersionFacts::version).containsExactly("1.1.0", "1.0.0");
        assertThat(model.versionFacts().get(0).released()).contains(Instant.parse("2026-05-04T09:00:00Z"));
        assertThat(model.versionFacts()).extracting(VersionFacts::integrity).containsExactly(
                VersionFacts.Integrity.DIGEST_RECORDED, VersionFacts.Integrity.DIGEST_MISSING);
        model.installSelected();
        assertThat(installed.get().repository()).isEqualTo("charts");
        assertThat(installed.get().version()).isEqualTo("1.1.0");

        model.open(model.results().get(0));
        assertThat(model.selectedProperty().get().repository()).isEqualTo("vendor");
        assertThat(model.versionFacts()).extracting(VersionFacts::released).containsOnly(Optional.empty());
        assertThat(model.versionFacts()).extracting(VersionFacts::integrity)
                .containsOnly(VersionFacts.Integrity.CHART_REPOSITORY_DIGEST);
        model.installSelected();
        assertThat(installed.get().repository()).isEqualTo("vendor");
        assertThat(installed.get().version()).isEqualTo("v1.1.0+1");
    }

    @Test
    void aReplacedSearchIsDroppedEvenWhenItAnswersLast() {
        List<Runnable> queued = new ArrayList<>();
        DirectTaskExecutor direct = new DirectTaskExecutor(e -> {
            throw new AssertionError(e);
        });
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <T> TaskHandle execute(BackgroundTask<T> task) {
                queued.add(() -> direct.execute(task));
                return new TaskHandle() {
                    @Override
                    public void cancel() {
                        // A cancel that comes too late: the answer still arrives, and must be ignored.
                    }

                    @Override
                    public boolean isDone() {
                        return false;
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        CatalogViewModel slow = new CatalogViewModel(catalog, later, version -> { });
        slow.queryProperty().set("broker");
        slow.queryProperty().set("monitor");
        assertThat(queued).hasSize(2);
        queued.get(1).run();
        queued.get(0).run();
        assertThat(slow.results()).extracting(CatalogPackage::name).containsOnly("line-monitor");
    }
}
