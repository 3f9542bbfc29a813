package org.iepmp.app.gui;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.iepmp.app.gui.support.SupportViewModel;
import org.iepmp.support.HistorySupportAuditLog;
import org.iepmp.support.OneTimePasswords;
import org.iepmp.support.RemoteSupportService;
import org.iepmp.support.api.SupportAuditLog;
import org.iepmp.support.TailscaleProbe;
import org.iepmp.support.TailscaleStatusParser;
import org.iepmp.support.X11VncLauncher;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.HistoryStore;

/** Remote support: the consented screen-share session (audited in the history) and the Support section's model. */
final class SupportWiring implements AutoCloseable {

    private final RemoteSupportService sessions;
    private final SupportViewModel model;

    /**
     * @param clusterIdentity the connected cluster's identity, for the audit rows
     * @param runtimeDir where a session keeps its password file
     */
    SupportWiring(Supplier<HistoryStore> history, Supplier<String> clusterIdentity, Path runtimeDir, TaskExecutor executor,
                  SupportViewModel.BundleSource bundleSource) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "iepmp-support-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.sessions = new RemoteSupportService(new X11VncLauncher(Path.of("/usr/bin/x11vnc")),
                new OneTimePasswords(new SecureRandom()),
                new HistorySupportAuditLog(history, clusterIdentity, new Actor(System.getProperty("user.name"), null)),
                Clock.systemUTC(), timer, runtimeDir, this::sessionEnded);
        this.model = new SupportViewModel(new TailscaleProbe(TailscaleProbe.findOnPath(),
                new TailscaleStatusParser(List.of("tag:iepmp-support")), Duration.ofSeconds(5)),
                sessions, executor, Clock.systemUTC(), System.getenv().getOrDefault("DISPLAY", ""), bundleSource);
    }

    /** The service ends a session on its timer thread; the model hears of it on the FX thread. */
    private void sessionEnded(SupportAuditLog.EndReason reason) {
        Platform.runLater(() -> model.sessionEnded(reason));
    }

    SupportViewModel model() {
        return model;
    }

    /** Ends a running session (audited) before anything it needs goes away. */
    @Override
    public void close() {
        sessions.close();
    }
}
