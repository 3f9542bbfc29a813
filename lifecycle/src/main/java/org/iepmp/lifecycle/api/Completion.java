package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.Objects;

/**
 * How a step or an operation ended. {@code errorCode} is the name of a typed error code (of
 * any module: {@code KubeErrorCode}, {@code LifecycleErrorCode}, ...) and {@code errorMessage}
 * its log text; both null on success. {@code log} (plain text, e.g. a tool's output) is appended to
 * what was logged so far, a line per {@link StepLogEntry#text(String)}.
 */
public record Completion(OperationOutcome outcome, Instant endedAt, String errorCode, String errorMessage, String log) {

    public Completion {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(endedAt, "endedAt");
        if (!outcome.finished()) {
            throw new IllegalArgumentException("A completion cannot be RUNNING");
        }
    }

    public static Completion succeeded(Instant endedAt) {
        return new Completion(OperationOutcome.SUCCEEDED, endedAt, null, null, null);
    }

    public static Completion failed(Instant endedAt, String errorCode, String errorMessage) {
        return new Completion(OperationOutcome.FAILED, endedAt, errorCode, errorMessage, null);
    }
}
