package org.iepmp.app.gui.operation;

import java.util.List;
import java.util.Objects;

/**
 * One version the update wizard offers for an installed release, with what the technician should
 * know before choosing it: the release notes (Markdown, empty when the package has none) and the
 * risk hints read from the catalog.
 *
 * @param version the catalog version
 * @param notes the version's notes (its description), empty when it has none
 * @param downgrade older than the installed version
 * @param majorChange a different major version (expect breaking changes)
 * @param dependencyChanges dependencies added, removed or with another range than the installed version's, e.g. "+ mqtt-broker"
 * @param recommended the version the wizard proposes (newest in the installed major, else the newest)
 */
public record UpgradeChoice(String version, String notes, boolean downgrade, boolean majorChange, List<String> dependencyChanges,
                            boolean recommended, boolean deprecated) {

    public UpgradeChoice {
        Objects.requireNonNull(version, "version");
        notes = notes == null ? "" : notes;
        dependencyChanges = List.copyOf(dependencyChanges);
        // A version its publisher marked deprecated is never the one proposed.
        recommended = recommended && !deprecated;
    }

    /** A version its publisher says nothing against. */
    public UpgradeChoice(String version, String notes, boolean downgrade, boolean majorChange, List<String> dependencyChanges,
                         boolean recommended) {
        this(version, notes, downgrade, majorChange, dependencyChanges, recommended, false);
    }
}
