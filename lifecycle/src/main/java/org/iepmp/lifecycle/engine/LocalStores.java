package org.iepmp.lifecycle.engine;

import java.util.Objects;
import org.iepmp.lifecycle.api.ChartArchiveStore;
import org.iepmp.lifecycle.api.ClusterLock;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.storage.LifecycleStorage;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.iepmp.lifecycle.values.SecretMasker;

/**
 * What the engine keeps on this computer: history, archive store, the local cluster lock, the
 * masker of secret values, and this console's identity (which the engine also writes into the
 * cluster's Lease when {@link ClusterAccess#lease()} offers one: the engine stacks the Lease on
 * {@code lock} itself, so composition roots pass the local lock only).
 */
public record LocalStores(HistoryStore history, ChartArchiveStore archives, ClusterLock lock, SecretMasker masker,
        ProcessIdentity process) {
    public LocalStores {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(archives, "archives");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(masker, "masker");
        Objects.requireNonNull(process, "process");
    }

    public LocalStores(HistoryStore history, ChartArchiveStore archives, ClusterLock lock, SecretMasker masker) {
        this(history, archives, lock, masker, ProcessIdentity.current());
    }

    /** The stores a composition root opened with {@link LifecycleStorage#open}, with its local lock. */
    public static LocalStores of(LifecycleStorage storage, ClusterLock lock) {
        return new LocalStores(storage.history(), storage.archives(), lock, storage.masker(), storage.process());
    }
}
