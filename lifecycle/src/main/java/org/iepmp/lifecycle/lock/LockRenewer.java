package org.iepmp.lifecycle.lock;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a held lock on a background thread while an operation runs, so a long Helm call (which
 * blocks the operation's thread) never lets the Lease go stale. The first failed renewal (taken
 * over, API server gone) stops the renewals; the operation learns of it through {@link #check()}
 * at its next step or health poll. Closing stops the thread; it does not release the lock.
 */
public final class LockRenewer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LockRenewer.class);

    private final ClusterLockHandle handle;
    private final ScheduledExecutorService timer;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    private LockRenewer(ClusterLockHandle handle, Duration interval) {
        this.handle = handle;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cluster-lock-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::renew, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts renewing {@code handle} every {@code interval} (a third of the lock's ttl leaves two chances before it goes stale). */
    public static LockRenewer start(ClusterLockHandle handle, Duration interval) {
        return new LockRenewer(handle, interval);
    }

    private void renew() {
        if (failure.get() != null) {
            return;
        }
        try {
            handle.renew();
        } catch (RuntimeException e) {
            LOG.error("Renewing the cluster lock failed; the operation will stop at its next check: {}", e.getMessage());
            failure.compareAndSet(null, e);
            timer.shutdown();
        }
    }

    /** Throws LOCK_LOST (or the renewal's own error) when a renewal failed. */
    public void check() {
        RuntimeException e = failure.get();
        if (e == null) {
            return;
        }
        if (e instanceof LifecycleException le && le.code() == LifecycleErrorCode.LOCK_LOST) {
            throw le;
        }
        throw new LifecycleException(LifecycleErrorCode.LOCK_LOST, "lock renewal failed: " + e.getMessage(), e,
                handle.holder().clusterId());
    }

    public ClusterLockHandle handle() {
        return handle;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Lock renewal thread did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
