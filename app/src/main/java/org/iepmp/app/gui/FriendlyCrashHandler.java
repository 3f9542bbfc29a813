package org.iepmp.app.gui;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.iepmp.app.dialog.DialogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last line of defence: logs any uncaught exception and shows one friendly dialog. A failure
 * while showing that dialog is only logged, so an error can never loop on itself.
 */
final class FriendlyCrashHandler implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FriendlyCrashHandler.class);

    private final DialogService dialogs;
    private final AtomicBoolean showing = new AtomicBoolean();

    FriendlyCrashHandler(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception on thread {}", thread.getName(), error);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        Runnable show = () -> {
            try {
                dialogs.showError(error);
            } catch (RuntimeException e) {
                LOG.error("Could not show the error dialog", e);
            } finally {
                showing.set(false);
            }
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }
}
