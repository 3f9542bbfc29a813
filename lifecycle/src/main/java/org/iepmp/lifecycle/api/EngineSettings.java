package org.iepmp.lifecycle.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits and site facts of the engine.
 *
 * @param helmTimeout bound of one Helm install/upgrade/uninstall
 * @param callTimeout bound of one quick cluster or render call (list, status, values, template)
 * @param verifyTimeout how long a step may take to become healthy
 * @param pollInterval how often health is read while waiting
 * @param failFastAfter how long a failing state (crash loop, image pull error) must last before
 *     the wait gives up early instead of running to {@code verifyTimeout}
 * @param lockTtl how long the cluster lock lives without renewal
 * @param airGapped the site has no registry access: images missing on the nodes are a warning
 */
public record EngineSettings(
        Duration helmTimeout,
        Duration callTimeout,
        Duration verifyTimeout,
        Duration pollInterval,
        Duration failFastAfter,
        Duration lockTtl,
        boolean airGapped) {

    public EngineSettings {
        Objects.requireNonNull(helmTimeout, "helmTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(verifyTimeout, "verifyTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(failFastAfter, "failFastAfter");
        Objects.requireNonNull(lockTtl, "lockTtl");
    }

    /**
     * Renewed every third of it: a console on another computer that stopped renewing (it crashed, or lost the network) is taken
     * over after this plus the clock-skew allowance, within half a minute.
     */
    public static final Duration DEFAULT_LOCK_TTL = Duration.ofSeconds(20);

    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(2),
                Duration.ofSeconds(90), DEFAULT_LOCK_TTL, false);
    }

    public EngineSettings withVerify(Duration timeout, Duration poll, Duration failFast) {
        return new EngineSettings(helmTimeout, callTimeout, timeout, poll, failFast, lockTtl, airGapped);
    }

    public EngineSettings withAirGapped(boolean value) {
        return new EngineSettings(helmTimeout, callTimeout, verifyTimeout, pollInterval, failFastAfter, lockTtl, value);
    }
}
