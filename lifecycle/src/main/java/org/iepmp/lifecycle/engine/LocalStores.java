package org.iepmp.lifecycle.engine;

import java.util.Objects;
import org.iepmp.lifecycle.api.ChartArchiveStore;
import org.iepmp.lifecycle.api.ClusterLock;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.storage.LifecycleStorage;
import org.iepmp.lifecycle.values.SecretMasker;

/** What the engine keeps on this computer: history, archive store, the cluster lock, and the masker of secret values. */
public record LocalStores(HistoryStore history, ChartArchiveStore archives, ClusterLock lock, SecretMasker masker) {
    public LocalStores {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(archives, "archives");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(masker, "masker");
    }

    /** The stores a composition root opened with {@link LifecycleStorage#open}; {@code lock} may stack a Lease on its local lock. */
    public static LocalStores of(LifecycleStorage storage, ClusterLock lock) {
        return new LocalStores(storage.history(), storage.archives(), lock, storage.masker());
    }
}
