package org.iepmp.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.iepmp.i18n.api.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.properties}. A damaged file never stops the app: it is
 * kept aside as {@code settings.properties.broken} and defaults are used.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Settings file {} is unreadable; using defaults and keeping it aside", file, e);
            keepAside();
            return Settings.defaults();
        }
        Optional<Language> language = Language.fromTag(properties.getProperty("language"));
        Theme theme = Settings.defaults().theme();
        try {
            String value = properties.getProperty("theme");
            if (value != null) {
                theme = Theme.valueOf(value.trim().toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("Unknown theme {} in {}", properties.getProperty("theme"), file);
        }
        int zoom = Settings.defaults().zoomPercent();
        try {
            zoom = Integer.parseInt(properties.getProperty("zoomPercent", String.valueOf(zoom)).trim());
        } catch (NumberFormatException e) {
            LOG.warn("Invalid zoom {} in {}", properties.getProperty("zoomPercent"), file);
        }
        int updateHours = Settings.DEFAULT_UPDATE_CHECK_HOURS;
        try {
            updateHours = Integer.parseInt(properties.getProperty("updateCheckHours", String.valueOf(updateHours)).trim());
        } catch (NumberFormatException e) {
            LOG.warn("Invalid update check interval {} in {}", properties.getProperty("updateCheckHours"), file);
        }
        return new Settings(language, theme, zoom, Optional.ofNullable(properties.getProperty("lastCluster")), updateHours,
                number(properties, "downloadDeadlineSeconds", Settings.DEFAULT_DOWNLOAD_DEADLINE_SECONDS));
    }

    private int number(Properties properties, String key, int fallback) {
        String value = properties.getProperty(key);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            LOG.warn("Invalid {} {} in {}; using {}", key, value, file, fallback);
            return fallback;
        }
    }

    public void save(Settings settings) {
        Properties properties = new Properties();
        settings.language().ifPresent(language -> properties.setProperty("language", language.tag()));
        properties.setProperty("theme", settings.theme().name().toLowerCase(Locale.ROOT));
        properties.setProperty("zoomPercent", String.valueOf(settings.zoomPercent()));
        settings.lastClusterId().ifPresent(id -> properties.setProperty("lastCluster", id));
        properties.setProperty("updateCheckHours", String.valueOf(settings.updateCheckHours()));
        properties.setProperty("downloadDeadlineSeconds", String.valueOf(settings.downloadDeadlineSeconds()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "IEPMP Console settings");
            }
            // Write-then-rename: a crash mid-write never leaves a half file behind.
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings to " + file, e);
        }
    }

    private void keepAside() {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".broken"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Cannot move damaged settings file {} aside", file, e);
        }
    }
}
