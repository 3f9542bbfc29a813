package org.iepmp.app.gui.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.iepmp.app.gui.notify.Notice;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.lifecycle.api.UpdateInfo;
import org.iepmp.practice.api.PracticeCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Updates list against the real catalog (the practice Helm repository on disk) and a scripted cluster comparison. */
class UpdatesViewModelTest {

    @TempDir
    Path dir;

    private final List<Notice> notices = new ArrayList<>();
    private final List<List<UpdateInfo>> launched = new ArrayList<>();
    private final AtomicReference<List<UpdateInfo>> cluster = new AtomicReference<>(List.of());
    private final List<Throwable> unexpected = new ArrayList<>();
    private final int[] shown = {0};
    private DefaultCatalog catalog;

    @BeforeEach
    void catalog() throws Exception {
        PracticeCatalog.Layout layout = PracticeCatalog.create().writeTo(dir.resolve("practice"));
        FileRepositoryStore store = new FileRepositoryStore(dir.resolve("config"));
        store.save(RepositoryDefinition.directory("practice-helm", layout.helmRepository().toString(), RepositoryType.HELM,
                Origin.VENDOR), Optional.empty());
        catalog = new DefaultCatalog(store, dir.resolve("cache"), CatalogSettings.defaults(), Clock.systemUTC());
        catalog.loadCached();
    }

    private UpdatesViewModel model(UpdateLauncher launcher) {
        return new UpdatesViewModel(catalog, new DirectTaskExecutor(unexpected::add), cluster::get, launcher, notices::add,
                () -> shown[0]++, Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), ZoneOffset.UTC));
    }

    private static UpdateInfo info(String release, String installed, String latest, String sameMajor) {
        return new UpdateInfo("line-monitor", release, "line", installed, Optional.of("practice-helm"), Optional.ofNullable(latest),
                Optional.ofNullable(sameMajor));
    }

    private static UpdateLauncher recording(List<List<UpdateInfo>> into) {
        return new UpdateLauncher() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public void launch(List<UpdateInfo> updates) {
                into.add(updates);
            }
        };
    }

    @Test
    void listsOnlyWhatCanBeUpdatedWithOriginRiskAndTheBadgeCount() {
        cluster.set(List.of(info("line-monitor", "1.0.0", "1.2.0", "1.2.0"), info("current", "1.2.0", null, null),
                info("old-line", "0.9.0", "1.2.0", "0.9.5")));
        UpdatesViewModel model = model(UpdateLauncher.wizardNotAvailable());
        model.check();
        assertThat(model.rows()).as("not connected: no check").isEmpty();

        model.connectionChanged(true);
        assertThat(model.rows()).extracting(r -> r.info().releaseName()).containsExactly("line-monitor", "old-line");
        assertThat(model.countProperty().get()).isEqualTo(2);
        assertThat(model.upToDateProperty().get()).isEqualTo(1);
        assertThat(model.lastCheckedProperty().get()).isEqualTo(Instant.parse("2026-11-22T01:00:00Z"));
        UpdateRow same = model.rows().get(0);
        assertThat(same.origin()).contains(Origin.VENDOR);
        assertThat(same.majorChange()).isFalse();
        assertThat(same.saferSameMajor()).as("same as the latest: no separate choice").isEmpty();
        UpdateRow major = model.rows().get(1);
        assertThat(major.majorChange()).isTrue();
        assertThat(major.saferSameMajor()).contains("0.9.5");
        assertThat(unexpected).isEmpty();

        model.connectionChanged(false);
        assertThat(model.rows()).isEmpty();
        assertThat(model.countProperty().get()).isZero();
    }

    @Test
    void newUpdatesAreAnnouncedOnceAndTheNoticeOpensTheList() {
        cluster.set(List.of(info("line-monitor", "1.0.0", "1.1.0", "1.1.0")));
        UpdatesViewModel model = model(UpdateLauncher.wizardNotAvailable());
        model.connectionChanged(true);
        model.check();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).textArgs()).containsExactly(1);
        notices.get(0).action().orElseThrow().run().run();
        assertThat(shown[0]).isEqualTo(1);

        // A newer version appeared in the catalog: announced again.
        cluster.set(List.of(info("line-monitor", "1.0.0", "1.2.0", "1.2.0")));
        model.check();
        assertThat(notices).hasSize(2);
        // Nothing left to update: no notice, badge zero.
        cluster.set(List.of(info("line-monitor", "1.2.0", null, null)));
        model.check();
        assertThat(notices).hasSize(2);
        assertThat(model.countProperty().get()).isZero();
    }

    @Test
    void releaseNotesOfTheChosenUpdateComeFromTheCatalogVersions() {
        cluster.set(List.of(info("line-monitor", "0.1.0", "1.2.0", "1.1.0")));
        UpdatesViewModel model = model(UpdateLauncher.wizardNotAvailable());
        model.connectionChanged(true);
        model.selectedProperty().set(model.rows().get(0));
        assertThat(model.notes()).extracting(UpdatesViewModel.VersionNotes::version).containsExactly("1.2.0", "1.1.0");
        assertThat(model.notes().get(0).markdown()).contains("new counters");
        assertThat(model.notes().get(1).markdown()).contains("faster refresh");
        model.selectedProperty().set(null);
        assertThat(model.notes()).isEmpty();
    }

    @Test
    void withoutTheWizardNothingLaunchesAndWithItEveryUpdateGoesInOneRun() {
        cluster.set(List.of(info("a", "1.0.0", "1.2.0", "1.2.0"), info("b", "1.0.0", "1.1.0", "1.1.0")));
        UpdatesViewModel missing = model(UpdateLauncher.wizardNotAvailable());
        missing.connectionChanged(true);
        assertThat(missing.canLaunch()).isFalse();
        missing.updateAll();
        missing.update(missing.rows().get(0));
        assertThat(unexpected).isEmpty();

        UpdatesViewModel model = model(recording(launched));
        model.connectionChanged(true);
        model.update(model.rows().get(1));
        model.updateAll();
        assertThat(launched).hasSize(2);
        assertThat(launched.get(0)).extracting(UpdateInfo::releaseName).containsExactly("b");
        assertThat(launched.get(1)).extracting(UpdateInfo::releaseName).containsExactly("a", "b");
    }

    @Test
    void aFailedCheckIsShownAndClearedByTheNextGoodOne() {
        UpdateSource failing = () -> {
            throw new IllegalStateException("cluster gone");
        };
        AtomicReference<UpdateSource> source = new AtomicReference<>(failing);
        UpdatesViewModel model = new UpdatesViewModel(catalog, new DirectTaskExecutor(unexpected::add),
                () -> source.get().checkUpdates(), UpdateLauncher.wizardNotAvailable(), notices::add, () -> { },
                Clock.systemUTC());
        model.connectionChanged(true);
        assertThat(model.failureProperty().get()).hasMessage("cluster gone");
        assertThat(model.checkingProperty().get()).isFalse();
        source.set(() -> List.of(info("line-monitor", "1.0.0", "1.1.0", "1.1.0")));
        model.check();
        assertThat(model.failureProperty().get()).isNull();
        assertThat(model.rows()).hasSize(1);
    }

    @Test
    void majorVersionsReadLeadingVAndBuildSuffixes() {
        assertThat(UpdateRow.Versions.major("v2.0.0+1")).isEqualTo(2);
        assertThat(UpdateRow.Versions.major("10.1")).isEqualTo(10);
        assertThat(UpdateRow.Versions.major("latest")).isEqualTo(-1);
        assertThat(UpdateRow.Versions.major(null)).isEqualTo(-1);
    }
}
