package org.iepmp.lifecycle.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseHealthReader;
import org.iepmp.kube.api.WorkloadHealth;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.EngineSettings;

/**
 * Waits until every workload of a release is healthy. Gives up when the timeout passes, when a
 * failing state (crash loop, image that cannot be pulled, pod that cannot be scheduled) lasted
 * {@code failFastAfter}, or when the user cancels. Reports each changed observation.
 *
 * <p>What cannot recover by waiting ends the wait at once: an image the node failed to pull in
 * {@value #PULL_FAILURES_SEEN} observations in a row (Kubernetes retries the pull between them), a
 * container restarted {@value #CRASH_RESTARTS} times. Waiting out {@code failFastAfter} for those only
 * keeps a broken version running longer before it is restored.
 */
public final class ReleaseVerifier {

    /** How a wait ended; {@code last} is the final observation (null if none could be made). */
    enum Verdict { HEALTHY, FAILING, TIMED_OUT, CANCELLED }

    record Outcome(Verdict verdict, ReleaseHealth last) {
        /** The worst workload when not healthy. */
        Optional<WorkloadHealth> culprit() {
            if (last == null) {
                return Optional.empty();
            }
            return last.workloads().stream().filter(w -> w.reason().severity() != HealthReason.Severity.OK)
                    .max((a, b) -> a.reason().severity().compareTo(b.reason().severity()));
        }
    }

    /** Receives each observation that differs from the one before; also asked to keep the lock alive. */
    interface Observer {
        void observed(ReleaseHealth health);

        void tick();
    }

    /** Restarts after which a crashing container is not going to come up by itself. */
    static final int CRASH_RESTARTS = 3;
    /** Consecutive observations of a failed pull after which the image is taken as not obtainable. */
    static final int PULL_FAILURES_SEEN = 3;

    private final ReleaseHealthReader reader;
    private final Clock clock;
    private final EngineSettings settings;

    public ReleaseVerifier(ReleaseHealthReader reader, Clock clock, EngineSettings settings) {
        this.reader = reader;
        this.clock = clock;
        this.settings = settings;
    }

    Outcome await(String release, String namespace, CancellationSignal cancel, Observer observer) {
        Instant deadline = clock.instant().plus(settings.verifyTimeout());
        Instant failingSince = null;
        int pullFailuresSeen = 0;
        ReleaseHealth last = null;
        String lastShape = null;
        while (true) {
            if (cancel.cancelled()) {
                return new Outcome(Verdict.CANCELLED, last);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return new Outcome(Verdict.TIMED_OUT, last);
            }
            try {
                last = reader.health(release, namespace, min(left, settings.callTimeout()));
            } catch (KubeException e) {
                if (e.code() == KubeErrorCode.CANCELLED) {
                    return new Outcome(Verdict.CANCELLED, last);
                }
                if (e.code() != KubeErrorCode.TIMEOUT && e.code() != KubeErrorCode.UNREACHABLE) {
                    throw e;
                }
                // A short loss of the API server during a rollout is not a verdict; the deadline is.
            }
            if (last != null) {
                String shape = shape(last);
                if (!Objects.equals(shape, lastShape)) {
                    observer.observed(last);
                    lastShape = shape;
                }
                if (last.healthy()) {
                    return new Outcome(Verdict.HEALTHY, last);
                }
                if (last.failing()) {
                    failingSince = failingSince == null ? clock.instant() : failingSince;
                    pullFailuresSeen = pullFailing(last) ? pullFailuresSeen + 1 : 0;
                    if (pullFailuresSeen >= PULL_FAILURES_SEEN || crashedPastRestarts(last)
                            || !Duration.between(failingSince, clock.instant()).minus(settings.failFastAfter()).isNegative()) {
                        return new Outcome(Verdict.FAILING, last);
                    }
                } else {
                    failingSince = null;
                    pullFailuresSeen = 0;
                }
            }
            observer.tick();
            try {
                Thread.sleep(Math.max(1, min(settings.pollInterval(), Duration.between(clock.instant(), deadline)).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(Verdict.CANCELLED, last);
            }
        }
    }

    private static boolean pullFailing(ReleaseHealth health) {
        return health.workloads().stream().anyMatch(w -> w.reason() == HealthReason.IMAGE_PULL_FAILED);
    }

    /** A crashing workload's parameters are the workload, the container, its restart count and how it last ended. */
    static boolean crashedPastRestarts(ReleaseHealth health) {
        return health.workloads().stream().filter(w -> w.reason() == HealthReason.CRASHING && w.params().size() > 2)
                .anyMatch(w -> {
                    try {
                        return Integer.parseInt(w.params().get(2)) >= CRASH_RESTARTS;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                });
    }

    /** What a user would notice as a change: readiness counts and reasons, not timestamps. */
    private static String shape(ReleaseHealth health) {
        StringBuilder text = new StringBuilder();
        for (WorkloadHealth w : health.workloads()) {
            text.append(w.workload().display()).append(':').append(w.ready()).append('/').append(w.desired()).append(':')
                    .append(w.reason()).append(';');
        }
        return text.toString();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
