package org.iepmp.app.gui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.text.Font;
import org.iepmp.app.settings.Theme;
import org.iepmp.i18n.api.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies theme, font and zoom to a scene root. The font family must be set explicitly per
 * language: JavaFX's default font on Linux has no CJK glyphs and draws boxes.
 */
public final class Appearance {

    private static final Logger LOG = LoggerFactory.getLogger(Appearance.class);
    private static final double BASE_FONT_PX = 14;

    private final Set<String> installedFamilies;

    public Appearance() {
        this(new TreeSet<>(String.CASE_INSENSITIVE_ORDER));
        installedFamilies.addAll(Font.getFamilies());
    }

    Appearance(Set<String> installedFamilies) {
        this.installedFamilies = installedFamilies;
    }

    public void applyTheme(Theme theme) {
        // The binary form AtlantaFX ships: no CSS parsing before the first frame.
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    /** Font family and size on the root; everything sized in em follows the zoom. */
    public void applyFontAndZoom(Parent root, Language language, int zoomPercent) {
        String family = fontFamily(language);
        double size = BASE_FONT_PX * zoomPercent / 100.0;
        root.setStyle(String.format(Locale.ROOT, "-fx-font-family: \"%s\"; -fx-font-size: %.1fpx;", family, size));
    }

    /** The first of the language's preferred families that is installed; logged when none is. */
    public String fontFamily(Language language) {
        List<String> preferred = language.fontFamilies();
        for (String family : preferred) {
            if (installedFamilies.contains(family)) {
                return family;
            }
        }
        LOG.warn("None of the fonts {} is installed; {} text may show as boxes (install fonts-noto-cjk)",
                preferred, language.tag());
        return preferred.get(0);
    }
}
