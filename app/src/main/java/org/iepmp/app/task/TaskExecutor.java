package org.iepmp.app.task;

/** Runs background tasks and delivers their callbacks on the UI thread. */
public interface TaskExecutor extends AutoCloseable {

    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Stops accepting work and interrupts running tasks (at application exit). */
    @Override
    void close();
}
