package org.iepmp.app.gui.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iepmp.app.gui.updates.UpdateRow;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Dependency;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.UpgradeCandidates;
import org.iepmp.catalog.api.VersionFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads from the catalog what the update wizard offers for one installed package: its versions
 * (the newest {@value #MAX_VERSIONS}, newer and older), each with notes and risk hints, and the
 * version to propose. Slow (catalog reads): call in the background.
 */
final class UpgradeOffers {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeOffers.class);
    static final int MAX_VERSIONS = 20;

    private final Catalog catalog;

    UpgradeOffers(Catalog catalog) {
        this.catalog = catalog;
    }

    UpgradeOffer offer(String pkg, String installed, Optional<String> repository, Optional<String> preferred,
                       Map<String, Object> currentValues, UpgradeOffer.FormSource forms) {
        List<String> versions = catalog.versions(pkg);
        List<String> shown = new ArrayList<>(versions.subList(0, Math.min(MAX_VERSIONS, versions.size())));
        Origin origin = catalog.packages().stream().filter(p -> p.name().equals(pkg))
                .filter(p -> repository.isEmpty() || repository.get().equals(p.repository()))
                .map(CatalogPackage::origin).findFirst().orElse(null);
        Map<String, String> installedDependencies = dependencies(repository, pkg, installed);
        Set<String> deprecated = deprecated(repository, pkg);
        String proposed = preferred.filter(shown::contains).orElseGet(() -> proposal(pkg, installed, shown, deprecated));
        int installedIndex = versions.indexOf(installed);
        List<UpgradeChoice> choices = new ArrayList<>();
        for (String version : shown) {
            ResolvedVersion resolved = resolve(repository, pkg, version);
            int index = versions.indexOf(version);
            boolean downgrade = installedIndex >= 0 && index > installedIndex;
            boolean major = UpdateRow.Versions.major(installed) != UpdateRow.Versions.major(version);
            List<String> dependencyChanges = resolved == null ? List.of()
                    : changes(installedDependencies, dependencies(resolved));
            choices.add(new UpgradeChoice(version, resolved == null ? "" : resolved.description(), downgrade, major,
                    dependencyChanges, version.equals(proposed), deprecated.contains(version)));
        }
        return new UpgradeOffer(installed, origin, choices, currentValues, forms);
    }

    /**
     * The newest version in the installed major, else the newest, else the first one that is not installed;
     * never one its publisher marked deprecated (then the newest newer one that is not, if any).
     */
    private String proposal(String pkg, String installed, List<String> shown, Set<String> deprecated) {
        try {
            UpgradeCandidates candidates = catalog.upgradeCandidates(pkg, installed);
            Optional<String> found = candidates.latestSameMajor().or(candidates::latest).filter(shown::contains)
                    .filter(v -> !deprecated.contains(v));
            if (found.isPresent()) {
                return found.get();
            }
        } catch (RuntimeException e) {
            LOG.info("No update candidates for {} {}: {}", pkg, installed, e.getMessage());
        }
        int installedIndex = shown.indexOf(installed);
        List<String> newer = installedIndex < 0 ? shown : shown.subList(0, installedIndex);
        return newer.stream().filter(v -> !v.equals(installed) && !deprecated.contains(v)).findFirst().orElse(null);
    }

    /** The versions the publisher marked deprecated; none when the repository cannot tell. */
    private Set<String> deprecated(Optional<String> repository, String pkg) {
        try {
            return catalog.versionFacts(repository, pkg).stream().filter(VersionFacts::deprecated)
                    .map(VersionFacts::version).collect(java.util.stream.Collectors.toSet());
        } catch (RuntimeException e) {
            LOG.info("No version facts for {}: {}", pkg, e.getMessage());
            return Set.of();
        }
    }

    private ResolvedVersion resolve(Optional<String> repository, String pkg, String version) {
        try {
            return catalog.resolve(repository, pkg, Optional.of(version));
        } catch (RuntimeException e) {
            LOG.info("Version {} of {} not readable: {}", version, pkg, e.getMessage());
            return null;
        }
    }

    private Map<String, String> dependencies(Optional<String> repository, String pkg, String version) {
        ResolvedVersion resolved = resolve(repository, pkg, version);
        return resolved == null ? Map.of() : dependencies(resolved);
    }

    private static Map<String, String> dependencies(ResolvedVersion version) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Dependency dependency : version.dependencies()) {
            found.put(dependency.name(), dependency.versionRange());
        }
        return found;
    }

    /** "+ name", "− name", "name: old → new" for each dependency that differs. */
    static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        after.forEach((name, range) -> {
            if (!before.containsKey(name)) {
                changes.add("+ " + name);
            } else if (!before.get(name).equals(range)) {
                changes.add(name + ": " + OperationTexts.versions(blankAsAny(before.get(name)), blankAsAny(range)));
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(name -> changes.add("− " + name));
        return changes;
    }

    private static String blankAsAny(String range) {
        return range.isBlank() ? "*" : range;
    }
}
