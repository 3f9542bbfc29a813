package org.iepmp.lifecycle.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.iepmp.lifecycle.api.ClusterLock;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.ClusterLockHeldException;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.LockHolder;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operation per cluster across computers: the in-cluster Lease, taken when absent, released
 * or stale, and renewed by its holder. Every write is conditional on the resourceVersion just
 * read, so two consoles racing for it cannot both win. A lease counts as stale when its holder's process on this computer
 * has ended, else only after its duration plus {@code skewAllowance}, because the renew time was written by another computer's
 * clock.
 */
public final class LeaseClusterLock implements ClusterLock {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseClusterLock.class);
    private static final int ATTEMPTS = 3;
    /** Start times read through different calls may differ by rounding; a reused pid starts far later. */
    private static final long START_TIME_TOLERANCE_MS = 1000;

    private final Function<String, LeaseClient> clients;
    private final ProcessIdentity process;
    private final Clock clock;
    private final Duration skewAllowance;

    /** {@code clients} gives the Lease client of a cluster identity (the composition root knows the connections). */
    public LeaseClusterLock(Function<String, LeaseClient> clients, ProcessIdentity process, Clock clock, Duration skewAllowance) {
        this.clients = clients;
        this.process = process;
        this.clock = clock;
        this.skewAllowance = skewAllowance;
    }

    @Override
    public ClusterLockHandle acquire(String clusterId, Duration ttl) {
        LeaseClient client = clients.apply(clusterId);
        String me = process.holderIdentity();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<LeaseSnapshot> current = call(client, LeaseClient::read);
            Instant now = clock.instant();
            if (current.isEmpty()) {
                LeaseSnapshot mine = new LeaseSnapshot(me, now, now, ttl, 0, details(clusterId), null);
                if (call(client, c -> c.create(mine))) {
                    return new Handle(client, clusterId, ttl, now);
                }
                continue;
            }
            LeaseSnapshot lease = current.get();
            boolean free = lease.holderIdentity() == null || lease.holderIdentity().isEmpty() || lease.holderIdentity().equals(me)
                    || isStale(lease, now);
            if (!free) {
                throw new ClusterLockHeldException(client.name(), holderOf(lease, clusterId));
            }
            if (lease.holderIdentity() != null && !lease.holderIdentity().equals(me) && !lease.holderIdentity().isEmpty()) {
                LOG.warn("Taking over stale lease {} from {} (last renewed {})", client.name(), lease.holderIdentity(), lease.renewTime());
            }
            LeaseSnapshot mine = new LeaseSnapshot(me, now, now, ttl, lease.transitions() + 1, details(clusterId), lease.resourceVersion());
            if (call(client, c -> c.replace(mine))) {
                return new Handle(client, clusterId, ttl, now);
            }
        }
        // Lost every race: report whoever won.
        LeaseSnapshot winner = call(client, LeaseClient::read).orElseThrow(
                () -> new LifecycleException(LifecycleErrorCode.LOCK_UNAVAILABLE, "Lease keeps changing", client.name()));
        throw new ClusterLockHeldException(client.name(), holderOf(winner, clusterId));
    }

    @Override
    public Optional<LockHolder> holder(String clusterId) {
        LeaseClient client = clients.apply(clusterId);
        Optional<LeaseSnapshot> lease = call(client, LeaseClient::read);
        return lease.filter(l -> l.holderIdentity() != null && !l.holderIdentity().isEmpty())
                .filter(l -> !isStale(l, clock.instant()))
                .map(l -> holderOf(l, clusterId));
    }

    boolean isStale(LeaseSnapshot lease, Instant now) {
        if (holderProcessGone(lease.holderDetails())) {
            return true;
        }
        Instant renewed = lease.renewTime() != null ? lease.renewTime() : lease.acquireTime();
        if (renewed == null || lease.leaseDuration() == null) {
            return true;
        }
        return now.isAfter(renewed.plus(lease.leaseDuration()).plus(skewAllowance));
    }

    private Map<String, String> details(String clusterId) {
        Map<String, String> details = new java.util.HashMap<>(Map.of("user", process.user(), "host", process.host(),
                "pid", Long.toString(process.pid()), "clusterId", clusterId));
        startOf(process.pid()).ifPresent(started -> details.put("started", Long.toString(started.toEpochMilli())));
        return Map.copyOf(details);
    }

    /**
     * A holder on this computer whose process has ended (or whose pid now belongs to a process started later): it can renew no
     * more, so there is nothing to wait for. A holder on another computer is judged by its renewals only.
     */
    boolean holderProcessGone(Map<String, String> details) {
        if (!process.host().equals(details.get("host"))) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(details.getOrDefault("pid", ""));
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == process.pid()) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return true;
        }
        Optional<Instant> started = handle.get().info().startInstant();
        String recorded = details.get("started");
        return recorded != null && started.isPresent()
                && Math.abs(started.get().toEpochMilli() - Long.parseLong(recorded)) > START_TIME_TOLERANCE_MS;
    }

    private static Optional<Instant> startOf(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant());
    }

    private static LockHolder holderOf(LeaseSnapshot lease, String clusterId) {
        Map<String, String> d = lease.holderDetails();
        long pid;
        try {
            pid = Long.parseLong(d.getOrDefault("pid", "-1"));
        } catch (NumberFormatException e) {
            pid = -1;
        }
        Instant since = lease.acquireTime() != null ? lease.acquireTime() : Instant.EPOCH;
        return new LockHolder(clusterId, String.valueOf(lease.holderIdentity()), d.getOrDefault("user", "?"), d.getOrDefault("host", "?"),
                pid, since, lease.renewTime(), lease.leaseDuration() == null ? Duration.ZERO : lease.leaseDuration());
    }

    private static <T> T call(LeaseClient client, Function<LeaseClient, T> action) {
        try {
            return action.apply(client);
        } catch (LifecycleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LifecycleException(LifecycleErrorCode.LOCK_UNAVAILABLE, "Lease call failed: " + e.getMessage(), e, client.name());
        }
    }

    private final class Handle implements ClusterLockHandle {
        private final LeaseClient client;
        private LockHolder holder;
        private boolean released;

        Handle(LeaseClient client, String clusterId, Duration ttl, Instant since) {
            this.client = client;
            this.holder = new LockHolder(clusterId, process.holderIdentity(), process.user(), process.host(), process.pid(), since, since, ttl);
        }

        @Override
        public synchronized LockHolder holder() {
            return holder;
        }

        @Override
        public synchronized void renew() {
            LeaseSnapshot lease = released ? null : call(client, LeaseClient::read).orElse(null);
            if (lease == null || !process.holderIdentity().equals(lease.holderIdentity())) {
                throw new LifecycleException(LifecycleErrorCode.LOCK_LOST, "Lease no longer ours", client.name());
            }
            Instant now = clock.instant();
            LeaseSnapshot renewed = new LeaseSnapshot(lease.holderIdentity(), lease.acquireTime(), now, lease.leaseDuration(),
                    lease.transitions(), lease.holderDetails(), lease.resourceVersion());
            if (!call(client, c -> c.replace(renewed))) {
                throw new LifecycleException(LifecycleErrorCode.LOCK_LOST, "Lease changed while renewing", client.name());
            }
            holder = holder.renewed(now);
        }

        @Override
        public synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            try {
                LeaseSnapshot lease = client.read().orElse(null);
                if (lease != null && process.holderIdentity().equals(lease.holderIdentity())) {
                    client.replace(new LeaseSnapshot(null, lease.acquireTime(), lease.renewTime(), lease.leaseDuration(), lease.transitions(),
                            Map.of(), lease.resourceVersion()));
                }
            } catch (RuntimeException e) {
                // It expires by itself after its duration; nothing else to do.
                LOG.warn("Releasing lease {} failed ({}); it will expire", client.name(), e.getMessage());
            }
        }
    }
}
