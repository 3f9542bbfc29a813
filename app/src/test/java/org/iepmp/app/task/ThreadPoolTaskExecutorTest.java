package org.iepmp.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callbacks arrive on the UI thread (here a dedicated single thread standing in for the FX thread). */
class ThreadPoolTaskExecutorTest {

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));
    private final List<Throwable> unhandled = new CopyOnWriteArrayList<>();
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(ui::execute, unhandled::add);

    @AfterEach
    void stop() {
        executor.close();
        ui.shutdownNow();
    }

    @Test
    void resultProgressAndFinishRunOnTheUiThread() throws InterruptedException {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        executor.execute(BackgroundTask.of(context -> {
            events.add("work on " + Thread.currentThread().getName().startsWith("iepmp-task"));
            context.progress(0.5);
            context.message("half");
            return 42;
        }).onProgress(p -> events.add("progress " + p + " " + Thread.currentThread().getName()))
                .onMessage(m -> events.add("message " + m))
                .onSuccess(r -> events.add("success " + r + " " + Thread.currentThread().getName()))
                .onFinished(finished::countDown));
        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("work on true", "progress 0.5 fake-ui", "message half", "success 42 fake-ui");
    }

    @Test
    void failuresWithoutHandlerGoToTheDefaultHandler() throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        executor.execute(BackgroundTask.of(context -> {
            throw new IllegalStateException("boom");
        }).onFinished(finished::countDown));
        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(unhandled).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cancelInterruptsTheWorkAndReportsCancellation() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        List<String> outcome = new CopyOnWriteArrayList<>();
        TaskHandle handle = executor.execute(BackgroundTask.of(context -> {
            started.countDown();
            Thread.sleep(60_000);
            return "never";
        }).onSuccess(r -> outcome.add("success")).onCancelled(() -> outcome.add("cancelled"))
                .onFinished(finished::countDown));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(outcome).containsExactly("cancelled");
        assertThat(handle.isCancelled()).isTrue();
        assertThat(unhandled).isEmpty();
    }
}
