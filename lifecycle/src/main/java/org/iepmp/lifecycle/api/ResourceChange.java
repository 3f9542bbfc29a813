package org.iepmp.lifecycle.api;

import java.util.Objects;

/** A resource the step adds, changes or removes. */
public record ResourceChange(ResourceRef resource, ChangeKind kind) {

    public ResourceChange {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(kind, "kind");
    }
}
