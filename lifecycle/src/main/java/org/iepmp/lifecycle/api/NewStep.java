package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A step of an operation, recorded before it starts. {@code sequence} orders the steps of one
 * operation (dependencies first; automatic rollback steps follow the failed one). Nullable like
 * {@link NewOperation}: {@code fromVersion}, {@code toVersion}, {@code chartDigest}.
 */
public record NewStep(
        long operationId,
        int sequence,
        OperationAction action,
        String packageName,
        String releaseName,
        String namespace,
        String fromVersion,
        String toVersion,
        String chartDigest,
        RecordedValues values,
        Instant startedAt) {

    public NewStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(packageName, "packageName");
        releaseName = releaseName == null ? packageName : releaseName;
        values = values == null ? RecordedValues.EMPTY : values;
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
