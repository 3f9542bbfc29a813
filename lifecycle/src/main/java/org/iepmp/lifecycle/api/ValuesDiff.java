package org.iepmp.lifecycle.api;

import java.util.List;

/** The value changes of one step, sorted by path. */
public record ValuesDiff(List<ValueChange> changes) {

    public static final ValuesDiff NONE = new ValuesDiff(List.of());

    public ValuesDiff {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long count(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }
}
