package org.iepmp.app.gui.updates;

import java.time.Duration;
import javafx.beans.value.ObservableValue;
import org.iepmp.app.task.Scheduler;

/**
 * Runs the update check every {@code interval} hours (from Settings); a changed interval
 * restarts the wait. Zero or less means no periodic check.
 */
public final class PeriodicUpdateCheck {

    private final Scheduler scheduler;
    private final ObservableValue<? extends Number> intervalHours;
    private final Runnable check;
    private Scheduler.Scheduled next;
    private boolean started;

    public PeriodicUpdateCheck(Scheduler scheduler, ObservableValue<? extends Number> intervalHours, Runnable check) {
        this.scheduler = scheduler;
        this.intervalHours = intervalHours;
        this.check = check;
        intervalHours.addListener((obs, old, value) -> {
            if (started) {
                planNext();
            }
        });
    }

    public void start() {
        started = true;
        planNext();
    }

    public void stop() {
        started = false;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void planNext() {
        if (next != null) {
            next.cancel();
            next = null;
        }
        Number hours = intervalHours.getValue();
        if (hours == null || hours.intValue() <= 0) {
            return;
        }
        next = scheduler.schedule(Duration.ofHours(hours.intValue()), () -> {
            next = null;
            check.run();
            if (started) {
                planNext();
            }
        });
    }
}
