package org.iepmp.app.task;

import java.util.function.Consumer;

/**
 * Runs each task to completion on the calling thread, callbacks included. For view-model
 * tests: no threads, no waiting, deterministic order.
 */
public final class DirectTaskExecutor implements TaskExecutor {

    private final Consumer<Throwable> defaultFailureHandler;

    public DirectTaskExecutor(Consumer<Throwable> defaultFailureHandler) {
        this.defaultFailureHandler = defaultFailureHandler;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        boolean[] cancelled = {false};
        TaskContext context = new TaskContext() {
            @Override
            public void progress(double fraction) {
                task.progressCallback().accept(fraction);
            }

            @Override
            public void message(String text) {
                task.messageCallback().accept(text);
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        try {
            T result = task.work().run(context);
            task.successCallback().accept(result);
        } catch (Exception e) {
            (task.failureCallback() != null ? task.failureCallback() : defaultFailureHandler).accept(e);
        } finally {
            task.finishedCallback().run();
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isDone() {
                return true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
