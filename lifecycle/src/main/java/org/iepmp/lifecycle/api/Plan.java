package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A value the UI shows before anything happens: the steps in the order they will run
 * (dependencies first), and the preflight results once checked.
 */
public record Plan(OperationRequest request, List<PlanStep> steps, Instant createdAt) {

    public Plan {
        Objects.requireNonNull(request, "request");
        steps = List.copyOf(steps);
        Objects.requireNonNull(createdAt, "createdAt");
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).sequence() != i + 1) {
                throw new IllegalArgumentException("Plan steps must be numbered 1.." + steps.size() + " in order");
            }
        }
    }

    public String summary() {
        return steps.stream().map(PlanStep::summary).collect(Collectors.joining("; "));
    }
}
