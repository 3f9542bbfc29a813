package org.iepmp.app.engine;

import java.nio.file.Path;
import java.time.Clock;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.storage.LifecyclePaths;
import org.iepmp.lifecycle.storage.LifecycleStorage;
import org.iepmp.lifecycle.support.ProcessIdentity;

/**
 * The lifecycle's local stores (history, chart archives, local lock, secret key), opened on first
 * use — always from a background task, never on the FX thread — and closed at exit. The history
 * view, the support audit, the engine and the CLI share this one opening, so they agree on the
 * database and on the key that seals secret values. A failure to open (locked, damaged) is thrown
 * to that first caller as a typed error and retried at the next use.
 */
public final class LocalStorageConnection implements AutoCloseable {

    private final Path dataDir;
    private final Clock clock;
    private LifecycleStorage storage;

    public LocalStorageConnection(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
    }

    public synchronized LifecycleStorage storage() {
        if (storage == null) {
            storage = LifecycleStorage.open(new LifecyclePaths(dataDir), false, ProcessIdentity.current(), clock);
        }
        return storage;
    }

    public HistoryStore history() {
        return storage().history();
    }

    @Override
    public synchronized void close() {
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }
}
