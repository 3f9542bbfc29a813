package org.iepmp.catalog.helm;

import java.util.List;
import java.util.Map;
import org.iepmp.catalog.api.SkippedEntry;

/**
 * A parsed Helm repository index: chart name → versions, newest first, and the entries left out.
 */
public record HelmIndex(Map<String, List<ChartEntry>> charts, List<SkippedEntry> skipped) {

    public HelmIndex {
        charts = Map.copyOf(charts);
        skipped = List.copyOf(skipped);
    }

    /**
     * One chart version of the index.
     *
     * @param digest sha256 hex of the archive, lower case, or {@code null} when the index has none
     * @param created when the version was packaged (the index's {@code created}), or {@code null} when absent or unreadable
     */
    public record ChartEntry(
            String name,
            String version,
            String description,
            List<String> keywords,
            String icon,
            String appVersion,
            List<String> urls,
            String digest,
            boolean deprecated,
            java.time.Instant created) {

        public ChartEntry {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            urls = List.copyOf(urls);
        }
    }
}
