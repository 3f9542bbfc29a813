package org.iepmp.app.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on daemon worker threads and posts callbacks through {@link UiThread}. Failures
 * without a task-specific handler go to the default handler (the dialog service).
 */
public final class ThreadPoolTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolTaskExecutor.class);

    private final ExecutorService pool;
    private final UiThread uiThread;
    private final Consumer<Throwable> defaultFailureHandler;

    public ThreadPoolTaskExecutor(UiThread uiThread, Consumer<Throwable> defaultFailureHandler) {
        this.uiThread = uiThread;
        this.defaultFailureHandler = defaultFailureHandler;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "iepmp-task-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newCachedThreadPool(factory);
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        RunningTask<T> running = new RunningTask<>(task);
        running.future = pool.submit(running);
        return running;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private final class RunningTask<T> implements Runnable, TaskHandle, TaskContext {

        private final BackgroundTask<T> task;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Future<?> future;

        RunningTask(BackgroundTask<T> task) {
            this.task = task;
        }

        @Override
        public void run() {
            try {
                T result = task.work().run(this);
                finish(() -> {
                    if (cancelled.get()) {
                        task.cancelledCallback().run();
                    } else {
                        task.successCallback().accept(result);
                    }
                });
            } catch (CancellationException | InterruptedException e) {
                finish(task.cancelledCallback());
            } catch (Throwable e) { // everything must reach the user, Errors included
                if (cancelled.get()) {
                    finish(task.cancelledCallback());
                    return;
                }
                LOG.warn("Background task failed", e);
                Consumer<Throwable> handler = task.failureCallback() != null ? task.failureCallback() : defaultFailureHandler;
                finish(() -> handler.accept(e));
            }
        }

        private void finish(Runnable outcome) {
            done.set(true);
            uiThread.run(() -> {
                try {
                    outcome.run();
                } finally {
                    task.finishedCallback().run();
                }
            });
        }

        @Override
        public void progress(double fraction) {
            if (!cancelled.get()) {
                uiThread.run(() -> task.progressCallback().accept(fraction));
            }
        }

        @Override
        public void message(String text) {
            if (!cancelled.get()) {
                uiThread.run(() -> task.messageCallback().accept(text));
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get() || Thread.currentThread().isInterrupted();
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true) && future != null) {
                future.cancel(true);
            }
        }

        @Override
        public boolean isDone() {
            return done.get();
        }
    }
}
