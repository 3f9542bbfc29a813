package org.iepmp.lifecycle.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.iepmp.errors.CodedException;
import org.iepmp.errors.ErrorCode;
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
    private final ApplyCalls applyCalls;
    private final RunEvents events;
    private final HealthReport healthReport;
    private final HelmRecordFixes helmRecords;
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
        this.events = new RunEvents(operationId, clock, history, listener);
        this.applyCalls = new ApplyCalls(cancel, events, settings);
        this.healthReport = new HealthReport(events);
        this.helmRecords = new HelmRecordFixes(helm, pendingClearer, settings);
    }

    OperationResult run(List<PreparedStep> steps) {
        try {
            return runSteps(steps);
        } finally {
            applyCalls.shutdown();
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
        events.emit(new ProgressEvent.StepStarted(operationId, clock.instant(), step));
        try {
            if (step.action() == OperationAction.UNINSTALL) {
                events.progress(step.sequence(), "lifecycle.progress.removing", step.packageName());
                applied.push(prepared);
                boolean helmRelease = helm.status(step.releaseName(), step.namespace(), settings.callTimeout())
                        .filter(r -> r.status() != ReleaseStatus.UNINSTALLED).isPresent();
                if (helmRelease) {
                    applyCalls.toCompletion(stepId, step, () -> {
                        helm.uninstall(step.releaseName(), step.namespace(), settings.helmTimeout());
                        return null;
                    });
                    events.log(stepId, step.sequence(), "lifecycle.log.uninstalled", step.releaseName());
                } else {
                    List<ObjectRef> removed = applyCalls.toCompletion(stepId, step,
                            () -> manifests().uninstall(step.releaseName(), step.namespace(), settings.helmTimeout()));
                    if (removed.isEmpty()) {
                        events.log(stepId, step.sequence(), "lifecycle.log.removedNothing", step.releaseName());
                    } else {
                        events.log(stepId, step.sequence(), "lifecycle.log.removed", step.releaseName(), displays(removed));
                    }
                }
            } else {
                // Read back from the store: the digest is checked again, so a damaged archive is never installed.
                archives.get(step.chartDigest());
                events.progress(step.sequence(), "lifecycle.progress.applying", step.packageName(), step.toVersion());
                Optional<Integer> interrupted = helmRecords.clearedPending(step, prepared);
                if (interrupted.isPresent()) {
                    events.log(stepId, step.sequence(), "lifecycle.log.markedFailed", step.releaseName());
                }
                applied.push(prepared);
                applyCalls.toCompletion(stepId, step, () -> {
                    apply(prepared, prepared.archive(), prepared.values(), step.chartDigest(), "iepmp: " + step.summary());
                    return null;
                });
                interrupted.ifPresent(revision -> helmRecords.markFailed(step, revision));
                events.log(stepId, step.sequence(), "lifecycle.log.applied", step.releaseName(), step.toVersion());
                verify(stepId, step, cancel);
            }
            // A lock lost meanwhile means another console may be changing the cluster too: the step does not count.
            keepLock();
            history.finishStep(stepId, Completion.succeeded(clock.instant()));
            events.stepFinished(step.sequence(), step.action(), step.packageName(), OperationOutcome.SUCCEEDED, null, results);
            return null;
        } catch (RuntimeException e) {
            boolean cancelled = e instanceof LifecycleException le && le.code() == LifecycleErrorCode.CANCELLED;
            OperationOutcome outcome = cancelled ? OperationOutcome.CANCELLED : OperationOutcome.FAILED;
            LOG.warn("Step {} of operation {} ({}) ended {}: {}", step.sequence(), operationId, step.summary(), outcome, e.getMessage());
            history.finishStep(stepId, new Completion(outcome, clock.instant(), codeOf(e), e.getMessage(), null));
            events.stepFinished(step.sequence(), step.action(), step.packageName(), outcome, codeOf(e), results);
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
                healthReport.report(stepId, step.sequence(), health);
            }

            @Override
            public void tick() {
                keepLock();
            }
        });
        switch (outcome.verdict()) {
            case HEALTHY -> {
                events.progress(step.sequence(), "lifecycle.progress.healthy", step.packageName(), step.toVersion());
                events.log(stepId, step.sequence(), "lifecycle.log.healthy", step.releaseName());
            }
            case CANCELLED -> throw new LifecycleException(LifecycleErrorCode.CANCELLED, "cancelled while waiting for "
                    + step.releaseName(), step.releaseName());
            case FAILING, TIMED_OUT -> {
                String workload = outcome.culprit().map(w -> w.workload().display()).orElse(step.releaseName());
                String reason = outcome.culprit().map(HealthReport::describe)
                        .orElse(outcome.verdict() == ReleaseVerifier.Verdict.TIMED_OUT ? "not healthy in time" : "failing");
                throw new LifecycleException(LifecycleErrorCode.VERIFICATION_FAILED, step.releaseName() + " " + step.toVersion()
                        + " did not become healthy: " + workload + ": " + reason, step.packageName(), String.valueOf(step.toVersion()),
                        workload, reason);
            }
            default -> throw new IllegalStateException(outcome.verdict().name());
        }
    }
    /** The health reason's code with its details, e.g. {@code crash loop back off (3 restarts)}. */
    // ----- ending: restore what was applied

    private OperationResult finish(OperationOutcome wanted, PlanStep failedStep, RuntimeException failure) {
        if (!applied.isEmpty()) {
            events.emit(new ProgressEvent.RollbackStarted(operationId, clock.instant(), failedStep.sequence()));
        }
        while (!applied.isEmpty()) {
            restore(applied.pop());
        }
        OperationOutcome outcome = wanted;
        String key;
        List<Object> params;
        if (wanted == OperationOutcome.CANCELLED && applyCalls.cancelledDuring() != null) {
            key = "lifecycle.result.cancelledDuringApply";
            params = List.of(applyCalls.cancelledDuring(), restoredText.isEmpty() ? "-" : String.join(", ", restoredText));
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
        events.emit(new ProgressEvent.StepStarted(operationId, clock.instant(), restoreStep));
        try {
            if (step.action() == OperationAction.UNINSTALL) {
                throw new LifecycleException(LifecycleErrorCode.REPAIR_NOT_POSSIBLE, "a removal cannot be undone automatically",
                        step.releaseName(), "UNINSTALLED");
            }
            if (!before.installed()) {
                events.progress(sequence, "lifecycle.progress.removing", step.packageName());
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
                events.log(stepId, sequence, "lifecycle.log.removedInstalled", step.releaseName());
            } else {
                if (before.archive() == null) {
                    throw new LifecycleException(LifecycleErrorCode.ARCHIVE_MISSING, "no archive of " + step.releaseName() + " "
                            + before.version() + " to restore", String.valueOf(before.digest()));
                }
                events.progress(sequence, "lifecycle.progress.restoring", step.packageName(), before.version());
                archives.get(before.digest());
                boolean helmRelease = ManifestBundle.read(before.archive()).isEmpty();
                Optional<Integer> failedRevision = helmRelease
                        ? helm.status(step.releaseName(), step.namespace(), settings.callTimeout()).map(r -> r.revision()) : Optional.empty();
                apply(new PreparedStep(restoreStep, null, before.archive(), before.values(), before.secretPaths(), before),
                        before.archive(), before.values(), before.digest(), "iepmp: restore " + step.releaseName() + " " + before.version());
                failedRevision.ifPresent(revision -> helmRecords.markFailed(step, revision));
                verify(stepId, restoreStep, CancellationSignal.NEVER);
            }
            history.finishStep(stepId, Completion.succeeded(clock.instant()));
            events.stepFinished(sequence, action, step.packageName(), OperationOutcome.SUCCEEDED, null, restored);
            restoredText.add(before.installed() ? step.packageName() + " " + before.version() : step.packageName() + " removed");
        } catch (RuntimeException e) {
            LOG.error("Restoring {} of operation {} failed: {}", step.releaseName(), operationId, e.getMessage());
            history.finishStep(stepId, new Completion(OperationOutcome.FAILED, clock.instant(), codeOf(e), e.getMessage(), null));
            events.stepFinished(sequence, action, step.packageName(), OperationOutcome.FAILED, codeOf(e), restored);
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
        events.emit(new ProgressEvent.OperationFinished(operationId, clock.instant(), result));
        return result;
    }

    /** The lock is renewed in the background; this stops the operation when a renewal failed (LOCK_LOST). */
    private void keepLock() {
        lock.check();
    }

    /** The stable name of a typed failure's code for the history row; INTERNAL for a failure nobody typed. */
    static String codeOf(Throwable e) {
        return CodedException.codeOf(e).map(ErrorCode::name).orElse("INTERNAL");
    }
}
