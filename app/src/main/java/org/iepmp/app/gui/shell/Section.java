package org.iepmp.app.gui.shell;

/** The sections of the main window, in navigation order, with their bundle keys. */
public enum Section {
    INSTALLED("shell.nav.installed", "shell.empty.installed.title", "shell.empty.installed.text"),
    CATALOG("shell.nav.catalog", "shell.empty.catalog.title", "shell.empty.catalog.text"),
    UPDATES("shell.nav.updates", "shell.empty.updates.title", "shell.empty.updates.text"),
    HISTORY("shell.nav.history", "shell.empty.history.title", "shell.empty.history.text"),
    REPOSITORIES("shell.nav.repositories", "shell.empty.repositories.title", "shell.empty.repositories.text"),
    CLUSTER("shell.nav.cluster", "shell.empty.cluster.title", "shell.empty.cluster.text"),
    SUPPORT("shell.nav.support", "shell.empty.support.title", "shell.empty.support.text"),
    SETTINGS("shell.nav.settings", "shell.empty.settings.title", "shell.empty.settings.text");

    private final String labelKey;
    private final String emptyTitleKey;
    private final String emptyTextKey;

    Section(String labelKey, String emptyTitleKey, String emptyTextKey) {
        this.labelKey = labelKey;
        this.emptyTitleKey = emptyTitleKey;
        this.emptyTextKey = emptyTextKey;
    }

    public String labelKey() {
        return labelKey;
    }

    public String emptyTitleKey() {
        return emptyTitleKey;
    }

    public String emptyTextKey() {
        return emptyTextKey;
    }

    /** Node id of the navigation button, for tests and keyboard shortcuts. */
    public String navId() {
        return "nav-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
