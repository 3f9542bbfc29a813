package org.iepmp.lifecycle.storage;

import java.time.Clock;
import org.iepmp.lifecycle.api.ChartArchiveStore;
import org.iepmp.lifecycle.api.ClusterLock;
import org.iepmp.lifecycle.api.LocalLifecycleStorage;
import org.iepmp.lifecycle.archive.ContentAddressedArchiveStore;
import org.iepmp.lifecycle.history.HistoryOptions;
import org.iepmp.lifecycle.history.SqliteHistoryStore;
import org.iepmp.lifecycle.lock.LocalFileClusterLock;
import org.iepmp.lifecycle.secret.LocalSecretKey;
import org.iepmp.lifecycle.secret.SecretSealer;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.iepmp.lifecycle.values.SecretMasker;

/**
 * The lifecycle's local stores, wired once by a composition root (GUI or CLI): history,
 * chart archives, the local cluster lock, and the masker that keys secret fingerprints.
 * Opening marks operations a previous run left RUNNING as INTERRUPTED.
 */
public final class LifecycleStorage implements LocalLifecycleStorage {

    private final SqliteHistoryStore history;
    private final ChartArchiveStore archives;
    private final ClusterLock localLock;
    private final SecretMasker masker;
    private final ProcessIdentity process;
    private final int interruptedAtOpen;

    private LifecycleStorage(SqliteHistoryStore history, ChartArchiveStore archives, ClusterLock localLock, SecretMasker masker,
            ProcessIdentity process, int interruptedAtOpen) {
        this.history = history;
        this.archives = archives;
        this.localLock = localLock;
        this.masker = masker;
        this.process = process;
        this.interruptedAtOpen = interruptedAtOpen;
    }

    /**
     * {@code startFreshIfCorrupt} is the user's consent, asked after a first attempt failed with
     * HISTORY_CORRUPT; throws the history's typed errors (locked, corrupt, disk full...).
     */
    public static LifecycleStorage open(LifecyclePaths paths, boolean startFreshIfCorrupt, ProcessIdentity process, Clock clock) {
        LocalSecretKey key = LocalSecretKey.loadOrCreate(paths.secretKeyFile());
        SecretMasker masker = new SecretMasker(key.fingerprintKey());
        SqliteHistoryStore history = SqliteHistoryStore.open(
                HistoryOptions.defaults(paths.historyFile()).withStartFreshIfCorrupt(startFreshIfCorrupt), masker,
                new SecretSealer(key.sealingKey()), process, clock);
        try {
            int interrupted = history.markInterrupted(clock.instant());
            return new LifecycleStorage(history, new ContentAddressedArchiveStore(paths.archiveDir(), clock),
                    new LocalFileClusterLock(paths.locksDir(), process, clock), masker, process, interrupted);
        } catch (RuntimeException e) {
            history.close();
            throw e;
        }
    }

    @Override
    public SqliteHistoryStore history() {
        return history;
    }

    public ChartArchiveStore archives() {
        return archives;
    }

    @Override
    public ClusterLock localLock() {
        return localLock;
    }

    public SecretMasker masker() {
        return masker;
    }

    /** This console instance, as its locks name it to others. */
    public ProcessIdentity process() {
        return process;
    }

    /** How many operations of a previous run were found RUNNING and marked INTERRUPTED at open (to tell the user). */
    @Override
    public int interruptedAtOpen() {
        return interruptedAtOpen;
    }

    @Override
    public void close() {
        history.close();
    }
}
