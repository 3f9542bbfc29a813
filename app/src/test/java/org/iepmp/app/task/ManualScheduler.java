package org.iepmp.app.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} for tests: time moves only when the test calls {@link #advance}. */
public final class ManualScheduler implements Scheduler {

    private final class Entry implements Scheduled {
        final Duration due;
        final Runnable action;
        boolean cancelled;

        Entry(Duration due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Entry> pending = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
        Entry entry = new Entry(now.plus(delay), action);
        pending.add(entry);
        return entry;
    }

    /** Runs, in order of their due time, every action due within {@code by}. */
    public void advance(Duration by) {
        Duration until = now.plus(by);
        while (true) {
            Entry next = pending.stream().filter(e -> !e.cancelled && e.due.compareTo(until) <= 0)
                    .min(Comparator.comparing(e -> e.due)).orElse(null);
            if (next == null) {
                break;
            }
            pending.remove(next);
            now = next.due;
            next.action.run();
        }
        now = until;
        pending.removeIf(e -> e.cancelled);
    }

    /** Actions waiting, not cancelled. */
    public long waiting() {
        return pending.stream().filter(e -> !e.cancelled).count();
    }
}
