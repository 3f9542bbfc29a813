package org.iepmp.app.gui.common;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.i18n.api.Messages;

/**
 * A package's description as the technician reads it: the practice catalog's packages are the console's
 * own and speak the user's language (their repository files carry one English line); a vendor's package
 * reads as its repository wrote it. Search matches the shown text too, so 監控 finds the line monitor.
 */
public final class PackageTexts {

    /** Raw repository texts only (tests and tools without a language). */
    public static final PackageTexts NONE = new PackageTexts(() -> null);

    private static final Set<String> PRACTICE_REPOSITORIES = Set.of("practice", "practice-charts");
    private static final Map<String, String> PRACTICE_DESCRIPTIONS = Map.of(
            "line-monitor", "app.practice.package.lineMonitor",
            "mqtt-broker", "app.practice.package.mqttBroker",
            "plant-dashboard-config", "app.practice.package.plantDashboard");

    private final Supplier<Messages> messages;

    /** @param messages the current language's messages (read on any thread: the bundles are immutable) */
    public PackageTexts(Supplier<Messages> messages) {
        this.messages = messages;
    }

    public String description(CatalogPackage pkg) {
        return description(pkg.name(), pkg.repository(), pkg.description());
    }

    public String description(String name, String repository, String raw) {
        Messages current = messages.get();
        String key = PRACTICE_DESCRIPTIONS.get(name);
        if (current == null || key == null || !PRACTICE_REPOSITORIES.contains(repository)) {
            return raw;
        }
        return current.get(key);
    }

    /** The shown description contains {@code query}, ignoring case (the catalog's own search reads the raw one). */
    public boolean shownTextMatches(CatalogPackage pkg, String query) {
        String shown = description(pkg);
        return !query.isBlank() && shown != null && shown.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }
}
