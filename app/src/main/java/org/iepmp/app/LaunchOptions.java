package org.iepmp.app;

import java.nio.file.Path;
import java.util.Optional;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.i18n.api.Language;

/** What the command line asked the GUI for; every field optional. */
public record LaunchOptions(
        Optional<Language> language,
        Optional<Path> kubeconfig,
        Optional<String> context,
        Optional<Section> section,
        Optional<Integer> zoomPercent,
        Optional<Path> home,
        boolean practice) {

    public static LaunchOptions none() {
        return new LaunchOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
    }
}
