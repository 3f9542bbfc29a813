package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the history records when an operation starts (before anything is applied). Fields
 * documented as optional may be null: {@code sourceRepository}, {@code fromVersion} (install),
 * {@code toVersion} (uninstall), {@code chartDigest} (plain manifests, uninstall).
 */
public record NewOperation(
        String clusterId,
        Actor actor,
        Reason reason,
        Instant startedAt,
        OperationAction action,
        String packageName,
        String releaseName,
        String namespace,
        String sourceRepository,
        String fromVersion,
        String toVersion,
        String chartDigest,
        RecordedValues values,
        String planSummary,
        List<PreflightResult> preflight) {

    public NewOperation {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(actor, "actor");
        reason = reason == null ? Reason.NONE : reason;
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(packageName, "packageName");
        releaseName = releaseName == null ? packageName : releaseName;
        values = values == null ? RecordedValues.EMPTY : values;
        planSummary = planSummary == null ? "" : planSummary;
        preflight = preflight == null ? List.of() : List.copyOf(preflight);
    }
}
