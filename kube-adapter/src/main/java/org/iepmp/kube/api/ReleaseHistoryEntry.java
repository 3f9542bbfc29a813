package org.iepmp.kube.api;

import java.time.Instant;
import java.util.Optional;

/** One revision of a release as {@code helm history} shows it. */
public record ReleaseHistoryEntry(
        int revision,
        Optional<Instant> updated,
        ReleaseStatus status,
        String chartName,
        String chartVersion,
        String appVersion,
        String description) {

    public ReleaseHistoryEntry {
        updated = updated == null ? Optional.empty() : updated;
        status = status == null ? ReleaseStatus.UNKNOWN : status;
        chartName = chartName == null ? "" : chartName;
        chartVersion = chartVersion == null ? "" : chartVersion;
        appVersion = appVersion == null ? "" : appVersion;
        description = description == null ? "" : description;
    }
}
