package org.iepmp.app.settings;

import java.util.List;
import java.util.Optional;
import org.iepmp.i18n.api.Language;

/**
 * What the user chose and the app remembers between runs. {@code language} is empty until the
 * user picks one, so the OS locale keeps deciding until then.
 */
public record Settings(Optional<Language> language, Theme theme, int zoomPercent, Optional<String> lastClusterId,
                       int updateCheckHours) {

    public static final int MIN_ZOOM = 100;
    public static final int MAX_ZOOM = 200;
    /** Hours between background update checks; 0 turns the periodic check off (on connect it still runs). */
    public static final List<Integer> UPDATE_CHECK_HOURS = List.of(0, 1, 3, 6, 12, 24);
    public static final int DEFAULT_UPDATE_CHECK_HOURS = 6;

    /** The settings before the periodic update check existed. */
    public Settings(Optional<Language> language, Theme theme, int zoomPercent, Optional<String> lastClusterId) {
        this(language, theme, zoomPercent, lastClusterId, DEFAULT_UPDATE_CHECK_HOURS);
    }

    public Settings {
        zoomPercent = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoomPercent));
        if (!UPDATE_CHECK_HOURS.contains(updateCheckHours)) {
            updateCheckHours = DEFAULT_UPDATE_CHECK_HOURS;
        }
    }

    public static Settings defaults() {
        return new Settings(Optional.empty(), Theme.LIGHT, 100, Optional.empty());
    }

    public Settings withLanguage(Language value) {
        return new Settings(Optional.of(value), theme, zoomPercent, lastClusterId, updateCheckHours);
    }

    public Settings withTheme(Theme value) {
        return new Settings(language, value, zoomPercent, lastClusterId, updateCheckHours);
    }

    public Settings withZoomPercent(int value) {
        return new Settings(language, theme, value, lastClusterId, updateCheckHours);
    }

    public Settings withLastClusterId(String value) {
        return new Settings(language, theme, zoomPercent, Optional.ofNullable(value), updateCheckHours);
    }

    public Settings withUpdateCheckHours(int value) {
        return new Settings(language, theme, zoomPercent, lastClusterId, value);
    }
}
