package org.iepmp.app.gui.operation;

import java.util.Objects;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.Reconciliation;
import org.iepmp.lifecycle.api.StepRecord;

/**
 * An operation a crash interrupted, as the next start found it: the history row, what the cluster
 * showed (the reconciliation), and the two ways on — roll back to the revision recorded before it
 * ({@code rollbackTarget}, {@code null} when none is recorded) or try the same version again
 * ({@code retryVersion}, {@code null} when the operation had no target version).
 */
public record Resumed(OperationRecord operation, Reconciliation reconciliation, StepRecord rollbackTarget, String retryVersion) {

    public Resumed {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reconciliation, "reconciliation");
    }
}
