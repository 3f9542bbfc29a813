package org.iepmp.lifecycle.api;

import java.util.List;

/**
 * The difference between the rendered manifests of the installed and the planned state:
 * a unified diff (Secret data and known secret values masked) and the resources added,
 * changed or removed.
 */
public record ManifestDiff(String unifiedDiff, List<ResourceChange> resources) {

    public static final ManifestDiff NONE = new ManifestDiff("", List.of());

    public ManifestDiff {
        unifiedDiff = unifiedDiff == null ? "" : unifiedDiff;
        resources = List.copyOf(resources);
    }

    public boolean isEmpty() {
        return unifiedDiff.isEmpty() && resources.isEmpty();
    }
}
