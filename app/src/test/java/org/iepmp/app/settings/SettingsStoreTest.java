package org.iepmp.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTrip() {
        SettingsStore store = new SettingsStore(dir.resolve("config/settings.properties"));
        assertThat(store.load()).isEqualTo(Settings.defaults());
        Settings chosen = Settings.defaults().withLanguage(Language.TRADITIONAL_CHINESE).withTheme(Theme.DARK)
                .withZoomPercent(150).withLastClusterId("MICROK8S|/x|microk8s").withDownloadDeadlineSeconds(120);
        store.save(chosen);
        assertThat(store.load()).isEqualTo(chosen);
        assertThat(dir.resolve("config")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void zoomIsClampedAndGarbageIgnored() throws IOException {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "language=klingon\ntheme=neon\nzoomPercent=900\n");
        Settings loaded = new SettingsStore(file).load();
        assertThat(loaded.language()).isEmpty();
        assertThat(loaded.theme()).isEqualTo(Theme.LIGHT);
        assertThat(loaded.zoomPercent()).isEqualTo(Settings.MAX_ZOOM);
    }

    @Test
    void theDownloadDeadlineDefaultsToHalfAMinuteAndStaysInItsRange() throws IOException {
        Path file = dir.resolve("deadline.properties");
        assertThat(new SettingsStore(file).load().downloadDeadline()).hasSeconds(30);
        Files.writeString(file, "downloadDeadlineSeconds=soon\n");
        assertThat(new SettingsStore(file).load().downloadDeadlineSeconds()).isEqualTo(30);
        Files.writeString(file, "downloadDeadlineSeconds=99999\n");
        assertThat(new SettingsStore(file).load().downloadDeadlineSeconds()).isEqualTo(Settings.MAX_DOWNLOAD_DEADLINE_SECONDS);
        Files.writeString(file, "downloadDeadlineSeconds=0\n");
        assertThat(new SettingsStore(file).load().downloadDeadlineSeconds()).isEqualTo(Settings.MIN_DOWNLOAD_DEADLINE_SECONDS);
    }

    @Test
    void unreadableFileIsKeptAsideAndDefaultsUsed() throws IOException {
        Path file = dir.resolve("settings.properties");
        // A lone backslash-u escape is malformed for Properties.load.
        Files.writeString(file, "language=\\uZZZZ\n");
        assertThat(new SettingsStore(file).load()).isEqualTo(Settings.defaults());
        assertThat(dir.resolve("settings.properties.broken")).exists();
    }

    @Test
    void xdgPathsAndOverrides() {
        Path home = Path.of("/home/tech");
        AppPaths defaults = AppPaths.fromEnvironment(Map.of(), home);
        assertThat(defaults.configDir()).isEqualTo(home.resolve(".config/iepmp"));
        assertThat(defaults.dataDir()).isEqualTo(home.resolve(".local/share/iepmp"));
        assertThat(defaults.cacheDir()).isEqualTo(home.resolve(".cache/iepmp"));
        assertThat(defaults.logDir()).isEqualTo(home.resolve(".local/state/iepmp/logs"));
        assertThat(defaults.historyDatabase()).isEqualTo(home.resolve(".local/share/iepmp/history.db"));
        AppPaths xdg = AppPaths.fromEnvironment(Map.of("XDG_CONFIG_HOME", "/etc/xdg-test", "XDG_CACHE_HOME", "relative"), home);
        assertThat(xdg.configDir()).isEqualTo(Path.of("/etc/xdg-test/iepmp"));
        assertThat(xdg.cacheDir()).as("relative XDG paths are invalid per the spec").isEqualTo(home.resolve(".cache/iepmp"));
        AppPaths own = AppPaths.fromEnvironment(Map.of("IEPMP_DATA_DIR", "/srv/iepmp"), home);
        assertThat(own.dataDir()).isEqualTo(Path.of("/srv/iepmp"));
        assertThat(Optional.of(AppPaths.under(Path.of("/t")).logDir())).contains(Path.of("/t/logs"));
    }

    @Test
    void updateCheckIntervalIsRememberedAndAnUnknownOneFallsBackToTheDefault() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("config/settings.properties"));
        assertThat(Settings.defaults().updateCheckHours()).isEqualTo(6);
        store.save(Settings.defaults().withUpdateCheckHours(24));
        assertThat(store.load().updateCheckHours()).isEqualTo(24);
        store.save(Settings.defaults().withUpdateCheckHours(0));
        assertThat(store.load().updateCheckHours()).as("off is a choice").isZero();

        Path file = dir.resolve("odd.properties");
        Files.writeString(file, "updateCheckHours=7\n");
        assertThat(new SettingsStore(file).load().updateCheckHours()).isEqualTo(Settings.DEFAULT_UPDATE_CHECK_HOURS);
        Files.writeString(file, "updateCheckHours=often\n");
        assertThat(new SettingsStore(file).load().updateCheckHours()).isEqualTo(Settings.DEFAULT_UPDATE_CHECK_HOURS);
    }
}
