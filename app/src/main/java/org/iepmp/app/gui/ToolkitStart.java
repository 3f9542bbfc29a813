package org.iepmp.app.gui;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/**
 * Starts the FX toolkit on a thread of its own, so that it comes up while the launcher parses
 * options, loads the bundles and sets up logging: on a two-core IPC this overlap is a good part
 * of the time to the first window. {@link GuiLauncher#launch} waits for it. Deliberately without
 * a logger: touching SLF4J here would initialise the logging backend before the toolkit starts.
 */
public final class ToolkitStart {

    private ToolkitStart() {
    }

    public static CompletableFuture<Void> begin() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Platform.setImplicitExit(false);
                Platform.startup(() -> started.complete(null));
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "iepmp-fx-start");
        thread.setDaemon(true);
        thread.start();
        return started;
    }
}
