package org.iepmp.app.task;

/** A running (or finished) task; cancelling a finished task does nothing. */
public interface TaskHandle {

    void cancel();

    boolean isDone();

    boolean isCancelled();
}
