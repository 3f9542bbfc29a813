package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the engine reports while an operation runs; listeners must return fast (hand off to the UI thread). */
public sealed interface ProgressEvent {

    long operationId();

    Instant at();

    record PreflightChecked(long operationId, Instant at, PreflightResult result) implements ProgressEvent {
    }

    record StepStarted(long operationId, Instant at, PlanStep step) implements ProgressEvent {
    }

    /** A sentence about a running step ({@code messageKey} + {@code params}), e.g. waiting for a rollout. */
    record StepProgress(long operationId, Instant at, int sequence, String messageKey, List<Object> params) implements ProgressEvent {
        public StepProgress {
            Objects.requireNonNull(messageKey, "messageKey");
            params = List.copyOf(params);
        }
    }

    /** A line of a running step's log, as the history keeps it (already free of secrets). */
    record StepLog(long operationId, Instant at, int sequence, StepLogEntry entry) implements ProgressEvent {
    }

    record StepFinished(long operationId, Instant at, StepResult result) implements ProgressEvent {
    }

    /** A step failed; the engine now restores the steps already applied, in reverse order. */
    record RollbackStarted(long operationId, Instant at, int failedSequence) implements ProgressEvent {
    }

    record OperationFinished(long operationId, Instant at, OperationResult result) implements ProgressEvent {
    }
}
