package org.iepmp.lifecycle.api;

import java.util.List;

/** Crash recovery of the connected cluster's operations. Blocks: call it off the UI thread. */
public interface OperationRecovery {

    /**
     * At start-up: marks operations left running by a crash as interrupted, and checks each against
     * the cluster (what actually happened, whether a repair should be offered). Returns what was recorded.
     */
    List<ReconciledOperation> recoverInterrupted();
}
