package org.iepmp.lifecycle.api;

import java.util.Objects;

/**
 * One step of a plan: what happens to one release. {@code fromVersion} null for an install,
 * {@code toVersion} null for an uninstall; {@code chartDigest} the archive to apply (sha256),
 * null for plain manifests and uninstall. {@code settings} says where each value of the package's
 * value definitions lands (secrets masked).
 */
public record PlanStep(
        int sequence,
        OperationAction action,
        String packageName,
        String releaseName,
        String namespace,
        String fromVersion,
        String toVersion,
        String chartDigest,
        ValuesDiff valuesDiff,
        ManifestDiff manifestDiff,
        java.util.List<SettingMapping> settings) {

    public PlanStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        valuesDiff = valuesDiff == null ? ValuesDiff.NONE : valuesDiff;
        manifestDiff = manifestDiff == null ? ManifestDiff.NONE : manifestDiff;
        settings = settings == null ? java.util.List.of() : java.util.List.copyOf(settings);
    }

    /** A step without value definitions to show (a chart without them, an uninstall, a rollback). */
    public PlanStep(int sequence, OperationAction action, String packageName, String releaseName, String namespace,
            String fromVersion, String toVersion, String chartDigest, ValuesDiff valuesDiff, ManifestDiff manifestDiff) {
        this(sequence, action, packageName, releaseName, namespace, fromVersion, toVersion, chartDigest, valuesDiff, manifestDiff,
                java.util.List.of());
    }

    /** Language-neutral one-liner for logs and the history's plan summary, e.g. {@code upgrade cert-manager 1.14.0 -> 1.15.1}. */
    public String summary() {
        StringBuilder text = new StringBuilder(action.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(packageName);
        if (fromVersion != null || toVersion != null) {
            text.append(' ').append(fromVersion == null ? "-" : fromVersion).append(" -> ").append(toVersion == null ? "-" : toVersion);
        }
        return text.toString();
    }
}
