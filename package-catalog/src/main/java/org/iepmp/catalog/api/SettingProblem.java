package org.iepmp.catalog.api;

import java.util.Objects;

/**
 * One way a value breaks its definition's rules, as Glasskube checks them. {@code detail} is what
 * the rule allows (the limit, the pattern, the options joined by ", "), or empty.
 */
public record SettingProblem(Kind kind, String detail) {

    public enum Kind {
        /** A required value is missing. */
        REQUIRED,
        /** The package has no value definition of this name. */
        UNKNOWN_NAME,
        /** A number definition's value is not a whole number. */
        NOT_NUMBER,
        /** A boolean definition's value is none of Go's boolean words. */
        NOT_BOOLEAN,
        MIN,
        MAX,
        MIN_LENGTH,
        MAX_LENGTH,
        PATTERN,
        OPTION
    }

    public SettingProblem {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    static SettingProblem of(Kind kind, Object detail) {
        return new SettingProblem(kind, String.valueOf(detail));
    }
}
