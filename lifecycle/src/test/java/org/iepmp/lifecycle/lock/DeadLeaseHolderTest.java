package org.iepmp.lifecycle.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.ClusterLockHeldException;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lease of a console on this computer whose process is gone: its holder (a real child process, killed) can renew no more, so
 * the next console takes the cluster at once instead of waiting out the lease; while it lives, it keeps it and is named.
 */
class DeadLeaseHolderTest {

    private static final Duration TTL = Duration.ofSeconds(20);

    /** A lease as the console in {@code child} wrote it when it took the cluster. */
    private static LeaseSnapshot heldBy(Process child, String host, Instant now) {
        Map<String, String> details = new java.util.HashMap<>(Map.of("user", "anna", "host", host, "pid", Long.toString(child.pid()),
                "clusterId", "uid-1"));
        child.info().startInstant().ifPresent(started -> details.put("started", Long.toString(started.toEpochMilli())));
        return new LeaseSnapshot("anna@" + host + ":" + child.pid() + "/s", now, now, TTL, 0, details, null);
    }

    @TempDir
    Path dir;

    /** A console process of its own (it holds this computer's lock file in {@code dir} until killed). */
    private Process child() throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldLockInAnotherProcess.class.getName(), dir.toString(), "uid-1").start();
    }

    @Test
    void aHolderWhoseProcessIsGoneIsTakenOverAtOnceAndALiveOneIsNamed() throws Exception {
        ProcessIdentity me = ProcessIdentity.current();
        LeaseClusterLockTest.InMemoryLease lease = new LeaseClusterLockTest.InMemoryLease();
        LeaseClusterLock lock = new LeaseClusterLock(cluster -> lease, me, Clock.systemUTC(), Duration.ofSeconds(10));
        Process holder = child();
        try {
            lease.create(heldBy(holder, me.host(), Instant.now()));
            assertThat(lock.holder("uid-1")).hasValueSatisfying(h -> {
                assertThat(h.user()).isEqualTo("anna");
                assertThat(h.pid()).isEqualTo(holder.pid());
            });
            assertThatThrownBy(() -> lock.acquire("uid-1", TTL)).isInstanceOf(ClusterLockHeldException.class);

            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(lock.holder("uid-1")).as("a dead holder holds nothing").isEmpty();
            ClusterLockHandle taken = lock.acquire("uid-1", TTL);
            assertThat(taken.holder().pid()).isEqualTo(me.pid());
            assertThat(lease.current.transitions()).isEqualTo(1);
            taken.release();
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aHolderOnAnotherComputerIsJudgedByItsRenewalsOnly() throws Exception {
        ProcessIdentity me = ProcessIdentity.current();
        LeaseClusterLockTest.InMemoryLease lease = new LeaseClusterLockTest.InMemoryLease();
        MutableClock clock = new MutableClock(Instant.now());
        LeaseClusterLock lock = new LeaseClusterLock(cluster -> lease, me, clock, Duration.ofSeconds(10));
        Process gone = child();
        gone.destroyForcibly();
        gone.waitFor(30, TimeUnit.SECONDS);
        // The same pid on another computer says nothing about that computer's process.
        lease.create(heldBy(gone, "hmi-01", clock.instant()));
        assertThat(lock.holder("uid-1")).isPresent();
        clock.advance(TTL.plusSeconds(10));
        assertThat(lock.holder("uid-1")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lock.holder("uid-1")).as("renewals stopped: free within half a minute").isEqualTo(Optional.empty());
    }
}
