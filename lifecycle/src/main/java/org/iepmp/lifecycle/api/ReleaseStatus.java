package org.iepmp.lifecycle.api;

/** Helm's release status, as the cluster reports it. */
public enum ReleaseStatus {
    DEPLOYED,
    FAILED,
    PENDING_INSTALL,
    PENDING_UPGRADE,
    PENDING_ROLLBACK,
    UNINSTALLING,
    UNINSTALLED,
    SUPERSEDED,
    UNKNOWN;

    /** Left mid-operation: Helm refuses further changes until it is repaired. */
    public boolean stuck() {
        return this == PENDING_INSTALL || this == PENDING_UPGRADE || this == PENDING_ROLLBACK || this == UNINSTALLING;
    }
}
