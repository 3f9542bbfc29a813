package org.iepmp.kube.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The fields of a {@code coordination.k8s.io/v1} Lease a lock uses: {@code holderIdentity}
 * (null or empty: nobody holds it), {@code acquireTime}, {@code renewTime},
 * {@code leaseDurationSeconds} (as a duration), {@code leaseTransitions}, the annotations that
 * describe the holder, and the {@code resourceVersion} read with it (null when creating).
 */
public record LeaseRecord(
        String holderIdentity,
        Instant acquireTime,
        Instant renewTime,
        Duration leaseDuration,
        int transitions,
        Map<String, String> annotations,
        String resourceVersion) {

    public LeaseRecord {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
