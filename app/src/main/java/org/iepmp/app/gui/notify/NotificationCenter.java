package org.iepmp.app.gui.notify;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.task.Scheduler;
import org.iepmp.app.task.UiThread;

/**
 * The notices on screen, oldest first: at most {@link #MAX_SHOWN} (the oldest gives way), each
 * dismissed by its close button or after its lifetime. A notice the user is reading — pointer
 * over it or keyboard focus in it — is held and does not disappear under them.
 */
public final class NotificationCenter implements Notifier {

    public static final int MAX_SHOWN = 3;

    /** One notice on screen; {@code id} tells two equal notices apart. */
    public record Entry(long id, Notice notice) {
    }

    private final UiThread uiThread;
    private final Scheduler scheduler;
    private final Duration lifetime;
    private final ObservableList<Entry> shown = FXCollections.observableArrayList();
    /** One wrapper for every reader: it listens to {@link #shown} weakly, so it must live as long as the center. */
    private final ObservableList<Entry> shownView = FXCollections.unmodifiableObservableList(shown);
    private final Map<Long, Scheduler.Scheduled> timers = new HashMap<>();
    private long nextId;

    public NotificationCenter(UiThread uiThread, Scheduler scheduler, Duration lifetime) {
        this.uiThread = uiThread;
        this.scheduler = scheduler;
        this.lifetime = lifetime;
    }

    public ObservableList<Entry> shown() {
        return shownView;
    }

    @Override
    public void notify(Notice notice) {
        uiThread.run(() -> add(notice));
    }

    private void add(Notice notice) {
        Entry entry = new Entry(++nextId, notice);
        shown.add(entry);
        while (shown.size() > MAX_SHOWN) {
            dismiss(shown.get(0));
        }
        startTimer(entry);
    }

    public void dismiss(Entry entry) {
        Scheduler.Scheduled timer = timers.remove(entry.id());
        if (timer != null) {
            timer.cancel();
        }
        shown.remove(entry);
    }

    /** Runs the notice's action, then dismisses it. */
    public void act(Entry entry) {
        dismiss(entry);
        entry.notice().action().ifPresent(action -> action.run().run());
    }

    /** The user is reading it: keep it until {@link #release}. */
    public void hold(Entry entry) {
        Scheduler.Scheduled timer = timers.remove(entry.id());
        if (timer != null) {
            timer.cancel();
        }
    }

    /** The user looked away: it disappears after a full lifetime from now. */
    public void release(Entry entry) {
        if (shown.contains(entry) && !timers.containsKey(entry.id())) {
            startTimer(entry);
        }
    }

    private void startTimer(Entry entry) {
        timers.put(entry.id(), scheduler.schedule(lifetime, () -> {
            timers.remove(entry.id());
            shown.remove(entry);
        }));
    }
}
