package org.iepmp.app.settings;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iepmp.i18n.api.Language;

/**
 * What the user chose and the app remembers between runs. {@code language} is empty until the
 * user picks one, so the OS locale keeps deciding until then.
 */
public record Settings(Optional<Language> language, Theme theme, int zoomPercent, Optional<String> lastClusterId,
                       int updateCheckHours, int downloadDeadlineSeconds) {

    public static final int MIN_ZOOM = 100;
    public static final int MAX_ZOOM = 200;
    /** Hours between background update checks; 0 turns the periodic check off (on connect it still runs). */
    public static final List<Integer> UPDATE_CHECK_HOURS = List.of(0, 1, 3, 6, 12, 24);
    public static final int DEFAULT_UPDATE_CHECK_HOURS = 6;
    /** Seconds one repository download may take in all before the repository counts as unreachable. */
    public static final List<Integer> DOWNLOAD_DEADLINE_SECONDS = List.of(10, 20, 30, 60, 120, 300);
    public static final int DEFAULT_DOWNLOAD_DEADLINE_SECONDS = 30;
    public static final int MIN_DOWNLOAD_DEADLINE_SECONDS = 2;
    public static final int MAX_DOWNLOAD_DEADLINE_SECONDS = 600;

    /** The settings before the periodic update check existed. */
    public Settings(Optional<Language> language, Theme theme, int zoomPercent, Optional<String> lastClusterId) {
        this(language, theme, zoomPercent, lastClusterId, DEFAULT_UPDATE_CHECK_HOURS);
    }

    /** The settings before the download deadline was settable. */
    public Settings(Optional<Language> language, Theme theme, int zoomPercent, Optional<String> lastClusterId,
                    int updateCheckHours) {
        this(language, theme, zoomPercent, lastClusterId, updateCheckHours, DEFAULT_DOWNLOAD_DEADLINE_SECONDS);
    }

    public Settings {
        zoomPercent = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoomPercent));
        if (!UPDATE_CHECK_HOURS.contains(updateCheckHours)) {
            updateCheckHours = DEFAULT_UPDATE_CHECK_HOURS;
        }
        downloadDeadlineSeconds = Math.max(MIN_DOWNLOAD_DEADLINE_SECONDS,
                Math.min(MAX_DOWNLOAD_DEADLINE_SECONDS, downloadDeadlineSeconds));
    }

    public static Settings defaults() {
        return new Settings(Optional.empty(), Theme.LIGHT, 100, Optional.empty());
    }

    public Settings withLanguage(Language value) {
        return new Settings(Optional.of(value), theme, zoomPercent, lastClusterId, updateCheckHours, downloadDeadlineSeconds);
    }

    public Settings withTheme(Theme value) {
        return new Settings(language, value, zoomPercent, lastClusterId, updateCheckHours, downloadDeadlineSeconds);
    }

    public Settings withZoomPercent(int value) {
        return new Settings(language, theme, value, lastClusterId, updateCheckHours, downloadDeadlineSeconds);
    }

    public Settings withLastClusterId(String value) {
        return new Settings(language, theme, zoomPercent, Optional.ofNullable(value), updateCheckHours, downloadDeadlineSeconds);
    }

    public Settings withUpdateCheckHours(int value) {
        return new Settings(language, theme, zoomPercent, lastClusterId, value, downloadDeadlineSeconds);
    }

    public Settings withDownloadDeadlineSeconds(int value) {
        return new Settings(language, theme, zoomPercent, lastClusterId, updateCheckHours, value);
    }

    public Duration downloadDeadline() {
        return Duration.ofSeconds(downloadDeadlineSeconds);
    }
}
