package org.iepmp.app.task;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Scheduler} on one daemon timer thread that hands each action to the UI thread. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private final ScheduledExecutorService timer;
    private final UiThread uiThread;

    public ExecutorScheduler(UiThread uiThread) {
        this.uiThread = uiThread;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "iepmp-ui-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
        ScheduledFuture<?> future = timer.schedule(() -> uiThread.run(action), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
