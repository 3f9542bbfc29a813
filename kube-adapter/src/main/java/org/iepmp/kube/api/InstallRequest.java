package org.iepmp.kube.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to install or upgrade: a local chart archive (the content-addressed store keeps one per
 * applied revision, so upgrades to lower versions and rollbacks need no network), the release
 * name and namespace, and the complete values (an upgrade never reuses the previous values
 * silently). {@code timeout} bounds the whole call; with {@code waitReady} Helm also waits for
 * the workloads within it.
 */
public record InstallRequest(
        Path chartArchive,
        String releaseName,
        String namespace,
        HelmValues values,
        boolean createNamespace,
        Duration timeout,
        boolean waitReady,
        String description) {

    public InstallRequest {
        Objects.requireNonNull(chartArchive, "chartArchive");
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(timeout, "timeout");
        values = values == null ? HelmValues.NONE : values;
        description = description == null ? "" : description;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Creates the namespace when missing, does not wait for readiness (health is checked separately), no description. */
    public static InstallRequest of(Path chartArchive, String releaseName, String namespace, HelmValues values,
            Duration timeout) {
        return new InstallRequest(chartArchive, releaseName, namespace, values, true, timeout, false, "");
    }

    public InstallRequest withWait(boolean wait) {
        return new InstallRequest(chartArchive, releaseName, namespace, values, createNamespace, timeout, wait, description);
    }

    public InstallRequest withDescription(String text) {
        return new InstallRequest(chartArchive, releaseName, namespace, values, createNamespace, timeout, waitReady, text);
    }
}
