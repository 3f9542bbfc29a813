package org.iepmp.lifecycle.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.LockHolder;
import org.junit.jupiter.api.Test;

class LockRenewerTest {

    /** A handle that counts renewals and, from {@code failFrom} on, says the lock was taken over. */
    private static final class CountingHandle implements ClusterLockHandle {
        final AtomicInteger renewals = new AtomicInteger();
        final CountDownLatch renewed;
        final int failFrom;

        CountingHandle(int expected, int failFrom) {
            this.renewed = new CountDownLatch(expected);
            this.failFrom = failFrom;
        }

        @Override
        public LockHolder holder() {
            return new LockHolder("uid-1", "me", "me", "ipc", 1, Instant.EPOCH, Instant.EPOCH, Duration.ofSeconds(3));
        }

        @Override
        public void renew() {
            int n = renewals.incrementAndGet();
            renewed.countDown();
            if (n >= failFrom) {
                throw new LifecycleException(LifecycleErrorCode.LOCK_LOST, "taken over", "kube-system/iepmp-console");
            }
        }

        @Override
        public void release() {
        }
    }

    @Test
    void renewsInTheBackgroundUntilClosed() throws InterruptedException {
        CountingHandle handle = new CountingHandle(3, Integer.MAX_VALUE);
        try (LockRenewer renewer = LockRenewer.start(handle, Duration.ofMillis(20))) {
            assertThat(handle.renewed.await(30, TimeUnit.SECONDS)).isTrue();
            renewer.check();
        }
        int afterClose = handle.renewals.get();
        Thread.sleep(100);
        assertThat(handle.renewals.get()).as("no renewal after close").isEqualTo(afterClose);
    }

    @Test
    void aFailedRenewalStopsRenewingAndIsReportedAsLockLost() throws InterruptedException {
        CountingHandle handle = new CountingHandle(2, 2);
        try (LockRenewer renewer = LockRenewer.start(handle, Duration.ofMillis(20))) {
            assertThat(handle.renewed.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 500; i++) {
                try {
                    renewer.check();
                    Thread.sleep(10);
                } catch (LifecycleException e) {
                    break;
                }
            }
            assertThatThrownBy(renewer::check).isInstanceOfSatisfying(LifecycleException.class,
                    e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.LOCK_LOST));
            int afterFailure = handle.renewals.get();
            Thread.sleep(100);
            assertThat(handle.renewals.get()).isEqualTo(afterFailure);
        }
    }
}
