package org.iepmp.lifecycle.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The fields of the {@code coordination.k8s.io/v1} Lease {@code iepmp-console} in
 * {@code kube-system} that the lock uses: spec fields, the holder details kept as annotations
 * ({@code user}, {@code host}, {@code pid}, {@code clusterId}), and the resourceVersion for
 * optimistic concurrency (null when creating). {@code holderIdentity} null means released.
 */
public record LeaseSnapshot(
        String holderIdentity,
        Instant acquireTime,
        Instant renewTime,
        Duration leaseDuration,
        int transitions,
        Map<String, String> holderDetails,
        String resourceVersion) {

    public LeaseSnapshot {
        holderDetails = holderDetails == null ? Map.of() : Map.copyOf(holderDetails);
    }
}
