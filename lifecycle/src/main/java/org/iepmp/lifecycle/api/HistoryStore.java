package org.iepmp.lifecycle.api;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local record of every operation and step. Rows are written before work starts and
 * updated when it ends, so a crash leaves RUNNING rows that {@link #markInterrupted(Instant)}
 * turns into INTERRUPTED at the next start. Every method throws {@link LifecycleException}
 * (locked, corrupt, disk full, ...); nothing written before is lost by a failed write.
 */
public interface HistoryStore extends AutoCloseable {

    long beginOperation(NewOperation operation);

    long beginStep(NewStep step);

    /** Adds a line to the log of a running step (kept with the step row). */
    void appendStepLog(long stepId, StepLogEntry entry);

    void finishStep(long stepId, Completion completion);

    void finishOperation(long operationId, Completion completion);

    Optional<OperationRecord> operation(long operationId);

    List<StepRecord> steps(long operationId);

    /**
     * The values of a step as they were applied, secrets included (unsealed with the local
     * key), for an offline rollback. Never show or log the result.
     */
    Map<String, Object> restorableValues(long stepId);

    /** Succeeded install/upgrade/rollback/configure/repair steps of a release, newest first: the revisions one can roll back to. */
    List<StepRecord> successfulSteps(String clusterId, String namespace, String releaseName);

    /** Every recorded step that changed a release (all but audits), any outcome, oldest first: to merge with Helm's revisions. */
    List<StepRecord> releaseSteps(String clusterId, String namespace, String releaseName);

    /** Turns every RUNNING operation and step into INTERRUPTED; returns how many operations. */
    int markInterrupted(Instant now);

    /** Interrupted operations of a cluster not yet checked against it, oldest first. */
    List<OperationRecord> unreconciled(String clusterId);

    void recordReconciliation(long operationId, Reconciliation reconciliation);

    HistoryPage query(HistoryFilter filter, PageCursor after, int limit);

    long count(HistoryFilter filter);

    /** Streams every matching operation, newest first, without holding them all in memory. Does not close {@code out}. */
    void export(HistoryFilter filter, ExportFormat format, OutputStream out);

    @Override
    void close();
}
