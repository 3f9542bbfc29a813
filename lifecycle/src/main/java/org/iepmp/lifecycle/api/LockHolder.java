package org.iepmp.lifecycle.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a cluster lock: {@code holderIdentity} is unique per console instance
 * ({@code user@host:pid/uuid}); {@code renewedAt + ttl} is when the lock goes stale.
 */
public record LockHolder(
        String clusterId,
        String holderIdentity,
        String user,
        String host,
        long pid,
        Instant since,
        Instant renewedAt,
        Duration ttl) {

    public LockHolder {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(holderIdentity, "holderIdentity");
        Objects.requireNonNull(since, "since");
        renewedAt = renewedAt == null ? since : renewedAt;
        Objects.requireNonNull(ttl, "ttl");
    }

    public Instant expiresAt() {
        return renewedAt.plus(ttl);
    }

    /** A holder that stopped renewing (crashed, lost the network) gives the lock up after its ttl. */
    public boolean staleAt(Instant now) {
        return now.isAfter(expiresAt());
    }

    public LockHolder renewed(Instant now) {
        return new LockHolder(clusterId, holderIdentity, user, host, pid, since, now, ttl);
    }
}
