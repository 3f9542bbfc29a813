package org.iepmp.app.gui.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.beans.property.SimpleIntegerProperty;
import org.iepmp.app.task.ManualScheduler;
import org.junit.jupiter.api.Test;

class PeriodicUpdateCheckTest {

    private final ManualScheduler timer = new ManualScheduler();
    private final SimpleIntegerProperty hours = new SimpleIntegerProperty(6);
    private final int[] checks = {0};
    private final PeriodicUpdateCheck periodic = new PeriodicUpdateCheck(timer, hours, () -> checks[0]++);

    @Test
    void checksEveryIntervalOnceStarted() {
        timer.advance(Duration.ofHours(24));
        assertThat(checks[0]).as("not started").isZero();
        periodic.start();
        timer.advance(Duration.ofHours(5));
        assertThat(checks[0]).isZero();
        timer.advance(Duration.ofHours(1));
        assertThat(checks[0]).isEqualTo(1);
        timer.advance(Duration.ofHours(12));
        assertThat(checks[0]).isEqualTo(3);
        periodic.stop();
        timer.advance(Duration.ofHours(24));
        assertThat(checks[0]).isEqualTo(3);
        assertThat(timer.waiting()).isZero();
    }

    @Test
    void aChangedIntervalRestartsTheWaitAndZeroTurnsItOff() {
        periodic.start();
        timer.advance(Duration.ofHours(5));
        hours.set(1);
        timer.advance(Duration.ofMinutes(59));
        assertThat(checks[0]).isZero();
        timer.advance(Duration.ofMinutes(1));
        assertThat(checks[0]).isEqualTo(1);
        hours.set(0);
        timer.advance(Duration.ofDays(3));
        assertThat(checks[0]).isEqualTo(1);
        assertThat(timer.waiting()).isZero();
    }
}
