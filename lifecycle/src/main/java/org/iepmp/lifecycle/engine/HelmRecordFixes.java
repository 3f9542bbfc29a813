package org.iepmp.lifecycle.engine;

import java.util.Optional;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.PlanStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps Helm's own records of a release as Helm would leave them after a repair, a rollback or a restore. */
final class HelmRecordFixes {

    private static final Logger LOG = LoggerFactory.getLogger(HelmRecordFixes.class);

    private final HelmDriver helm;
    private final PendingReleaseClearer pendingClearer;
    private final EngineSettings settings;

    HelmRecordFixes(HelmDriver helm, PendingReleaseClearer pendingClearer, EngineSettings settings) {
        this.helm = helm;
        this.pendingClearer = pendingClearer;
        this.settings = settings;
    }

    /**
     * Helm refuses to change a pending release: a repair, and a rollback of a release left stuck, first mark its pending
     * revision failed, as Helm's own records would read after a failed operation.
     */
    Optional<Integer> clearedPending(PlanStep step, PreparedStep prepared) {
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
    void markFailed(PlanStep step, int revision) {
        try {
            pendingClearer.markRestoredRevisionFailed(step.releaseName(), step.namespace(), revision, settings.callTimeout());
        } catch (RuntimeException e) {
            LOG.warn("Revision {} of {} stays superseded in Helm's records: {}", revision, step.releaseName(), e.getMessage());
        }
    }
}
