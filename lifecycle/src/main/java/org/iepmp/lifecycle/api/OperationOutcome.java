package org.iepmp.lifecycle.api;

/** Where an operation or a step ended; {@link #RUNNING} until it does. */
public enum OperationOutcome {
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Failed, and what it had applied was rolled back automatically. */
    ROLLED_BACK,
    /** Was running when the process stopped; found so at the next start. */
    INTERRUPTED,
    CANCELLED;

    public boolean finished() {
        return this != RUNNING;
    }
}
