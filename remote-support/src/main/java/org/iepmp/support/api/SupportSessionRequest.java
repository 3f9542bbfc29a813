package org.iepmp.support.api;

import java.time.Duration;
import java.util.List;

/**
 * What the technician agreed to: how long, whether the vendor may control the screen, and the
 * tailnet address the server may listen on (never 0.0.0.0, never the plant LAN).
 */
public record SupportSessionRequest(Duration duration, boolean allowControl, String bindAddress, int port,
                                    String display, String peer) {

    /** The durations the technician can choose from. */
    public static final List<Duration> CHOICES = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofMinutes(60), Duration.ofMinutes(120));

    public static final int DEFAULT_PORT = 5900;
}
