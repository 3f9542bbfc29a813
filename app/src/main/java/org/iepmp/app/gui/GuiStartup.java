package org.iepmp.app.gui;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.engine.LocalParts;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.app.settings.Settings;
import org.iepmp.app.settings.SettingsStore;
import org.iepmp.i18n.api.Language;
import org.iepmp.lifecycle.api.EngineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window needs from disk before it is built — the folders, the saved settings, the local
 * stores — prepared on the launching thread so the FX thread never waits for the disk.
 *
 * @param settings the saved settings, as on disk: a one-off {@code --zoom} is not among them (see {@link #zoomPercent()})
 * @param language the command line's language, else the saved one, else the OS's
 */
public record GuiStartup(AppPaths paths, LaunchOptions options, SettingsStore store, Settings settings, Language language,
                         LocalParts local) {

    private static final Logger LOG = LoggerFactory.getLogger(GuiStartup.class);

    /** @param engineSettings the lifecycle engine's timeouts (tests shorten the verification wait) */
    public static GuiStartup prepare(AppPaths paths, LaunchOptions options, Locale osLocale, EngineSettings engineSettings) {
        try {
            paths.createAll();
        } catch (IOException e) {
            LOG.warn("Cannot create the application directories", e);
        }
        SettingsStore store = new SettingsStore(paths.settingsFile());
        Settings fromDisk = store.load();
        Language language = options.language().or(fromDisk::language).orElse(Language.fromLocale(osLocale));
        return new GuiStartup(paths, options, store, fromDisk, language,
                new LocalParts(paths, Clock.systemUTC(), engineSettings, fromDisk.downloadDeadline()));
    }

    /** The zoom to start at: the command line's for this run only, else the saved one. */
    public int zoomPercent() {
        return options.zoomPercent().orElse(settings.zoomPercent());
    }
}
