package org.iepmp.app.task;

/** Where task callbacks run: the FX application thread in the app, the calling thread in tests. */
@FunctionalInterface
public interface UiThread {

    void run(Runnable action);
}
