package org.iepmp.lifecycle.api;

import java.util.Objects;

/**
 * One changed value at a dotted path ({@code image.tag}, {@code env[0].name}; a dot inside a
 * key is escaped as {@code \.}, like Helm's {@code --set}). {@code before}/{@code after} are
 * display text, null when absent; for a secret they are masks, never the value.
 */
public record ValueChange(String path, ChangeKind kind, String before, String after, boolean secret) {

    public ValueChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }
}
