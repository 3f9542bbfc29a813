package org.iepmp.app.engine;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.iepmp.app.gui.updates.UpdateSource;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.lifecycle.api.UpdateInfo;

/**
 * The Updates list's own engine session until the GUI shares one session per cluster: opened by
 * the first check after {@link #connectTo}, replaced when the cluster changes, closed at exit.
 * Neither {@link #connectTo} nor {@link #close} waits for a running check (they are called on the FX thread).
 */
public final class EngineUpdateSource implements UpdateSource, AutoCloseable {

    private record Target(ClusterConnection connection, String clusterId) {
    }

    private final EngineSessions sessions;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Target target;
    private volatile boolean closed;
    private Target opened;
    private EngineSession session;

    public EngineUpdateSource(EngineSessions sessions) {
        this.sessions = sessions;
    }

    /** The cluster to compare from now on; {@code null} for none. The session opens on the next check. */
    public void connectTo(ClusterConnection connection, String clusterId) {
        target = connection == null ? null : new Target(connection, clusterId);
    }

    @Override
    public List<UpdateInfo> checkUpdates() {
        lock.lock();
        try {
            if (closed) {
                return List.of();
            }
            Target wanted = target;
            if (wanted != opened) {
                closeSession();
                if (wanted != null) {
                    session = sessions.open(wanted.connection(), wanted.clusterId());
                    opened = wanted;
                }
            }
            return session == null ? List.of() : session.engine().checkUpdates();
        } finally {
            if (closed) {
                closeSession();
            }
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        target = null;
        // A running check closes the session itself when it ends.
        if (lock.tryLock()) {
            try {
                closeSession();
            } finally {
                lock.unlock();
            }
        }
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
        opened = null;
    }
}
