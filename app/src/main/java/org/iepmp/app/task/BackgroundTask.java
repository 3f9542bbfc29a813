package org.iepmp.app.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Work that must not run on the FX thread, with its callbacks. The callbacks run on the UI
 * thread of whichever {@link TaskExecutor} runs the task, so view models can update their
 * properties directly from them.
 *
 * @param <T> the result type
 */
public final class BackgroundTask<T> {

    /** The work itself; may throw anything, which ends up in {@code onFailure}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    private final Work<T> work;
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };
    private Consumer<Double> onProgress = fraction -> { };
    private Consumer<String> onMessage = text -> { };

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    public BackgroundTask<T> onSuccess(Consumer<T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Without a failure callback the executor hands the error to the dialog service. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable callback) {
        this.onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs after success, failure or cancellation. */
    public BackgroundTask<T> onFinished(Runnable callback) {
        this.onFinished = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onProgress(Consumer<Double> callback) {
        this.onProgress = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T> onMessage(Consumer<String> callback) {
        this.onMessage = Objects.requireNonNull(callback);
        return this;
    }

    Work<T> work() {
        return work;
    }

    Consumer<T> successCallback() {
        return onSuccess;
    }

    Consumer<Throwable> failureCallback() {
        return onFailure;
    }

    Runnable cancelledCallback() {
        return onCancelled;
    }

    Runnable finishedCallback() {
        return onFinished;
    }

    Consumer<Double> progressCallback() {
        return onProgress;
    }

    Consumer<String> messageCallback() {
        return onMessage;
    }
}
