package org.iepmp.app.gui;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM, SIGINT and SIGHUP (a `kill`, Ctrl+C in the starting terminal, a session ending) close the
 * window the way its close button does: the window hides, which closes the composition (support session
 * ended and audited, engine sessions and their cluster lock released, the history store closed), and the
 * JVM exits only after that, or after a grace period if closing hangs. Without it the JVM ran its exit
 * while the window and a running operation carried on.
 */
final class CloseOnSignal {

    private static final Logger LOG = LoggerFactory.getLogger(CloseOnSignal.class);

    private final Supplier<Stage> window;
    private final CountDownLatch closed;
    private final Duration grace;

    CloseOnSignal(Supplier<Stage> window, CountDownLatch closed, Duration grace) {
        this.window = window;
        this.closed = closed;
        this.grace = grace;
    }

    /** Registers the close as a shutdown hook: the JVM runs it on those signals (and on a normal exit, where it has nothing to do). */
    void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAndWait, "close-window-on-signal"));
    }

    void closeAndWait() {
        if (closed.getCount() == 0) {
            return;
        }
        LOG.info("Termination signal: closing the window as its close button does");
        try {
            Platform.runLater(() -> {
                Stage stage = window.get();
                if (stage != null && stage.isShowing()) {
                    stage.hide();
                } else {
                    closed.countDown();
                }
            });
        } catch (IllegalStateException toolkitGone) {
            return;
        }
        try {
            if (!closed.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The window did not close within {} after a termination signal; exiting anyway", grace);
            } else {
                LOG.info("Window closed after a termination signal");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
