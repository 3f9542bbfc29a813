package org.iepmp.lifecycle.api;

/** What an operation or a step does to a package. */
public enum OperationAction {
    INSTALL,
    UPGRADE,
    ROLLBACK,
    UNINSTALL,
    /** Same chart version, new values. */
    CONFIGURE,
    /** Brings a release stuck in pending-* back to its last deployed revision. */
    REPAIR,
    /** Reads only (update check, health audit); recorded so audits show who looked when. */
    AUDIT
}
