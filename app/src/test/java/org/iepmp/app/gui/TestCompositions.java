package org.iepmp.app.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.cluster.DiscoveryLocations;

/** The whole window as the UI tests start it: folders under {@code home}, no real cluster to find. */
final class TestCompositions {

    private TestCompositions() {
    }

    /** Builds the composition and shows it on {@code stage}; {@code practice} starts practice mode as {@code --practice} does. */
    static GuiComposition show(Stage stage, Path home, Section section, Language language, boolean practice) {
        DiscoveryLocations nowhere = new DiscoveryLocations(home.resolve("n/a"), home.resolve("n/b"), List.of(),
                home.resolve("n/c"));
        GuiComposition composition = new GuiComposition(AppPaths.under(home.resolve("iepmp")), new LaunchOptions(
                Optional.of(language), Optional.empty(), Optional.empty(), Optional.of(section), Optional.empty(),
                Optional.empty(), practice), I18n.load(), nowhere, Locale.forLanguageTag(language.tag()));
        composition.show(stage, () -> { });
        return composition;
    }
}
