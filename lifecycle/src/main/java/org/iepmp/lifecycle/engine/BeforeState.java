package org.iepmp.lifecycle.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What a release was before a step: its version, and the archive (in the local store) and values
 * to restore it. {@code installed} false: there was no release, so restoring means removing it.
 * {@code digest}/{@code archive} are null when neither the history nor the catalog had the archive
 * (then the step cannot be undone automatically).
 */
record BeforeState(boolean installed, String version, String digest, Path archive, Map<String, Object> values,
        Set<String> secretPaths) {

    static final BeforeState ABSENT = new BeforeState(false, null, null, null, Map.of(), Set.of());

    boolean restorable() {
        return !installed || archive != null;
    }
}
