package org.iepmp.lifecycle.api;

import java.util.Objects;
import java.util.Optional;

/**
 * An installed release compared with the catalog: the newest stable version, and the newest
 * in the same major version (the safer update). {@code repository} is empty when no configured
 * repository offers the package (then both versions are empty too).
 */
public record UpdateInfo(
        String packageName,
        String releaseName,
        String namespace,
        String installedVersion,
        Optional<String> repository,
        Optional<String> latest,
        Optional<String> latestSameMajor) {
    public UpdateInfo {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(releaseName, "releaseName");
        repository = repository == null ? Optional.empty() : repository;
        latest = latest == null ? Optional.empty() : latest;
        latestSameMajor = latestSameMajor == null ? Optional.empty() : latestSameMajor;
    }

    public boolean updateAvailable() {
        return latest.isPresent();
    }
}
