package org.iepmp.app.gui.operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.LifecycleEngine;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.ProgressListener;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.StepResult;

/**
 * An engine whose preflight answers what the test set, and whose apply sends the events the test
 * set, then succeeds (or stops when cancelled, or throws what the test set).
 */
final class ScriptedLifecycleEngine implements LifecycleEngine {

    List<PreflightResult> checks = List.of();
    RuntimeException preflightFailure;
    RuntimeException applyFailure;
    /** Runs between the events and the result, e.g. a cancel from the technician. */
    Runnable duringApply = () -> { };
    final List<List<PreflightResult>> accepted = new ArrayList<>();
    final List<Plan> checked = new ArrayList<>();

    static Plan twoStepPlan() {
        OperationRequest request = new OperationRequest(OperationAction.UPGRADE, "line-monitor", "v1.2.0+1", null, "line",
                null, null, new Actor("tech", null), Reason.NONE);
        return new Plan(request, List.of(step(1, "line-base"), step(2, "line-monitor")), Instant.EPOCH);
    }

    private static PlanStep step(int sequence, String name) {
        return new PlanStep(sequence, OperationAction.UPGRADE, name, name, "line", "v1.1.0+1", "v1.2.0+1", "sha256:0" + sequence,
                null, null);
    }

    @Override
    public Plan plan(OperationRequest request) {
        throw new UnsupportedOperationException("planned elsewhere");
    }

    @Override
    public List<PreflightResult> preflight(Plan plan) {
        checked.add(plan);
        if (preflightFailure != null) {
            throw preflightFailure;
        }
        return checks;
    }

    @Override
    public OperationResult apply(Plan plan, List<PreflightResult> acceptedWarnings, ProgressListener listener,
                                 CancellationSignal cancellation) {
        accepted.add(acceptedWarnings);
        if (applyFailure != null) {
            throw applyFailure;
        }
        for (PlanStep step : plan.steps()) {
            listener.onEvent(new ProgressEvent.StepStarted(7, Instant.EPOCH, step));
            listener.onEvent(new ProgressEvent.StepProgress(7, Instant.EPOCH, step.sequence(), "lifecycle.progress.waiting",
                    List.of(step.releaseName())));
            duringApply.run();
            if (cancellation.cancelled()) {
                return new OperationResult(7, OperationOutcome.CANCELLED, List.of(), List.of(), "CANCELLED",
                        "lifecycle.result.cancelled", List.of(""));
            }
        }
        return new OperationResult(7, OperationOutcome.SUCCEEDED, plan.steps().stream()
                .map(s -> new StepResult(s.sequence(), s.action(), s.packageName(), OperationOutcome.SUCCEEDED, null)).toList(),
                List.of(), null, "lifecycle.result.succeeded", List.of("upgrade"));
    }
}
