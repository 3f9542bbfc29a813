package org.iepmp.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.support.api.SupportAuditLog;
import org.iepmp.support.api.SupportErrorCode;
import org.iepmp.support.api.SupportSession;

/**
 * Writes remote-support sessions to the operation history as AUDIT rows: one row per session,
 * opened when it starts and closed when it ends, with mode, peer, address and duration — never
 * the password.
 */
public final class HistorySupportAuditLog implements SupportAuditLog {

    /** The package name audit rows of remote support carry, so the history can filter them. */
    public static final String AUDIT_SUBJECT = "remote-support";

    private final Supplier<HistoryStore> history;
    private final Supplier<String> clusterId;
    private final Actor actor;
    private final Map<SupportSession, Long> open = new ConcurrentHashMap<>();

    public HistorySupportAuditLog(Supplier<HistoryStore> history, Supplier<String> clusterId, Actor actor) {
        this.history = history;
        this.clusterId = clusterId;
        this.actor = actor;
    }

    @Override
    public void sessionStarted(SupportSession session) {
        String summary = "remote support " + (session.allowControl() ? "with control" : "view only")
                + " on " + session.bindAddress() + ":" + session.port()
                + (session.peer().isBlank() ? "" : " for " + session.peer())
                + " until " + session.deadline();
        long id = history.get().beginOperation(new NewOperation(clusterId.get(), actor, Reason.NONE, session.startedAt(),
                OperationAction.AUDIT, AUDIT_SUBJECT, AUDIT_SUBJECT, null, null, null, null, null, null, summary, null));
        open.put(session, id);
    }

    @Override
    public void sessionEnded(SupportSession session, Instant endedAt, EndReason reason) {
        Long id = open.remove(session);
        if (id == null) {
            return;
        }
        Duration lasted = Duration.between(session.startedAt(), endedAt);
        String log = "ended: " + reason + " after " + lasted.toSeconds() + " s";
        OperationOutcome outcome = reason == EndReason.SERVER_EXITED ? OperationOutcome.FAILED : OperationOutcome.SUCCEEDED;
        history.get().finishOperation(id, new Completion(outcome, endedAt,
                outcome == OperationOutcome.FAILED ? SupportErrorCode.START_FAILED.name() : null,
                outcome == OperationOutcome.FAILED ? "screen-sharing server exited" : null, log));
    }
}
