package org.iepmp.lifecycle.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.ClusterLockHeldException;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileClusterLockTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:30:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void aSecondConsoleIsToldWhoHoldsTheClusterAndSinceWhen() {
        ProcessIdentity first = new ProcessIdentity("anna", "hmi-01", 4242, "s1");
        LocalFileClusterLock lockOfFirst = new LocalFileClusterLock(dir, first, clock);
        LocalFileClusterLock lockOfSecond = new LocalFileClusterLock(dir, new ProcessIdentity("ben", "hmi-01", 4343, "s2"), clock);

        try (ClusterLockHandle held = lockOfFirst.acquire("uid-1", Duration.ofMinutes(2))) {
            assertThat(held.holder().holderIdentity()).isEqualTo("anna@hmi-01:4242/s1");
            clock.advance(Duration.ofSeconds(30));
            assertThatThrownBy(() -> lockOfSecond.acquire("uid-1", Duration.ofMinutes(2)))
                    .isInstanceOfSatisfying(ClusterLockHeldException.class, e -> {
                        assertThat(e.code()).isEqualTo(LifecycleErrorCode.LOCK_HELD);
                        assertThat(e.holder().user()).isEqualTo("anna");
                        assertThat(e.holder().pid()).isEqualTo(4242);
                        assertThat(e.holder().since()).isEqualTo(T0);
                        assertThat(e.params()).containsExactly("anna", "hmi-01", 4242L, Date.from(T0));
                    });
            // Another cluster is another lock.
            lockOfSecond.acquire("uid-2", Duration.ofMinutes(2)).release();

            clock.advance(Duration.ofSeconds(30));
            held.renew();
            assertThat(held.holder().renewedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(new HolderFile().read(dir.resolve("uid-1.holder.json"))).get()
                    .satisfies(h -> assertThat(h.renewedAt()).isEqualTo(T0.plusSeconds(60)));
        }
        try (ClusterLockHandle second = lockOfSecond.acquire("uid-1", Duration.ofMinutes(2))) {
            assertThat(second.holder().user()).isEqualTo("ben");
        }
    }

    @Test
    void aReleasedHandleCannotBeRenewed() {
        ClusterLockHandle handle = new LocalFileClusterLock(dir, ProcessIdentity.current(), clock).acquire("uid-1", Duration.ofMinutes(1));
        handle.release();
        handle.release();
        assertThatThrownBy(handle::renew)
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.LOCK_LOST));
    }

    @Test
    void clusterIdentitiesCannotEscapeTheLockFolder() {
        assertThat(LocalFileClusterLock.fileNameOf("../../etc/passwd")).doesNotContain("/").doesNotStartWith(".");
        assertThat(LocalFileClusterLock.fileNameOf("0b7c4e2a-1f0e-4c1b-9a77-3f2d5e6a7b8c")).isEqualTo("0b7c4e2a-1f0e-4c1b-9a77-3f2d5e6a7b8c");
    }

    @Test
    void anotherProcessHoldsTheLockUntilItDies() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HoldLockInAnotherProcess.class.getName(), dir.toString(), "uid-1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            Path ready = dir.resolve("ready");
            for (int i = 0; i < 300 && !Files.exists(ready) && other.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(ready).as("child log: %s", Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "")
                    .exists();
            LocalFileClusterLock mine = new LocalFileClusterLock(dir, ProcessIdentity.current(), Clock.systemUTC());
            assertThatThrownBy(() -> mine.acquire("uid-1", Duration.ofMinutes(1)))
                    .isInstanceOfSatisfying(ClusterLockHeldException.class, e -> assertThat(e.holder().pid()).isEqualTo(other.pid()));

            // A crashed console leaves its holder note behind, but the OS frees the lock itself.
            other.destroyForcibly();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(dir.resolve("uid-1.holder.json")).exists();
            try (ClusterLockHandle handle = mine.acquire("uid-1", Duration.ofMinutes(1))) {
                assertThat(handle.holder().pid()).isEqualTo(ProcessHandle.current().pid());
            }
        } finally {
            other.destroyForcibly();
        }
    }
}
