package org.iepmp.app.gui.operation;

import java.util.ArrayList;
import java.util.List;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;

/**
 * Holds each task until the test runs it, then runs it on the calling thread: for answers that
 * arrive late or in another order. A cancel is recorded but, as on a busy pool, comes too late to stop the work.
 */
final class QueuedExecutor implements TaskExecutor {

    private final List<Runnable> queued = new ArrayList<>();
    private final DirectTaskExecutor direct = new DirectTaskExecutor(error -> {
        throw new AssertionError(error);
    });
    private int cancels;

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        queued.add(() -> direct.execute(task));
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancels++;
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    int waiting() {
        return queued.size();
    }

    int cancels() {
        return cancels;
    }

    /** Runs the {@code index}th task queued (0 the oldest) and forgets it. */
    void run(int index) {
        queued.remove(index).run();
    }

    @Override
    public void close() {
    }
}
