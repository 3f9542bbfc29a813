package org.iepmp.catalog.api;

import java.util.List;
import java.util.Map;

/**
 * The Helm chart a package version installs.
 *
 * @param repositoryUrl the chart repository (Glasskube {@code helm.repositoryUrl}), or the
 *     catalog repository's location for a Helm repository
 * @param chartName chart name
 * @param chartVersion chart version
 * @param values values the package sets (Glasskube {@code helm.values}); plain maps, lists, scalars
 * @param archiveUrls archive URLs from a Helm index, possibly relative; empty for Glasskube
 * @param digest sha256 of the archive from a Helm index (lower-case hex), or {@code null}
 */
public record ChartReference(
        String repositoryUrl,
        String chartName,
        String chartVersion,
        Map<String, Object> values,
        List<String> archiveUrls,
        String digest) {

    public ChartReference {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        archiveUrls = List.copyOf(archiveUrls);
    }
}
