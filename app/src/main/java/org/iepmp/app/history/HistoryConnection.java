package org.iepmp.app.history;

import java.nio.file.Path;
import java.time.Clock;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.history.HistoryOptions;
import org.iepmp.lifecycle.history.SqliteHistoryStore;
import org.iepmp.lifecycle.secret.LocalSecretKey;
import org.iepmp.lifecycle.secret.SecretSealer;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.iepmp.lifecycle.values.SecretMasker;

/**
 * The history database, opened on first use — always from a background task, never on the FX
 * thread — and closed at exit. A failure to open (locked, damaged) is thrown to that first
 * caller as a typed error and retried at the next use.
 */
public final class HistoryConnection implements AutoCloseable {

    private final Path dataDir;
    private final Clock clock;
    private HistoryStore store;

    public HistoryConnection(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
    }

    public synchronized HistoryStore get() {
        if (store == null) {
            LocalSecretKey key = LocalSecretKey.loadOrCreate(dataDir.resolve("history.key"));
            store = SqliteHistoryStore.open(HistoryOptions.defaults(dataDir.resolve("history.db")),
                    new SecretMasker(key.fingerprintKey()), new SecretSealer(key.sealingKey()), ProcessIdentity.current(),
                    clock);
        }
        return store;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
