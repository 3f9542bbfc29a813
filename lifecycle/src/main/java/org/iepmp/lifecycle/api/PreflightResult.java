package org.iepmp.lifecycle.api;

import java.util.List;
import java.util.Objects;

/**
 * The result of one preflight check: {@code checkId} names the check (stable, for logs and
 * history), {@code messageKey} is the sentence the user reads, with {@code params}.
 */
public record PreflightResult(String checkId, PreflightStatus status, String messageKey, List<Object> params) {

    public PreflightResult {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(messageKey, "messageKey");
        params = List.copyOf(params);
    }

    public boolean blocks() {
        return status == PreflightStatus.FAIL;
    }
}
