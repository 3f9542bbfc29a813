package org.iepmp.lifecycle.recovery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iepmp.catalog.api.VersionName;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.ReconciledOperation;
import org.iepmp.lifecycle.api.Reconciliation;
import org.iepmp.lifecycle.api.ReleaseState;
import org.iepmp.lifecycle.api.ReleaseStateProbe;
import org.iepmp.lifecycle.api.ReleaseStatus;
import org.iepmp.lifecycle.api.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restart, compares each interrupted operation of the connected cluster with the
 * release as it actually is, records a sentence for the user, and says when a repair is due.
 * An operation whose cluster cannot be asked stays unreconciled and is tried at the next start.
 */
public final class InterruptedOperationReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedOperationReconciler.class);

    private final HistoryStore history;
    private final Clock clock;

    public InterruptedOperationReconciler(HistoryStore history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /** Reconciles every interrupted, not yet reconciled operation of the probe's cluster; returns what was recorded. */
    public List<ReconciledOperation> reconcile(ReleaseStateProbe probe) {
        List<ReconciledOperation> done = new ArrayList<>();
        for (OperationRecord operation : history.unreconciled(probe.clusterId())) {
            Optional<Reconciliation> result = reconcileOne(operation, probe);
            result.ifPresent(r -> {
                history.recordReconciliation(operation.id(), r);
                done.add(new ReconciledOperation(operation.id(), r));
            });
        }
        return done;
    }

    /** What was in flight: the interrupted step of a multi-step operation (a dependency, say), else the operation itself. */
    private record Target(OperationAction action, String packageName, String namespace, String releaseName, String fromVersion,
            String toVersion) {
    }

    private Target targetOf(OperationRecord op) {
        List<StepRecord> interrupted = history.steps(op.id()).stream()
                .filter(step -> step.outcome() == OperationOutcome.INTERRUPTED).toList();
        if (interrupted.isEmpty()) {
            return new Target(op.action(), op.packageName(), op.namespace(), op.releaseName(), op.fromVersion(), op.toVersion());
        }
        StepRecord step = interrupted.get(interrupted.size() - 1);
        return new Target(step.action(), step.packageName(), step.namespace(), step.releaseName(), step.fromVersion(), step.toVersion());
    }

    private Optional<Reconciliation> reconcileOne(OperationRecord record, ReleaseStateProbe probe) {
        if (record.action() == OperationAction.AUDIT) {
            return Optional.of(sentence("lifecycle.reconcile.nothingToCheck", false, record.packageName()));
        }
        Target op = targetOf(record);
        Optional<ReleaseState> actual;
        try {
            actual = probe.probe(op.namespace(), op.releaseName());
        } catch (RuntimeException e) {
            LOG.warn("Cannot reconcile interrupted operation {} ({}): {}", record.id(), op.releaseName(), e.getMessage());
            return Optional.empty();
        }
        if (actual.isEmpty() || actual.get().status() == ReleaseStatus.UNINSTALLED) {
            return Optional.of(whenAbsent(op));
        }
        ReleaseState state = actual.get();
        if (state.status().stuck()) {
            return Optional.of(sentence("lifecycle.reconcile.releaseStuck", true, op.packageName(), state.status().name(), state.revision()));
        }
        if (op.action() == OperationAction.UNINSTALL) {
            return Optional.of(sentence("lifecycle.reconcile.uninstallNotDone", false, op.packageName(), text(state.chartVersion())));
        }
        if (state.status() == ReleaseStatus.FAILED) {
            return Optional.of(sentence("lifecycle.reconcile.releaseFailed", true, op.packageName(), text(state.chartVersion()),
                    state.revision()));
        }
        if (VersionName.same(state.chartVersion(), op.toVersion())) {
            return Optional.of(sentence("lifecycle.reconcile.reachedTarget", false, op.packageName(), text(state.chartVersion()),
                    state.revision()));
        }
        if (VersionName.same(state.chartVersion(), op.fromVersion())) {
            return Optional.of(sentence("lifecycle.reconcile.stayedAtPrevious", false, op.packageName(), text(state.chartVersion()),
                    state.revision()));
        }
        return Optional.of(sentence("lifecycle.reconcile.otherVersion", false, op.packageName(), text(state.chartVersion()),
                text(op.toVersion()), state.revision()));
    }

    private Reconciliation whenAbsent(Target op) {
        if (op.action() == OperationAction.UNINSTALL) {
            return sentence("lifecycle.reconcile.uninstallCompleted", false, op.packageName());
        }
        if (op.action() == OperationAction.INSTALL) {
            return sentence("lifecycle.reconcile.installNotApplied", false, op.packageName(), text(op.toVersion()));
        }
        return sentence("lifecycle.reconcile.releaseMissing", false, op.packageName());
    }

    private Reconciliation sentence(String key, boolean repair, Object... params) {
        return new Reconciliation(key, List.of(params), clock.instant(), repair);
    }

    private static String text(String version) {
        return version == null ? "?" : version;
    }
}
