package org.iepmp.lifecycle.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.iepmp.lifecycle.api.PlanStep;

/**
 * A plan step with what it takes to run it: the archive from the local store, the complete values
 * (secrets in plain text: never log or show them) and the state before, to restore on failure.
 */
record PreparedStep(PlanStep step, String sourceRepository, Path archive, Map<String, Object> values, Set<String> secretPaths,
        BeforeState before) {
}
