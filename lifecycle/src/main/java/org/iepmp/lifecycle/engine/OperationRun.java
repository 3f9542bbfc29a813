package org.iepmp.lifecycle.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.iepmp.errors.CodedException;
import org.iepmp.errors.ErrorCode;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ManifestDriver;
import org.iepmp.kube.api.ManifestResult;
import org.iepmp.kube.api.ObjectRef;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.kube.api.WorkloadHealth;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.ChartArchiveStore;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.NewStep;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.ProgressListener;
import org.iepmp.lifecycle.api.RecordedValues;
import org.iepmp.lifecycle.api.StepLogEntry;
import org.iepmp.lifecycle.api.StepResult;
import org.iepmp.lifecycle.lock.LockRenewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a plan, under the cluster lock (renewed in the background): each step recorded
 * before and after it runs, applied with Helm or, for a plain-manifest package, the manifest driver
 * (server-side apply, inventory, prune), verified; on a failure or a cancel, every step applied so
 * far is restored in reverse order (an upgrade to the recorded archive or manifests and values, or
 * the removal of what was newly installed), each restore recorded as its own step. A cancel is
 * honoured between steps and while waiting for health at once; during an apply it is recorded at
 * once and takes effect when the apply returns (see {@code toCompletion}).
 */
final class OperationRun {

    private static final Logger LOG = LoggerFactory.getLogger(OperationRun.class);
    /** How often a running apply looks whether the user cancelled. */
    private static final Duration CANCEL_POLL = Duration.ofMillis(100);

    private final HelmDriver helm;
    private final ManifestDriver manifests;
    private final PendingReleaseClearer pendingClearer;
    private final ReleaseVerifier verifier;
    private final HistoryStore history;
    private final ChartArchiveStore archives;
    private final Clock clock;
    private final EngineSettings settings;
    private final LockRenewer lock;
    private final long operationId;
    private final ProgressListener listener;
    private final CancellationSignal cancel;

