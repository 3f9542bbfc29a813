package org.iepmp.app.gui.operation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iepmp.catalog.api.ValueDefinition;

/**
 * The chosen version's value definitions, and the names of those the installed version does not have.
 *
 * @param added none when the installed version's definitions are unknown
 * @param packageSettings whether the definitions are the package's own settings (Glasskube) rather than a chart's schema
 */
record UpgradeSettings(List<ValueDefinition> definitions, Set<String> added, boolean packageSettings) {

    /** Reads the definitions of both versions: slow, in the background. */
    static UpgradeSettings of(UpgradeOffer offer, String version) throws Exception {
        List<ValueDefinition> target = offer.forms().definitions(version);
        return new UpgradeSettings(target, newSettings(offer, version, target), offer.forms().packageSettings(version));
    }

    private static Set<String> newSettings(UpgradeOffer offer, String version, List<ValueDefinition> target) {
        if (version.equals(offer.installedVersion())) {
            return Set.of();
        }
        try {
            Set<String> before = new HashSet<>();
            offer.forms().definitions(offer.installedVersion()).forEach(d -> before.add(d.name()));
            Set<String> added = new HashSet<>();
            target.stream().map(ValueDefinition::name).filter(name -> !before.contains(name)).forEach(added::add);
            return before.isEmpty() ? Set.of() : added;
        } catch (Exception e) {
            return Set.of();
        }
    }
}
