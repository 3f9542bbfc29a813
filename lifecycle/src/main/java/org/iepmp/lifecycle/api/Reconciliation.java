package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the cluster showed when an interrupted operation was checked after a restart:
 * {@code sentenceKey} with {@code params} tells the user, {@code repairSuggested} says the
 * release is stuck and a repair should be offered.
 */
public record Reconciliation(String sentenceKey, List<Object> params, Instant checkedAt, boolean repairSuggested) {

    public Reconciliation {
        Objects.requireNonNull(sentenceKey, "sentenceKey");
        params = List.copyOf(params);
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
