package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseHealthReader;
import org.iepmp.kube.api.WorkloadHealth;
import org.iepmp.kube.api.WorkloadRef;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.EngineSettings;
import org.junit.jupiter.api.Test;

/**
 * Which failing states end the wait at once (a crash loop past a few restarts, an image the node keeps failing to pull) and
 * which are waited out ({@code failFastAfter} is an hour here, so only those end it early).
 */
class ReleaseVerifierTest {

    private static final EngineSettings SETTINGS = new EngineSettings(Duration.ofSeconds(60), Duration.ofSeconds(5),
            Duration.ofMillis(300), Duration.ofMillis(1), Duration.ofHours(1), Duration.ofSeconds(20), false);

    /** Answers the scripted observations in turn, then the last one again. */
    private static final class Scripted implements ReleaseHealthReader {
        private final Deque<ReleaseHealth> script = new ConcurrentLinkedDeque<>();
        private ReleaseHealth last;
        int reads;

        Scripted(List<ReleaseHealth> observations) {
            script.addAll(observations);
        }

        @Override
        public ReleaseHealth health(String release, String namespace, Duration timeout) {
            reads++;
            last = script.isEmpty() ? last : script.poll();
            return last;
        }

        @Override
        public ReleaseHealth waitUntilHealthy(String release, String namespace, Duration timeout, Consumer<ReleaseHealth> progress) {
            throw new UnsupportedOperationException();
        }
    }

    private static ReleaseHealth observed(HealthReason reason, String... params) {
        return new ReleaseHealth("line", "plant", List.of(new WorkloadHealth(new WorkloadRef("Deployment", "plant", "line"), 0, 1, reason,
                List.of(params), List.of("line-1"), List.of())), List.of(), Instant.now());
    }

    private static ReleaseVerifier.Outcome await(Scripted reader) {
        List<ReleaseHealth> seen = new ArrayList<>();
        return new ReleaseVerifier(reader, Clock.systemUTC(), SETTINGS).await("line", "plant", CancellationSignal.NEVER,
                new ReleaseVerifier.Observer() {
                    @Override
                    public void observed(ReleaseHealth health) {
                        seen.add(health);
                    }

                    @Override
                    public void tick() {
                    }
                });
    }

    @Test
    void aCrashLoopPastThreeRestartsFailsAtOnce() {
        Scripted reader = new Scripted(List.of(observed(HealthReason.ROLLING_OUT), observed(HealthReason.CRASHING, "Deployment line", "line", "1", "Error"),
                observed(HealthReason.CRASHING, "Deployment line", "line", "2", "Error"), observed(HealthReason.CRASHING, "Deployment line", "line", "3", "Error")));
        ReleaseVerifier.Outcome outcome = await(reader);
        assertThat(outcome.verdict()).isEqualTo(ReleaseVerifier.Verdict.FAILING);
        assertThat(reader.reads).isEqualTo(4);
    }

    @Test
    void anImageThatFailsToPullThreeTimesInARowFailsAtOnce() {
        Scripted reader = new Scripted(List.of(observed(HealthReason.IMAGE_PULL_FAILED, "plant/line:9", "not found"),
                observed(HealthReason.ROLLING_OUT), observed(HealthReason.IMAGE_PULL_FAILED, "plant/line:9", "not found"),
                observed(HealthReason.IMAGE_PULL_FAILED, "plant/line:9", "not found"),
                observed(HealthReason.IMAGE_PULL_FAILED, "plant/line:9", "not found")));
        ReleaseVerifier.Outcome outcome = await(reader);
        assertThat(outcome.verdict()).isEqualTo(ReleaseVerifier.Verdict.FAILING);
        assertThat(reader.reads).as("the count starts again after a recovery in between").isEqualTo(5);
    }

    @Test
    void whatMayStillRecoverIsWaitedFor() {
        Scripted reader = new Scripted(List.of(observed(HealthReason.CRASHING, "Deployment line", "line", "2", "Error"),
                observed(HealthReason.PENDING_CPU, "0/1 nodes are available: 1 Insufficient cpu.")));
        assertThat(await(reader).verdict()).isEqualTo(ReleaseVerifier.Verdict.TIMED_OUT);
    }
}
