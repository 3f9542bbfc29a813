package org.iepmp.lifecycle.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One operation as the history holds it. {@code maskedValuesJson} is the values as JSON with
 * every secret replaced by a mask; the plain values never leave the store except through
 * {@link HistoryStore#restorableValues(long)}. Nullable: versions, digest, source, errors,
 * {@code endedAt}, {@code reconciliation}.
 */
public record OperationRecord(
        long id,
        String clusterId,
        Actor actor,
        Reason reason,
        OperationAction action,
        String packageName,
        String releaseName,
        String namespace,
        String sourceRepository,
        String fromVersion,
        String toVersion,
        String chartDigest,
        String maskedValuesJson,
        String planSummary,
        List<PreflightResult> preflight,
        OperationOutcome outcome,
        String errorCode,
        String errorMessage,
        Instant startedAt,
        Instant endedAt,
        Reconciliation reconciliation) {

    public OperationRecord {
        preflight = List.copyOf(preflight);
    }

    public Optional<Duration> duration() {
        return endedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, endedAt));
    }
}
