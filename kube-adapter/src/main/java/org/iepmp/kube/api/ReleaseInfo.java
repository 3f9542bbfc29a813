package org.iepmp.kube.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One Helm release as {@code helm list} shows it. {@code chartName}/{@code chartVersion} are split
 * from Helm's {@code name-version} chart label; {@code updated} is empty when Helm reported none.
 */
public record ReleaseInfo(
        String name,
        String namespace,
        int revision,
        ReleaseStatus status,
        String chartName,
        String chartVersion,
        String appVersion,
        Optional<Instant> updated) {

    public ReleaseInfo {
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
        status = status == null ? ReleaseStatus.UNKNOWN : status;
        chartName = chartName == null ? "" : chartName;
        chartVersion = chartVersion == null ? "" : chartVersion;
        appVersion = appVersion == null ? "" : appVersion;
        updated = updated == null ? Optional.empty() : updated;
    }
}
