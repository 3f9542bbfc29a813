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
 * JVM exits only after that, or after a grace period if closing hangs. The signals are taken over from the
 * JVM (sun.misc.Signal, the one way Java offers): left to its default handling, the JVM began its exit, whose
 * shutdown hooks include the toolkit's own, so the window could no longer be closed in order.
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

    /** Takes over SIGTERM, SIGINT and SIGHUP; a signal the JVM keeps for itself (under -Xrs, say) keeps its default. */
    void install() {
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name),
                        signal -> onSignal(signal.getName(), 128 + signal.getNumber()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.debug("SIG{} stays with the JVM: {}", name, e.getMessage());
            }
        }
    }

    /** On the signal's own thread, which must not block: the close runs on a thread of its own. */
    private void onSignal(String name, int exitStatus) {
        Thread closing = new Thread(() -> {
            LOG.info("SIG{} received", name);
            if (!closeAndWait()) {
                System.exit(exitStatus);
            }
        }, "close-window-on-signal");
        closing.setDaemon(true);
        closing.start();
    }

    /** @return whether the window closed (the launcher then ends the process as after the close button) */
    boolean closeAndWait() {
        if (closed.getCount() == 0) {
            return true;
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
            return false;
        }
        try {
            if (!closed.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The window did not close within {} after a termination signal; exiting anyway", grace);
                return false;
            }
            LOG.info("Window closed after a termination signal");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
