package org.iepmp.lifecycle.api;

import java.util.Objects;

/** How one step of an operation ended; {@code errorCode} null unless it failed. */
public record StepResult(int sequence, OperationAction action, String packageName, OperationOutcome outcome, String errorCode) {

    public StepResult {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(outcome, "outcome");
    }
}
