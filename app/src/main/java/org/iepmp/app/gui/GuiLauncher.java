package org.iepmp.app.gui;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.I18n;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.lifecycle.api.EngineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the FX toolkit and the main window, and returns when the window has closed.
 * {@code Platform.startup} instead of {@code Application.launch}: the composition root is an
 * ordinary object with constructor injection, not a class the toolkit instantiates.
 */
public final class GuiLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);
    /** How long a termination signal waits for the window to close (an operation step to end) before the JVM exits. */
    private static final java.time.Duration SIGNAL_GRACE = java.time.Duration.ofSeconds(20);

    private GuiLauncher() {
    }

    /** Opens the main window once {@code toolkit} (from {@link ToolkitStart#begin}) is up; returns when the window has closed. */
    public static void launch(AppPaths paths, LaunchOptions options, I18n i18n, CompletableFuture<Void> toolkit) {
        try {
            toolkit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            LOG.error("The graphics toolkit could not be started", e.getCause());
            return;
        }
        GuiStartup startup;
        try {
            startup = GuiStartup.prepare(paths, options, Locale.getDefault(), EngineSettings.defaults());
        } catch (RuntimeException e) {
            LOG.error("The main window could not be opened", e);
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Stage> window = new java.util.concurrent.atomic.AtomicReference<>();
        new CloseOnSignal(window::get, closed, SIGNAL_GRACE).install();
        Platform.runLater(() -> {
            try {
                GuiComposition composition = new GuiComposition(startup, i18n, DiscoveryLocations.system());
                window.set(new Stage());
                composition.show(window.get(), closed::countDown);
                LOG.info("Main window shown");
            } catch (RuntimeException | Error e) {
                LOG.error("The main window could not be opened", e);
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
    }
}
