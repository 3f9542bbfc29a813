package org.iepmp.support.api;

import java.util.Optional;

/**
 * One consented, time-boxed screen-share session at a time. It ends by itself at its deadline,
 * on {@link #endNow()}, at {@link #close()} (application exit) or when the server process dies;
 * every start and end is written to the {@link SupportAuditLog}.
 */
public interface RemoteSupport extends AutoCloseable {

    Optional<SupportSession> active();

    /** @throws SupportException when the session is refused or fails to start; nothing is left running then */
    SupportSession start(SupportSessionRequest request);

    /** "End now". */
    void endNow();

    /** At application exit. */
    @Override
    void close();
}
