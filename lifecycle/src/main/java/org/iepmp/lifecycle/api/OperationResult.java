package org.iepmp.lifecycle.api;

import java.util.List;
import java.util.Objects;

/**
 * What the user is told when an operation ends: the outcome, each step's result, and for a
 * failure the sentence ({@code messageKey} + {@code params}) saying what failed and what was
 * restored ({@code restored} are the automatic rollback steps, in the order they ran).
 */
public record OperationResult(
        long operationId,
        OperationOutcome outcome,
        List<StepResult> steps,
        List<StepResult> restored,
        String errorCode,
        String messageKey,
        List<Object> params) {

    public OperationResult {
        Objects.requireNonNull(outcome, "outcome");
        steps = List.copyOf(steps);
        restored = List.copyOf(restored);
        params = List.copyOf(params);
    }
}
