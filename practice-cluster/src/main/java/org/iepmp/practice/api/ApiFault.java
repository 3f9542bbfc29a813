package org.iepmp.practice.api;

import java.time.Duration;

/**
 * A scripted API failure, for testing how clients handle a misbehaving server: requests whose method matches (null:
 * any) and whose path contains {@code pathContains} are delayed by {@code delay} and, when {@code code} is not 0,
 * answered with a Status of that code and reason instead of being served — {@code times} times, then the fault is
 * spent.
 */
public record ApiFault(String method, String pathContains, int code, String reason, Duration delay, int times) {

    public ApiFault {
        delay = delay == null ? Duration.ZERO : delay;
        reason = reason == null ? "" : reason;
    }

    /** Answers matching requests with {@code code} (e.g. 401 Unauthorized, 403 Forbidden, 500 InternalError). */
    public static ApiFault status(String method, String pathContains, int code, String reason, int times) {
        return new ApiFault(method, pathContains, code, reason, Duration.ZERO, times);
    }

    /** Holds matching requests for {@code delay} before serving them normally (a slow or hanging server). */
    public static ApiFault slow(String method, String pathContains, Duration delay, int times) {
        return new ApiFault(method, pathContains, 0, "", delay, times);
    }

    public boolean matches(String requestMethod, String path) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && path.contains(pathContains);
    }
}
