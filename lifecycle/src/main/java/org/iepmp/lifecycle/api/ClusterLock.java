package org.iepmp.lifecycle.api;

import java.time.Duration;
import java.util.Optional;

/**
 * One operation per cluster at a time. Two implementations stack: a local file lock (one
 * console per computer and cluster) and an in-cluster Lease {@code iepmp-console} in
 * {@code kube-system} (one console per cluster, across computers).
 */
public interface ClusterLock {

    /**
     * Takes the lock for {@code clusterId} for {@code ttl}; the holder must {@link ClusterLockHandle#renew()}
     * before the ttl runs out. Throws {@link ClusterLockHeldException} when another live holder has it,
     * {@link LifecycleException} (LOCK_UNAVAILABLE) when the lock cannot be checked at all.
     */
    ClusterLockHandle acquire(String clusterId, Duration ttl);

    /**
     * Who holds the lock of {@code clusterId} now (another console, or this one while it runs an
     * operation), without taking it; empty when it is free or stale. Throws
     * {@link LifecycleException} (LOCK_UNAVAILABLE) when it cannot be read.
     */
    Optional<LockHolder> holder(String clusterId);
}
