package org.iepmp.support.api;

import java.time.Duration;
import java.time.Instant;

/** A running session as the banner shows it. The password is shown on screen, never logged or recorded. */
public record SupportSession(String oneTimePassword, String bindAddress, int port, boolean allowControl,
                             Instant startedAt, Instant deadline, String peer) {

    public Duration remaining(Instant now) {
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public String toString() {
        // Records print every component; keep the password out of any accidental log line.
        return "SupportSession[" + bindAddress + ":" + port + ", control=" + allowControl + ", until " + deadline + "]";
    }
}
