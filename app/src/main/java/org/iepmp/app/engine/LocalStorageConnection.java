package org.iepmp.app.engine;

import java.nio.file.Path;
import java.time.Clock;
import org.iepmp.lifecycle.LifecycleFactory;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.LocalLifecycleStorage;

/**
 * The lifecycle's local stores (history, chart archives, local lock, secret key), opened on first
 * use — always from a background task, never on the FX thread — and closed at exit. The history
 * view, the support audit, the engine and the CLI share this one opening, so they agree on the
 * database and on the key that seals secret values. A failure to open (locked, damaged) is thrown
 * to that first caller as a typed error and retried at the next use.
 */
public final class LocalStorageConnection implements AutoCloseable {

    private final Path dataDir;
    private final LifecycleFactory lifecycle;
    private LocalLifecycleStorage storage;

    public LocalStorageConnection(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        // Opening the stores needs no engine time limits; the defaults only fill the factory.
        this.lifecycle = new LifecycleFactory(clock, EngineSettings.defaults());
    }

    public synchronized LocalLifecycleStorage storage() {
        if (storage == null) {
            storage = lifecycle.openStorage(dataDir);
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
