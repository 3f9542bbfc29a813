package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One package on the connected cluster as both front ends list it: a Helm release (ours or another
 * tool's) or a plain-manifest package. {@code packageName}/{@code version} are the package and
 * package version this console installed (a Glasskube package {@code v1.0.0+1} installs chart
 * {@code 1.0.0}), taken from the history only while the cluster still runs what it recorded; else the
 * chart's. A manifest package has revision 0, and status PENDING_UPGRADE while its last apply is unfinished.
 */
public record InstalledPackage(PackageKind kind, String releaseName, String namespace, String packageName, String version,
        String chartName, String chartVersion, int revision, ReleaseStatus status, Optional<Instant> updated) {

    public InstalledPackage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        packageName = packageName == null || packageName.isBlank() ? chartName : packageName;
        Objects.requireNonNull(packageName, "packageName");
        version = version == null ? "" : version;
        chartName = chartName == null ? packageName : chartName;
        chartVersion = chartVersion == null ? version : chartVersion;
        status = status == null ? ReleaseStatus.UNKNOWN : status;
        updated = updated == null ? Optional.empty() : updated;
    }

    /** Left mid-operation: a REPAIR request brings it back to its last deployed state. */
    public boolean stuck() {
        return status.stuck();
    }
}
