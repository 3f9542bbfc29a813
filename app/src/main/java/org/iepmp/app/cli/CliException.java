package org.iepmp.app.cli;

import java.util.List;

/**
 * A failure the command line itself detects (no cluster found, bad option value, no answer to a
 * question): bundle keys for what happened and what to do, with their parameters, and whether it
 * is a usage error (exit code 2) or a failure (exit code 1). The message is English, for the log.
 */
public final class CliException extends RuntimeException {

    private final String messageKey;
    private final String hintKey;
    private final List<Object> params;
    private final boolean usage;

    private CliException(boolean usage, String messageKey, String hintKey, Object... params) {
        super(messageKey + " " + List.of(params));
        this.usage = usage;
        this.messageKey = messageKey;
        this.hintKey = hintKey;
        this.params = List.of(params);
    }

    /** Exit code 1: the command was right but could not be done. */
    public static CliException failure(String messageKey, String hintKey, Object... params) {
        return new CliException(false, messageKey, hintKey, params);
    }

    /** Exit code 2: the command line itself is wrong. */
    public static CliException usage(String messageKey, String hintKey, Object... params) {
        return new CliException(true, messageKey, hintKey, params);
    }

    public String messageKey() {
        return messageKey;
    }

    public String hintKey() {
        return hintKey;
    }

    public List<Object> params() {
        return params;
    }

    public boolean isUsage() {
        return usage;
    }
}
