package org.iepmp.kube.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the console knows about a connected cluster. {@code identity} is the UID of the
 * {@code kube-system} namespace: stable for the life of the cluster, so history rows of
 * different IPCs stay apart. {@code clockSkew} is server time minus local time, when the
 * server sent a Date header.
 */
public record ClusterFacts(
        String serverVersion,
        String platform,
        String identity,
        List<NodeFacts> nodes,
        Instant observedAt,
        Optional<Duration> clockSkew) {

    /** Beyond this, TLS certificates and token expiry start to misbehave; preflight warns. */
    public static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofSeconds(30);

    public ClusterFacts {
        nodes = List.copyOf(nodes);
        clockSkew = clockSkew == null ? Optional.empty() : clockSkew;
    }

    public long readyNodes() {
        return nodes.stream().filter(NodeFacts::ready).count();
    }

    public boolean clockSkewTooLarge() {
        return clockSkew.map(skew -> skew.abs().compareTo(CLOCK_SKEW_TOLERANCE) > 0).orElse(false);
    }
}
