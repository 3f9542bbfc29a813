package org.iepmp.lifecycle.api;

import java.util.Optional;

/** Who holds the connected cluster's operation lock. Blocks: call it off the UI thread. */
public interface ClusterLockStatus {

    /**
     * A console on this computer (local lock) or anywhere (the Lease), with since when; empty when
     * free. Throws {@link LifecycleException} LOCK_UNAVAILABLE when the Lease cannot be read; where
     * the user may not use the Lease at all, only the local lock is reported.
     */
    Optional<LockHolder> lockHolder();
}
