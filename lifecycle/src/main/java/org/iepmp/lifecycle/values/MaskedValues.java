package org.iepmp.lifecycle.values;

import java.util.Collections;
import java.util.Map;

/** Values with their secrets masked, and the secrets that were taken out, by path. */
public record MaskedValues(Map<String, Object> masked, Map<String, Object> secrets) {

    public MaskedValues {
        masked = Collections.unmodifiableMap(masked);
        secrets = Collections.unmodifiableMap(secrets);
    }
}
