package org.iepmp.app.gui.support;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.support.api.RemoteSupport;
import org.iepmp.support.api.SupportAuditLog;
import org.iepmp.support.api.SupportBundle;
import org.iepmp.support.api.SupportErrorCode;
import org.iepmp.support.api.SupportException;
import org.iepmp.support.api.SupportSession;
import org.iepmp.support.api.SupportSessionRequest;
import org.iepmp.support.api.TailnetProbe;
import org.iepmp.support.api.TailnetStatus;

/**
 * Tailnet status, the consented remote-support session and screen-share mode. The session is
 * only ever started after the technician confirmed duration and mode in the view.
 */
public final class SupportViewModel {

    private final TailnetProbe tailscale;
    private final RemoteSupport sessions;
    private final TaskExecutor executor;
    private final Clock clock;
    private final String display;

    private final ReadOnlyObjectWrapper<TailnetStatus> tailnet = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SupportSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SupportAuditLog.EndReason> lastEnd = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Duration> duration = new SimpleObjectProperty<>(SupportSessionRequest.CHOICES.get(1));
    private final BooleanProperty allowControl = new SimpleBooleanProperty(false);
    private final BooleanProperty screenShareMode = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<SupportBundle> bundle = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<java.nio.file.Path> savedBundle = new ReadOnlyObjectWrapper<>();
    private final BundleSource bundleSource;

    /** Where "Prepare bundle" gets its content. */
    @FunctionalInterface
    public interface BundleSource {
        /** Takes what the screens show now (on the FX thread) and returns the slow rest, run in the background. */
        java.util.concurrent.Callable<SupportBundle> snapshot();
    }

    public SupportViewModel(TailnetProbe tailscale, RemoteSupport sessions, TaskExecutor executor, Clock clock,
                            String display, BundleSource bundleSource) {
        this.tailscale = tailscale;
        this.bundleSource = bundleSource;
        this.sessions = sessions;
        this.executor = executor;
        this.clock = clock;
        this.display = display;
    }

    public ReadOnlyObjectProperty<TailnetStatus> tailnetProperty() {
        return tailnet.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SupportSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SupportAuditLog.EndReason> lastEndProperty() {
        return lastEnd.getReadOnlyProperty();
    }

    public ObjectProperty<Duration> durationProperty() {
        return duration;
    }

    public BooleanProperty allowControlProperty() {
        return allowControl;
    }

    /** Larger zoom, high contrast and an information strip, for a screen share. */
    public BooleanProperty screenShareModeProperty() {
        return screenShareMode;
    }

    /** The prepared bundle the technician reviews before saving; null until prepared. */
    public ReadOnlyObjectProperty<SupportBundle> bundleProperty() {
        return bundle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<java.nio.file.Path> savedBundleProperty() {
        return savedBundle.getReadOnlyProperty();
    }

    public void prepareBundle() {
        failure.set(null);
        bundle.set(null);
        savedBundle.set(null);
        java.util.concurrent.Callable<SupportBundle> work = bundleSource.snapshot();
        executor.execute(BackgroundTask.of(context -> work.call()).onSuccess(bundle::set).onFailure(failure::set));
    }

    public void saveBundle(java.nio.file.Path target) {
        SupportBundle prepared = bundle.get();
        if (prepared == null) {
            return;
        }
        executor.execute(BackgroundTask.of(context -> {
            prepared.writeZip(target);
            return target;
        }).onSuccess(savedBundle::set).onFailure(failure::set));
    }

    public Clock clock() {
        return clock;
    }

    public void refreshTailnet() {
        executor.execute(BackgroundTask.of(context -> tailscale.status()).onSuccess(tailnet::set).onFailure(failure::set));
    }

    /** Starts the session the technician confirmed: bound to this device's tailnet address only. */
    public void start() {
        failure.set(null);
        Duration chosen = duration.get();
        boolean control = allowControl.get();
        executor.execute(BackgroundTask.of(context -> {
            TailnetStatus status = tailscale.status();
            Optional<String> address = status.connected() ? status.ipv4Address() : Optional.empty();
            if (address.isEmpty()) {
                throw new SupportException(SupportErrorCode.NO_TAILNET_ADDRESS, "no tailnet address", null,
                        status.state().name());
            }
            String peer = status.onlineSupportPeers().isEmpty() ? "" : status.onlineSupportPeers().get(0).hostName();
            return sessions.start(new SupportSessionRequest(chosen, control, address.get(),
                    SupportSessionRequest.DEFAULT_PORT, display, peer));
        }).onSuccess(started -> {
            lastEnd.set(null);
            session.set(started);
        }).onFailure(failure::set));
    }

    public void endNow() {
        executor.execute(BackgroundTask.of(context -> {
            sessions.endNow();
            return null;
        }).onFailure(failure::set));
    }

    /** Time left, for the banner's countdown. */
    public Duration remaining() {
        SupportSession current = session.get();
        return current == null ? Duration.ZERO : current.remaining(clock.instant());
    }

    /** Called (on the UI thread) when the service ended the session, whatever the reason. */
    public void sessionEnded(SupportAuditLog.EndReason reason) {
        session.set(null);
        lastEnd.set(reason);
    }
}
