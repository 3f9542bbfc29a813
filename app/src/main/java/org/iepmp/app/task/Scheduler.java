package org.iepmp.app.task;

import java.time.Duration;

/**
 * Runs an action later, on the UI thread: timers of the view models (auto-dismissed
 * notifications, the periodic update check). Tests pass a scheduler they advance by hand.
 */
@FunctionalInterface
public interface Scheduler {

    /** A scheduled action; cancelling one that already ran does nothing. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(Duration delay, Runnable action);
}
