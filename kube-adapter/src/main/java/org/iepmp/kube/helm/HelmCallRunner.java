package org.iepmp.kube.helm;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one blocking helm-java call on its own daemon thread. The native Go code cannot be
 * interrupted, so on timeout or cancellation the caller gets its typed error at once and the
 * call is abandoned: it finishes (and cleans its private files) in the background.
 */
final class HelmCallRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HelmCallRunner.class);

    private final ExecutorService executor;

    HelmCallRunner() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "helm-call-" + counter.incrementAndGet());
            // An abandoned native call must never keep the application from exiting.
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(daemons);
    }

    <T> T run(String operation, String server, Duration budget, Callable<T> call) {
        return run(operation, server, budget, call, text -> text);
    }

    /** @param shown what the user may see of Helm's text (internal paths hidden); the log keeps it all */
    <T> T run(String operation, String server, Duration budget, Callable<T> call, UnaryOperator<String> shown) {
        Future<T> future = executor.submit(call);
        try {
            return future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warn("helm {} did not finish within {}; abandoned", operation, budget);
            throw new KubeException(KubeErrorCode.TIMEOUT, "helm " + operation + " took longer than " + budget, e,
                    server, "");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new KubeException(KubeErrorCode.CANCELLED, "helm " + operation + " cancelled", e, server, "");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KubeException kube) {
                throw kube;
            }
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && !cause.getMessage().startsWith("Unable to load native library")
                    && !cause.getMessage().startsWith("No NativeLibrary")) {
                // helm-java reports every Helm error as an IllegalStateException carrying Helm's sentence.
                throw HelmErrorTranslator.translate(operation, cause.getMessage(), cause, server, shown);
            }
            throw new KubeException(KubeErrorCode.INTERNAL, "helm " + operation + " failed unexpectedly", cause,
                    server, String.valueOf(cause));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
