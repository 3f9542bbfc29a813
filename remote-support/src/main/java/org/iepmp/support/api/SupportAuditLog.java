package org.iepmp.support.api;

import java.time.Instant;

/** Where session starts and ends are recorded for audit (the operation history). */
public interface SupportAuditLog {

    /** Why a session ended. */
    enum EndReason { DEADLINE, ENDED_BY_TECHNICIAN, APP_EXIT, SERVER_EXITED }

    void sessionStarted(SupportSession session);

    void sessionEnded(SupportSession session, Instant endedAt, EndReason reason);
}
