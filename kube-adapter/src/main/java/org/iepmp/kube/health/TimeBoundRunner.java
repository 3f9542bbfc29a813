package org.iepmp.kube.health;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.cluster.KubeErrors;

/**
 * Bounds a sequence of cluster requests by one overall timeout: each fabric8 request has its own
 * timeout, but several in a row could add up. The work runs on a daemon thread; the caller gets
 * {@link KubeErrorCode#TIMEOUT} when time is up and {@link KubeErrorCode#CANCELLED} when it is
 * interrupted, and the worker is interrupted in both cases. Other failures are mapped by
 * {@link KubeErrors}.
 */
public final class TimeBoundRunner implements AutoCloseable {

    private final ExecutorService executor;
    private final String server;

    public TimeBoundRunner(String threadName, String server) {
        AtomicInteger counter = new AtomicInteger();
        this.server = server;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> T run(String what, Duration timeout, Callable<T> work) {
        Future<T> future = executor.submit(work);
        try {
            return future.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new KubeException(KubeErrorCode.TIMEOUT, what + " took longer than " + timeout, e, server, "");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new KubeException(KubeErrorCode.CANCELLED, what + " cancelled", e, server, "");
        } catch (ExecutionException e) {
            throw KubeErrors.map(e.getCause(), server);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
