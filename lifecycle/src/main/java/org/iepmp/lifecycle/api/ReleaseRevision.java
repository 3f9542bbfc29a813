package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.Objects;

/** One revision of a release in Helm's own history (what {@code helm history} lists); {@code description} may be null. */
public record ReleaseRevision(int revision, String chartVersion, ReleaseStatus status, Instant updatedAt, String description) {

    public ReleaseRevision {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
