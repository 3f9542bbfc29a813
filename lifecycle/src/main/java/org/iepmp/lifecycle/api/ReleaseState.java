package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.Objects;

/** The release as it actually is on the cluster: latest revision, its chart version and status. {@code updatedAt} may be null. */
public record ReleaseState(int revision, String chartVersion, ReleaseStatus status, Instant updatedAt) {

    public ReleaseState {
        Objects.requireNonNull(status, "status");
    }
}
