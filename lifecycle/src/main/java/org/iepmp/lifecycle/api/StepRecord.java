package org.iepmp.lifecycle.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One step as the history holds it; nullable like {@link OperationRecord}. */
public record StepRecord(
        long id,
        long operationId,
        int sequence,
        OperationAction action,
        String packageName,
        String releaseName,
        String namespace,
        String fromVersion,
        String toVersion,
        String chartDigest,
        String maskedValuesJson,
        OperationOutcome outcome,
        String errorCode,
        String errorMessage,
        Instant startedAt,
        Instant endedAt,
        List<StepLogEntry> log) {

    public Optional<Duration> duration() {
        return endedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, endedAt));
    }
}
