package org.iepmp.app.settings;

import org.iepmp.i18n.api.Language;

/** The settings as the support bundle lists them: one {@code key=value} line each, nothing secret. */
public final class SettingsSummary {

    private SettingsSummary() {
    }

    public static String of(Settings settings) {
        return "language=" + settings.language().map(Language::tag).orElse("(from the OS)")
                + "\ntheme=" + settings.theme() + "\nzoomPercent=" + settings.zoomPercent()
                + "\nlastCluster=" + settings.lastClusterId().orElse("")
                + "\ndownloadDeadlineSeconds=" + settings.downloadDeadlineSeconds() + "\n";
    }
}
