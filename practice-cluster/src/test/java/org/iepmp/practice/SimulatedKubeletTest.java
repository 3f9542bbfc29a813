package org.iepmp.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The crash-loop back-off doubles like the kubelet's, in units of the readiness delay. */
class SimulatedKubeletTest {

    @Test
    void restartsFollowADoublingBackOff() {
        Duration unit = Duration.ofMillis(100);
        assertThat(SimulatedKubelet.restartsAfter(Duration.ZERO, unit)).isZero();
        assertThat(SimulatedKubelet.restartsAfter(Duration.ofMillis(100), unit)).isEqualTo(1);
        assertThat(SimulatedKubelet.restartsAfter(Duration.ofMillis(299), unit)).isEqualTo(1);
        assertThat(SimulatedKubelet.restartsAfter(Duration.ofMillis(300), unit)).isEqualTo(2);
        assertThat(SimulatedKubelet.restartsAfter(Duration.ofMillis(700), unit)).isEqualTo(3);
        // Capped at 30 units between restarts: one hour of 100 ms units is far fewer than 36 000 restarts.
        assertThat(SimulatedKubelet.restartsAfter(Duration.ofHours(1), unit)).isBetween(1190, 1210);
    }
}
