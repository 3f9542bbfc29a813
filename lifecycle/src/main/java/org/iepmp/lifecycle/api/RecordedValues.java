package org.iepmp.lifecycle.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Helm-style values (nested maps, lists, scalars) with the dotted paths whose values are
 * secret. The history never stores a secret in plain text: it keeps the values masked, and
 * the secrets sealed with a local key so an offline rollback can restore them.
 */
public record RecordedValues(Map<String, Object> values, Set<String> secretPaths) {

    public static final RecordedValues EMPTY = new RecordedValues(Map.of(), Set.of());

    public RecordedValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        secretPaths = Set.copyOf(secretPaths);
    }
}