    private final Deque<PreparedStep> applied = new ArrayDeque<>();
    private final List<StepResult> results = new ArrayList<>();
    private final List<StepResult> restored = new ArrayList<>();
    private final List<String> restoredText = new ArrayList<>();
    private final List<String> notRestored = new ArrayList<>();
    /** Runs the calls that cannot be interrupted, so this thread can notice a cancel meanwhile. */
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "operation-apply");
        thread.setDaemon(true);
        return thread;
    });
    /** What was being applied when a cancel arrived during an apply (then the result says it was let finish). */
    private String cancelledDuring;
    private int nextSequence;

    OperationRun(HelmDriver helm, ManifestDriver manifests, PendingReleaseClearer pendingClearer, ReleaseVerifier verifier, HistoryStore history,
            ChartArchiveStore archives, Clock clock, EngineSettings settings, LockRenewer lock, long operationId, ProgressListener listener, CancellationSignal cancel) {
        this.helm = helm;
        this.manifests = manifests;
        this.pendingClearer = pendingClearer;
        this.verifier = verifier;
        this.history = history;
        this.archives = archives;
        this.clock = clock;
        this.settings = settings;
        this.lock = lock;
        this.operationId = operationId;
        this.listener = listener;
        this.cancel = cancel;
    }

    OperationResult run(List<PreparedStep> steps) {
        try {
            return runSteps(steps);
        } finally {
            calls.shutdown();
        }
    }

    private OperationResult runSteps(List<PreparedStep> steps) {
        nextSequence = steps.size() + 1;
        for (PreparedStep step : steps) {
            if (cancel.cancelled()) {
                return finish(OperationOutcome.CANCELLED, step.step(), new LifecycleException(LifecycleErrorCode.CANCELLED,
                        "cancelled before " + step.step().summary(), step.step().releaseName()));
            }
            try {
                keepLock();
            } catch (LifecycleException e) {
                return finish(OperationOutcome.ROLLED_BACK, step.step(), e);
            }
            RuntimeException failure = runStep(step);
            if (failure != null) {
                boolean cancelled = failure instanceof LifecycleException e && e.code() == LifecycleErrorCode.CANCELLED;
                return finish(cancelled ? OperationOutcome.CANCELLED : OperationOutcome.ROLLED_BACK, step.step(), failure);
            }
        }
        String summary = steps.stream().map(s -> s.step().summary()).collect(Collectors.joining("; "));
        history.finishOperation(operationId, Completion.succeeded(clock.instant()));
        return result(OperationOutcome.SUCCEEDED, null, "lifecycle.result.succeeded", List.of(summary));
    }

    /** Runs one step; returns the failure, or null when it is applied and healthy. */
    private RuntimeException runStep(PreparedStep prepared) {
        PlanStep step = prepared.step();
        long stepId = history.beginStep(new NewStep(operationId, step.sequence(), step.action(), step.packageName(), step.releaseName(),
                step.namespace(), step.fromVersion(), step.toVersion(), step.chartDigest(),
                new RecordedValues(prepared.values(), prepared.secretPaths()), clock.instant()));
        emit(new ProgressEvent.StepStarted(operationId, clock.instant(), step));
        try {
            if (step.action() == OperationAction.UNINSTALL) {
                progress(step.sequence(), "lifecycle.progress.removing", step.packageName());
                applied.push(prepared);
                boolean helmRelease = helm.status(step.releaseName(), step.namespace(), settings.callTimeout())
                        .filter(r -> r.status() != ReleaseStatus.UNINSTALLED).isPresent();
                if (helmRelease) {
                    toCompletion(stepId, step, () -> {
                        helm.uninstall(step.releaseName(), step.namespace(), settings.helmTimeout());
                        return null;
                    });
                    log(stepId, step.sequence(), "lifecycle.log.uninstalled", step.releaseName());
                } else {
                    List<ObjectRef> removed = toCompletion(stepId, step,
                            () -> manifests().uninstall(step.releaseName(), step.namespace(), settings.helmTimeout()));
                    if (removed.isEmpty()) {
                        log(stepId, step.sequence(), "lifecycle.log.removedNothing", step.releaseName());
                    } else {
                        log(stepId, step.sequence(), "lifecycle.log.removed", step.releaseName(), displays(removed));
                    }
                }
            } else {
                // Read back from the store: the digest is checked again, so a damaged archive is never installed.
                archives.get(step.chartDigest());
                progress(step.sequence(), "lifecycle.progress.applying", step.packageName(), step.toVersion());
                Optional<Integer> interrupted = clearedPending(step, prepared);
                if (interrupted.isPresent()) {
                    log(stepId, step.sequence(), "lifecycle.log.markedFailed", step.releaseName());
                }
                applied.push(prepared);
                toCompletion(stepId, step, () -> {
                    apply(prepared, prepared.archive(), prepared.values(), step.chartDigest(), "iepmp: " + step.summary());
                    return null;
                });
                interrupted.ifPresent(revision -> markFailed(step, revision));
                log(stepId, step.sequence(), "lifecycle.log.applied", step.releaseName(), step.toVersion());
                verify(stepId, step, cancel);
            }
            // A lock lost meanwhile means another console may be changing the cluster too: the step does not count.
            keepLock();
            history.finishStep(stepId, Completion.succeeded(clock.instant()));
            stepFinished(step.sequence(), step.action(), step.packageName(), OperationOutcome.SUCCEEDED, null, results);
            return null;
        } catch (RuntimeException e) {
            boolean cancelled = e instanceof LifecycleException le && le.code() == LifecycleErrorCode.CANCELLED;
            OperationOutcome outcome = cancelled ? OperationOutcome.CANCELLED : OperationOutcome.FAILED;
            LOG.warn("Step {} of operation {} ({}) ended {}: {}", step.sequence(), operationId, step.summary(), outcome, e.getMessage());
            history.finishStep(stepId, new Completion(outcome, clock.instant(), codeOf(e), e.getMessage(), null));
            stepFinished(step.sequence(), step.action(), step.packageName(), outcome, codeOf(e), results);
            return e;
        }
    }

    private void apply(PreparedStep prepared, Path archive, Map<String, Object> values, String digest,
            String description) {
        PlanStep step = prepared.step();
        Optional<ManifestBundle> bundle = ManifestBundle.read(archive);
        if (bundle.isPresent()) {
            ManifestResult result = manifests().apply(StepPlanner.manifestRequest(bundle.get(), step.releaseName(), step.namespace(), values,
                    settings.helmTimeout(), helm));
            LOG.info("Applied manifests of {} {} ({}): {} objects, pruned {}", step.releaseName(), bundle.get().version(), digest,
                    result.applied().size(), displays(result.pruned()));
            return;
        }
        InstallRequest request = new InstallRequest(archive, step.releaseName(), step.namespace(), HelmValues.tree(values), true,
                settings.helmTimeout(), false, description);
        boolean exists = helm.status(step.releaseName(), step.namespace(), settings.callTimeout())
                .filter(r -> r.status() != ReleaseStatus.UNINSTALLED).isPresent();
        if (exists) {
            helm.upgrade(request);
        } else {
            helm.install(request);
        }
        LOG.info("Applied {} {} ({})", step.releaseName(), step.toVersion(), digest);
    }

    private void verify(long stepId, PlanStep step, CancellationSignal token) {
        ReleaseVerifier.Outcome outcome = verifier.await(step.releaseName(), step.namespace(), token, new ReleaseVerifier.Observer() {
            @Override
            public void observed(ReleaseHealth health) {
                report(stepId, step.sequence(), health);
            }

            @Override
            public void tick() {
                keepLock();
            }
        });
        switch (outcome.verdict()) {
            case HEALTHY -> {
                progress(step.sequence(), "lifecycle.progress.healthy", step.packageName(), step.toVersion());
                log(stepId, step.sequence(), "lifecycle.log.healthy", step.releaseName());
            }
            case CANCELLED -> throw new LifecycleException(LifecycleErrorCode.CANCELLED, "cancelled while waiting for "
                    + step.releaseName(), step.releaseName());
            case FAILING, TIMED_OUT -> {
                String workload = outcome.culprit().map(w -> w.workload().display()).orElse(step.releaseName());
                String reason = outcome.culprit().map(OperationRun::describe)
                        .orElse(outcome.verdict() == ReleaseVerifier.Verdict.TIMED_OUT ? "not healthy in time" : "failing");
                throw new LifecycleException(LifecycleErrorCode.VERIFICATION_FAILED, step.releaseName() + " " + step.toVersion()
                        + " did not become healthy: " + workload + ": " + reason, step.packageName(), String.valueOf(step.toVersion()),
                        workload, reason);
            }
            default -> throw new IllegalStateException(outcome.verdict().name());
        }
    }

    private void report(long stepId, int sequence, ReleaseHealth health) {
        int ready = health.workloads().stream().mapToInt(WorkloadHealth::ready).sum();
        int desired = health.workloads().stream().mapToInt(WorkloadHealth::desired).sum();
        WorkloadHealth worst = health.workloads().stream().filter(w -> w.reason().severity() != HealthReason.Severity.OK)
                .max((a, b) -> a.reason().severity().compareTo(b.reason().severity())).orElse(null);
        if (worst == null) {
            progress(sequence, "lifecycle.progress.podsReady", ready, desired);
            log(stepId, sequence, "lifecycle.log.podsReady", ready, desired);
            return;
        }
        progress(sequence, "lifecycle.progress.waiting", ready, desired, worst.workload().display());
        // The reason itself in kube-adapter's words (key and parameters), for the detail line.
        progress(sequence, worst.reason().messageKey(), worst.params().toArray());
        if (worst.lastLogLines().isEmpty()) {
            log(stepId, sequence, "lifecycle.log.podsWaiting", ready, desired, worst.workload().display(), reason(worst));
        } else {
            log(stepId, sequence, "lifecycle.log.podsWaitingWithLog", ready, desired, worst.workload().display(), reason(worst),
                    String.join(" | ", worst.lastLogLines()));
        }
    }

    /** The verification failure's reason, for the log (English, technical). */
    private static String describe(WorkloadHealth w) {
        String text = w.workload().display() + ": " + reason(w);
        return w.lastLogLines().isEmpty() ? text : text + "; last log: " + String.join(" | ", w.lastLogLines());
    }

    /** The health reason's code with its details, e.g. {@code crash loop back off (3 restarts)}. */
    private static String reason(WorkloadHealth w) {
        return w.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (w.params().size() > 1 ? " (" + String.join(", ", w.params().subList(1, w.params().size())) + ")" : "");
    }

    // ----- ending: restore what was applied

    private OperationResult finish(OperationOutcome wanted, PlanStep failedStep, RuntimeException failure) {
        if (!applied.isEmpty()) {
            emit(new ProgressEvent.RollbackStarted(operationId, clock.instant(), failedStep.sequence()));
        }
        while (!applied.isEmpty()) {
            restore(applied.pop());
        }
        OperationOutcome outcome = wanted;
        String key;
        List<Object> params;
        if (wanted == OperationOutcome.CANCELLED && cancelledDuring != null) {
            key = "lifecycle.result.cancelledDuringApply";
            params = List.of(cancelledDuring, restoredText.isEmpty() ? "-" : String.join(", ", restoredText));
        } else if (wanted == OperationOutcome.CANCELLED) {
            key = "lifecycle.result.cancelled";
            params = List.of(String.join(", ", restoredText));
        } else if (!notRestored.isEmpty()) {
            outcome = OperationOutcome.FAILED;
            key = "lifecycle.result.restoreFailed";
            params = List.of(failedStep.packageName(), String.valueOf(failedStep.toVersion()), String.join(", ", notRestored));
        } else if (restored.isEmpty()) {
            outcome = OperationOutcome.FAILED;
            key = "lifecycle.result.failed";
            params = List.of(failedStep.packageName(), String.valueOf(failedStep.toVersion()));
        } else {
            key = "lifecycle.result.rolledBack";
            params = List.of(failedStep.packageName(), String.valueOf(failedStep.toVersion()), String.join(", ", restoredText));
        }
        history.finishOperation(operationId, new Completion(outcome, clock.instant(), codeOf(failure), failure.getMessage(), null));
        return result(outcome, codeOf(failure), key, params);
    }

    private void restore(PreparedStep prepared) {
        PlanStep step = prepared.step();
        BeforeState before = prepared.before();
        int sequence = nextSequence++;
        OperationAction action = before.installed() ? OperationAction.ROLLBACK : OperationAction.UNINSTALL;
        PlanStep restoreStep = new PlanStep(sequence, action, step.packageName(), step.releaseName(), step.namespace(), step.toVersion(),
                before.installed() ? before.version() : null, before.digest(), null, null);
        long stepId = history.beginStep(new NewStep(operationId, sequence, action, step.packageName(), step.releaseName(),
                step.namespace(), step.toVersion(), restoreStep.toVersion(), before.digest(),
                new RecordedValues(before.values(), before.secretPaths()), clock.instant()));
        emit(new ProgressEvent.StepStarted(operationId, clock.instant(), restoreStep));
        try {
            if (step.action() == OperationAction.UNINSTALL) {
                throw new LifecycleException(LifecycleErrorCode.REPAIR_NOT_POSSIBLE, "a removal cannot be undone automatically",
                        step.releaseName(), "UNINSTALLED");
            }
            if (!before.installed()) {
                progress(sequence, "lifecycle.progress.removing", step.packageName());
                try {
                    if (ManifestBundle.read(prepared.archive()).isPresent()) {
                        manifests().uninstall(step.releaseName(), step.namespace(), settings.helmTimeout());
                    } else {
                        helm.uninstall(step.releaseName(), step.namespace(), settings.helmTimeout());
                    }
                } catch (KubeException e) {
                    if (e.code() != KubeErrorCode.NOT_FOUND) {
                        throw e;
                    }
                }
                log(stepId, sequence, "lifecycle.log.removedInstalled", step.releaseName());
            } else {
                if (before.archive() == null) {
                    throw new LifecycleException(LifecycleErrorCode.ARCHIVE_MISSING, "no archive of " + step.releaseName() + " "
                            + before.version() + " to restore", String.valueOf(before.digest()));
                }
                progress(sequence, "lifecycle.progress.restoring", step.packageName(), before.version());
                archives.get(before.digest());
                boolean helmRelease = ManifestBundle.read(before.archive()).isEmpty();
                Optional<Integer> failedRevision = helmRelease
                        ? helm.status(step.releaseName(), step.namespace(), settings.callTimeout()).map(r -> r.revision()) : Optional.empty();
                apply(new PreparedStep(restoreStep, null, before.archive(), before.values(), before.secretPaths(), before),
                        before.archive(), before.values(), before.digest(), "iepmp: restore " + step.releaseName() + " " + before.version());
                failedRevision.ifPresent(revision -> markFailed(step, revision));
                verify(stepId, restoreStep, CancellationSignal.NEVER);
            }
            history.finishStep(stepId, Completion.succeeded(clock.instant()));
            stepFinished(sequence, action, step.packageName(), OperationOutcome.SUCCEEDED, null, restored);
            restoredText.add(before.installed() ? step.packageName() + " " + before.version() : step.packageName() + " removed");
        } catch (RuntimeException e) {
            LOG.error("Restoring {} of operation {} failed: {}", step.releaseName(), operationId, e.getMessage());
            history.finishStep(stepId, new Completion(OperationOutcome.FAILED, clock.instant(), codeOf(e), e.getMessage(), null));
            stepFinished(sequence, action, step.packageName(), OperationOutcome.FAILED, codeOf(e), restored);
            notRestored.add(step.packageName());
        }
    }

    // ----- cancel while Helm runs

    /**
     * Runs an apply or removal to its end, even when the user cancels meanwhile. helm-java's native
     * call cannot be interrupted: abandoning it (what interrupting the driver does) would leave Helm
     * writing the release while the console already undoes it, and the release stuck in a pending
     * state. So a cancel (the signal, or an interrupt of this thread) is recorded at once, with a
     * sentence saying the step is let finish, bounded by the Helm timeout; when the call returns, the
     * step ends CANCELLED and the operation undoes it like every step applied before it.
     */
    private <T> T toCompletion(long stepId, PlanStep step, Callable<T> call) {
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
                progress(step.sequence(), "lifecycle.progress.cancelWaitsForApply", cancelledDuring, settings.helmTimeout().toSeconds());
                log(stepId, step.sequence(), "lifecycle.log.cancelWaitsForApply", cancelledDuring, settings.helmTimeout().toSeconds());
            }
        }
    }

    private static LifecycleException cancelledAfter(PlanStep step, RuntimeException failure) {
        return new LifecycleException(LifecycleErrorCode.CANCELLED, "cancelled while " + step.summary() + " was applied; the call was"
                + " let finish" + (failure == null ? "" : " and failed: " + failure.getMessage()), failure, step.releaseName());
    }

    // ----- helpers

    private ManifestDriver manifests() {
        if (manifests == null) {
            throw new LifecycleException(LifecycleErrorCode.MANIFESTS_NOT_SUPPORTED, "no manifest driver", "", "");
        }
        return manifests;
    }

    private static String displays(List<ObjectRef> objects) {
        return objects.isEmpty() ? "none" : objects.stream().map(ObjectRef::display).collect(Collectors.joining(", "));
    }

    private OperationResult result(OperationOutcome outcome, String errorCode, String key, List<Object> params) {
        OperationResult result = new OperationResult(operationId, outcome, results, restored, errorCode, key, params);
        emit(new ProgressEvent.OperationFinished(operationId, clock.instant(), result));
        return result;
    }

    private void stepFinished(int sequence, OperationAction action, String pkg, OperationOutcome outcome, String code,
            List<StepResult> into) {
        StepResult result = new StepResult(sequence, action, pkg, outcome, code);
        into.add(result);
        emit(new ProgressEvent.StepFinished(operationId, clock.instant(), result));
    }

    /** The lock is renewed in the background; this stops the operation when a renewal failed (LOCK_LOST). */
    private void keepLock() {
        lock.check();
    }

    private void progress(int sequence, String key, Object... params) {
        List<Object> values = new ArrayList<>();
        for (Object param : params) {
            values.add(param == null ? "" : param);
        }
        emit(new ProgressEvent.StepProgress(operationId, clock.instant(), sequence, key, values));
    }

    private void log(long stepId, int sequence, String key, Object... params) {
        StepLogEntry entry = StepLogEntry.of(key, params);
        history.appendStepLog(stepId, entry);
        emit(new ProgressEvent.StepLog(operationId, clock.instant(), sequence, entry));
    }

    private void emit(ProgressEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A progress listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    /** The stable name of a typed failure's code for the history row; INTERNAL for a failure nobody typed. */
    static String codeOf(Throwable e) {
        return CodedException.codeOf(e).map(ErrorCode::name).orElse("INTERNAL");
    }

    /**
     * Helm refuses to change a pending release: a repair, and a rollback of a release left stuck, first mark its pending
     * revision failed, as Helm's own records would read after a failed operation.
     */
    private Optional<Integer> clearedPending(PlanStep step, PreparedStep prepared) {
        if (ManifestBundle.read(prepared.archive()).isPresent()
                || step.action() != OperationAction.REPAIR && step.action() != OperationAction.ROLLBACK) {
            return Optional.empty();
        }
        Optional<Integer> pending = helm.status(step.releaseName(), step.namespace(), settings.callTimeout())
                .filter(r -> r.status().pending()).map(r -> r.revision());
        if (pending.isPresent() || step.action() == OperationAction.REPAIR) {
            pendingClearer.markFailed(step.releaseName(), step.namespace(), settings.callTimeout());
        }
        return pending;
    }

    /**
     * The revision a failed or interrupted step wrote reads failed in Helm's records once the release is restored (as after
     * {@code helm upgrade --atomic}), not superseded as the restoring upgrade leaves it; a failure here changes no outcome.
     */
    private void markFailed(PlanStep step, int revision) {
        try {
            pendingClearer.markRestoredRevisionFailed(step.releaseName(), step.namespace(), revision, settings.callTimeout());
        } catch (RuntimeException e) {
            LOG.warn("Revision {} of {} stays superseded in Helm's records: {}", revision, step.releaseName(), e.getMessage());
        }
    }
}
