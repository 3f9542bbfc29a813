package org.iepmp.lifecycle.engine;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.PlanStep;

/**
 * Runs the calls of a run that cannot be interrupted (a Helm apply) on a thread of their own, so the run notices a cancel
 * meanwhile: the cancel is recorded at once and takes effect when the call returns.
 */
final class ApplyCalls {

    /** How often a running apply looks whether the user cancelled. */
    private static final Duration CANCEL_POLL = Duration.ofMillis(100);

    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "operation-apply");
        thread.setDaemon(true);
        return thread;
    });
    private final CancellationSignal cancel;
    private final RunEvents events;
    private final EngineSettings settings;
    /** What was being applied when a cancel arrived during an apply (then the result says it was let finish). */
    private String cancelledDuring;

    ApplyCalls(CancellationSignal cancel, RunEvents events, EngineSettings settings) {
        this.cancel = cancel;
        this.events = events;
        this.settings = settings;
    }

    /** The package and version being applied when a cancel arrived during an apply, or null. */
    String cancelledDuring() {
        return cancelledDuring;
    }

    void shutdown() {
        calls.shutdown();
    }

    <T> T toCompletion(long stepId, PlanStep step, Callable<T> call) {
        Future<T> future = calls.submit(call);
        boolean noted = false;
        while (true) {
            boolean interrupted = false;
            try {
                T value = future.get(CANCEL_POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (noted) {
                    throw cancelledAfter(step, null);
                }
                return value;
            } catch (TimeoutException e) {
                // still running
            } catch (InterruptedException e) {
                // Taken as the user's cancel; the interrupt is consumed so the undo that follows can talk to the cluster.
                interrupted = true;
            } catch (ExecutionException e) {
                RuntimeException failure = e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
                throw noted ? cancelledAfter(step, failure) : failure;
            }
            if (!noted && (interrupted || cancel.cancelled())) {
                noted = true;
                cancelledDuring = step.packageName() + (step.toVersion() == null ? "" : " " + step.toVersion());
                events.progress(step.sequence(), "lifecycle.progress.cancelWaitsForApply", cancelledDuring, settings.helmTimeout().toSeconds());
                events.log(stepId, step.sequence(), "lifecycle.log.cancelWaitsForApply", cancelledDuring, settings.helmTimeout().toSeconds());
            }
        }
    }

    private static LifecycleException cancelledAfter(PlanStep step, RuntimeException failure) {
        return new LifecycleException(LifecycleErrorCode.CANCELLED, "cancelled while " + step.summary() + " was applied; the call was"
                + " let finish" + (failure == null ? "" : " and failed: " + failure.getMessage()), failure, step.releaseName());
    }
}
