package org.iepmp.lifecycle.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One line of a step's log as a bundle key with its parameters: the engine says what happened, the
 * app puts it into the user's words. Parameters are texts and numbers only, so the history keeps them
 * as they were.
 */
public record StepLogEntry(String key, List<Object> params) {

    /** The key of a line kept as plain text: a tool's own output, or a log written before lines had keys. */
    public static final String TEXT_KEY = "lifecycle.log.text";

    public StepLogEntry {
        Objects.requireNonNull(key, "key");
        List<Object> kept = new ArrayList<>();
        for (Object param : params) {
            kept.add(param instanceof Number || param instanceof String ? param : String.valueOf(param == null ? "" : param));
        }
        params = List.copyOf(kept);
    }

    public static StepLogEntry of(String key, Object... params) {
        return new StepLogEntry(key, Arrays.asList(params));
    }

    /** A line that stays as it was written. */
    public static StepLogEntry text(String line) {
        return of(TEXT_KEY, line);
    }
}
