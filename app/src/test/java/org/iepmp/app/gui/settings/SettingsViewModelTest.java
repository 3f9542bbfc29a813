package org.iepmp.app.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iepmp.app.settings.Settings;
import org.iepmp.app.settings.SettingsStore;
import org.iepmp.app.settings.SettingsSummary;
import org.iepmp.app.settings.Theme;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every change in Settings is saved at once (in the background; here on the calling thread) and read back at the next start. */
class SettingsViewModelTest {

    @TempDir
    Path dir;

    private final List<Throwable> unexpected = new ArrayList<>();
    private SettingsStore store;
    private SettingsViewModel model;

    @BeforeEach
    void open() {
        store = new SettingsStore(dir.resolve("settings.json"));
        model = new SettingsViewModel(Settings.defaults(), Language.SIMPLIFIED_CHINESE, 100, store,
                new DirectTaskExecutor(unexpected::add));
    }

    @AfterEach
    void nothingUnexpected() {
        assertThat(unexpected).isEmpty();
    }

    @Test
    void startsWithTheEffectiveLanguageWithoutSavingIt() {
        assertThat(model.languageProperty().get()).isEqualTo(Language.SIMPLIFIED_CHINESE);
        assertThat(model.current().language()).as("from the OS until chosen").isEmpty();
        assertThat(store.load()).isEqualTo(Settings.defaults());
    }

    @Test
    void eachChangeIsSavedAndReadBack() {
        model.languageProperty().set(Language.TRADITIONAL_CHINESE);
        model.themeProperty().set(Theme.DARK);
        model.zoomPercentProperty().set(150);
        model.updateCheckHoursProperty().set(24);
        model.downloadDeadlineSecondsProperty().set(120);
        model.rememberCluster("microk8s-ipc-7");

        Settings saved = store.load();
        assertThat(saved).isEqualTo(model.current());
        assertThat(saved.language()).contains(Language.TRADITIONAL_CHINESE);
        assertThat(saved.theme()).isEqualTo(Theme.DARK);
        assertThat(saved.zoomPercent()).isEqualTo(150);
        assertThat(saved.updateCheckHours()).isEqualTo(24);
        assertThat(saved.downloadDeadlineSeconds()).isEqualTo(120);
        assertThat(saved.lastClusterId()).contains("microk8s-ipc-7");
    }

    @Test
    void aOneOffZoomFromTheCommandLineIsNotSavedWithOtherChanges() {
        SettingsViewModel zoomedOnce = new SettingsViewModel(Settings.defaults(), Language.ENGLISH, 150, store,
                new DirectTaskExecutor(unexpected::add));
        assertThat(zoomedOnce.zoomPercentProperty().get()).isEqualTo(150);

        zoomedOnce.themeProperty().set(Theme.DARK);
        zoomedOnce.rememberCluster("ipc");

        assertThat(store.load().theme()).isEqualTo(Theme.DARK);
        assertThat(store.load().zoomPercent()).as("the next plain start opens at the saved zoom")
                .isEqualTo(Settings.defaults().zoomPercent());
        zoomedOnce.zoomPercentProperty().set(125);
        assertThat(store.load().zoomPercent()).as("a zoom chosen in Settings is saved").isEqualTo(125);
    }

    @Test
    void aClearedChoiceKeepsWhatWasSaved() {
        model.themeProperty().set(Theme.DARK);
        model.themeProperty().set(null);
        model.languageProperty().set(null);

        assertThat(store.load().theme()).isEqualTo(Theme.DARK);
        assertThat(store.load().language()).isEmpty();
    }

    @Test
    void theSupportBundleListsTheSettingsLineByLine() {
        model.languageProperty().set(Language.ENGLISH);
        model.zoomPercentProperty().set(125);

        assertThat(SettingsSummary.of(model.current())).isEqualTo(
                "language=en\ntheme=LIGHT\nzoomPercent=125\nlastCluster=\ndownloadDeadlineSeconds=30\n");
        assertThat(SettingsSummary.of(Settings.defaults().withLastClusterId("ipc")))
                .startsWith("language=(from the OS)\n").contains("lastCluster=ipc\n").endsWith("downloadDeadlineSeconds=30\n");
    }
}
