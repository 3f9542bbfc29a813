package org.iepmp.kube.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The one Lease object of the console on a cluster: {@code iepmp-console} in {@code kube-system}
 * ({@code coordination.k8s.io/v1}). Only reads and conditional writes; deciding who may take it
 * (free, stale, ours) is the lock's job. Every call is bounded by its timeout and throws
 * {@link KubeException} with a typed code (FORBIDDEN when the user may not use Leases in
 * kube-system, UNREACHABLE, TIMEOUT...).
 */
public interface ClusterLease {

    /** {@code kube-system/iepmp-console}, for messages. */
    String name();

    Optional<LeaseRecord> read(Duration timeout);

    /** Creates the Lease; false when it already exists (another console created it first). */
    boolean create(LeaseRecord lease, Duration timeout);

    /**
     * Replaces the Lease if it is still at {@code lease.resourceVersion()}; false when it changed
     * meanwhile (409 Conflict) or was deleted.
     */
    boolean replace(LeaseRecord lease, Duration timeout);
}
