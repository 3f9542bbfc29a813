package org.iepmp.lifecycle.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.ClusterLockHeldException;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lease logic against an in-memory Lease that enforces resourceVersions like the API server does. */
class LeaseClusterLockTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:30:00Z");
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryLease lease = new InMemoryLease();
    private final ProcessIdentity laptop = new ProcessIdentity("vendor", "laptop", 100, "a");
    private final ProcessIdentity hmi = new ProcessIdentity("anna", "hmi-01", 200, "b");

    private LeaseClusterLock lockOf(ProcessIdentity who) {
        return new LeaseClusterLock(cluster -> lease, who, clock, SKEW);
    }

    @Test
    void theHolderKeepsTheClusterWhileItRenewsAndOthersAreToldWho() {
        ClusterLockHandle held = lockOf(laptop).acquire("uid-1", TTL);
        clock.advance(Duration.ofSeconds(50));
        held.renew();
        clock.advance(Duration.ofSeconds(50));
        assertThatThrownBy(() -> lockOf(hmi).acquire("uid-1", TTL)).isInstanceOfSatisfying(ClusterLockHeldException.class, e -> {
            assertThat(e.holder().user()).isEqualTo("vendor");
            assertThat(e.holder().host()).isEqualTo("laptop");
            assertThat(e.holder().pid()).isEqualTo(100);
            assertThat(e.holder().since()).isEqualTo(T0);
            assertThat(e.holder().renewedAt()).isEqualTo(T0.plusSeconds(50));
        });
        held.release();
        assertThat(lease.current.holderIdentity()).isNull();
        lockOf(hmi).acquire("uid-1", TTL);
        assertThat(lease.current.holderIdentity()).isEqualTo(hmi.holderIdentity());
        assertThat(lease.current.transitions()).isEqualTo(1);
    }

    @Test
    void aStaleLeaseIsTakenOverOnlyAfterItsDurationAndTheSkewAllowance() {
        ClusterLockHandle crashed = lockOf(laptop).acquire("uid-1", TTL);
        clock.advance(TTL.plus(SKEW));
        assertThatThrownBy(() -> lockOf(hmi).acquire("uid-1", TTL)).isInstanceOf(ClusterLockHeldException.class);
        clock.advance(Duration.ofSeconds(1));
        ClusterLockHandle taken = lockOf(hmi).acquire("uid-1", TTL);
        assertThat(taken.holder().user()).isEqualTo("anna");
        assertThat(lease.current.transitions()).isEqualTo(1);
        // The old holder comes back from a network break: it must notice, not carry on.
        assertThatThrownBy(crashed::renew)
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.LOCK_LOST));
        crashed.release();
        assertThat(lease.current.holderIdentity()).isEqualTo(hmi.holderIdentity());
    }

    @Test
    void aLostRaceIsRetriedAndTheWinnerIsReported() {
        lockOf(laptop).acquire("uid-1", TTL).release();
        // Between our read and our write, the HMI takes the lease.
        lease.beforeNextWrite = () -> lease.current = new LeaseSnapshot(hmi.holderIdentity(), clock.instant(), clock.instant(), TTL, 2,
                java.util.Map.of("user", "anna", "host", "hmi-01", "pid", "200"), lease.nextVersion());
        assertThatThrownBy(() -> lockOf(laptop).acquire("uid-1", TTL))
                .isInstanceOfSatisfying(ClusterLockHeldException.class, e -> assertThat(e.holder().user()).isEqualTo("anna"));
    }

    @Test
    void anUnreachableClusterIsATypedError() {
        lease.unreachable = true;
        assertThatThrownBy(() -> lockOf(laptop).acquire("uid-1", TTL)).isInstanceOfSatisfying(LifecycleException.class, e -> {
            assertThat(e.code()).isEqualTo(LifecycleErrorCode.LOCK_UNAVAILABLE);
            assertThat(e.params()).containsExactly("kube-system/iepmp-console");
        });
    }

    @Test
    void layeredLocksReleaseTheLocalLockWhenTheLeaseRefuses(@TempDir Path dir) {
        lockOf(hmi).acquire("uid-1", TTL);
        LayeredClusterLock layered = new LayeredClusterLock(List.of(new LocalFileClusterLock(dir, laptop, clock), lockOf(laptop)));
        assertThatThrownBy(() -> layered.acquire("uid-1", TTL)).isInstanceOf(ClusterLockHeldException.class);
        new LocalFileClusterLock(dir, laptop, clock).acquire("uid-1", TTL).release();

        clock.advance(Duration.ofMinutes(5));
        try (ClusterLockHandle both = layered.acquire("uid-1", TTL)) {
            assertThat(both.holder().host()).isEqualTo("laptop");
            assertThatThrownBy(() -> new LocalFileClusterLock(dir, hmi, clock).acquire("uid-1", TTL))
                    .isInstanceOf(ClusterLockHeldException.class);
        }
        assertThat(lease.current.holderIdentity()).isNull();
    }

    /** One Lease object with resourceVersion checks, as the API server keeps it. */
    static final class InMemoryLease implements LeaseClient {
        LeaseSnapshot current;
        int version;
        boolean unreachable;
        Runnable beforeNextWrite;

        String nextVersion() {
            return Integer.toString(++version);
        }

        @Override
        public String name() {
            return "kube-system/iepmp-console";
        }

        @Override
        public Optional<LeaseSnapshot> read() {
            check();
            return Optional.ofNullable(current);
        }

        @Override
        public boolean create(LeaseSnapshot lease) {
            check();
            interfere();
            if (current != null) {
                return false;
            }
            current = withVersion(lease);
            return true;
        }

        @Override
        public boolean replace(LeaseSnapshot lease) {
            check();
            interfere();
            if (current == null || !current.resourceVersion().equals(lease.resourceVersion())) {
                return false;
            }
            current = withVersion(lease);
            return true;
        }

        private void interfere() {
            if (beforeNextWrite != null) {
                beforeNextWrite.run();
            }
        }

        private LeaseSnapshot withVersion(LeaseSnapshot lease) {
            return new LeaseSnapshot(lease.holderIdentity(), lease.acquireTime(), lease.renewTime(), lease.leaseDuration(),
                    lease.transitions(), lease.holderDetails(), nextVersion());
        }

        private void check() {
            if (unreachable) {
                throw new IllegalStateException("connect timed out");
            }
        }
    }
}
