package org.iepmp.app.gui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.lifecycle.api.EngineSettings;

/** The whole window as the UI tests start it: folders under {@code home}, no real cluster to find. */
final class TestCompositions {

    private TestCompositions() {
    }

    /** Verification polls often and gives up quickly on a crash-looping version (the default waits 90 s). */
    static final EngineSettings FAST = EngineSettings.defaults().withVerify(Duration.ofSeconds(60), Duration.ofMillis(500),
            Duration.ofSeconds(4));

    /** Builds the composition and shows it on {@code stage}; {@code practice} starts practice mode as {@code --practice} does. */
    static GuiComposition show(Stage stage, Path home, Section section, Language language, boolean practice) {
        return show(stage, home, section, language, practice, EngineSettings.defaults());
    }

    /** The same with the engine's time limits given (see {@link #FAST}). */
    static GuiComposition show(Stage stage, Path home, Section section, Language language, boolean practice,
                               EngineSettings engineSettings) {
        return show(stage, home, new LaunchOptions(Optional.of(language), Optional.empty(), Optional.empty(), Optional.of(section),
                Optional.empty(), Optional.empty(), practice), engineSettings);
    }

    /** With the command line's options given (a kubeconfig, say); the language option must be set. */
    static GuiComposition show(Stage stage, Path home, LaunchOptions options, EngineSettings engineSettings) {
        DiscoveryLocations nowhere = new DiscoveryLocations(home.resolve("n/a"), home.resolve("n/b"), List.of(),
                home.resolve("n/c"));
        Language language = options.language().orElseThrow();
        GuiComposition composition = build(AppPaths.under(home.resolve("iepmp")), options, nowhere,
                Locale.forLanguageTag(language.tag()), engineSettings);
        composition.show(stage, () -> { });
        return composition;
    }

    /** The composition as the launcher builds it, with the OS's locale and where clusters are looked for given. */
    static GuiComposition build(AppPaths paths, LaunchOptions options, DiscoveryLocations locations, Locale osLocale) {
        return build(paths, options, locations, osLocale, EngineSettings.defaults());
    }

    static GuiComposition build(AppPaths paths, LaunchOptions options, DiscoveryLocations locations, Locale osLocale,
                                EngineSettings engineSettings) {
        return new GuiComposition(GuiStartup.prepare(paths, options, osLocale, engineSettings), I18n.load(), locations);
    }
}
