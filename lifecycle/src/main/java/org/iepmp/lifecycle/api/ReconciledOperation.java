package org.iepmp.lifecycle.api;

/** An operation an earlier run left interrupted, paired with the verdict recorded for it after the restart. */
public record ReconciledOperation(long operationId, Reconciliation reconciliation) {
}
