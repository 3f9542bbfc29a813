package org.iepmp.app.settings;

import java.util.Optional;
import org.iepmp.i18n.api.Language;

/**
 * What the user chose and the app remembers between runs. {@code language} is empty until the
 * user picks one, so the OS locale keeps deciding until then.
 */
public record Settings(Optional<Language> language, Theme theme, int zoomPercent, Optional<String> lastClusterId) {

    public static final int MIN_ZOOM = 100;
    public static final int MAX_ZOOM = 200;

    public Settings {
        zoomPercent = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoomPercent));
    }

    public static Settings defaults() {
        return new Settings(Optional.empty(), Theme.LIGHT, 100, Optional.empty());
    }

    public Settings withLanguage(Language value) {
        return new Settings(Optional.of(value), theme, zoomPercent, lastClusterId);
    }

    public Settings withTheme(Theme value) {
        return new Settings(language, value, zoomPercent, lastClusterId);
    }

    public Settings withZoomPercent(int value) {
        return new Settings(language, theme, value, lastClusterId);
    }

    public Settings withLastClusterId(String value) {
        return new Settings(language, theme, zoomPercent, Optional.ofNullable(value));
    }
}
