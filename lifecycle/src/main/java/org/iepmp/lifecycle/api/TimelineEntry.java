package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a release's history as the UI shows it: a step this console recorded, a Helm
 * revision, or both matched together. Revision fields are null for {@link Kind#RECORDED_ONLY},
 * step fields null for {@link Kind#OUTSIDE_CHANGE}.
 */
public record TimelineEntry(
        Instant at,
        Kind kind,
        Integer revision,
        String chartVersion,
        ReleaseStatus status,
        Long stepId,
        Long operationId,
        OperationAction action,
        OperationOutcome outcome) {

    public enum Kind {
        /** A recorded step and the Helm revision it wrote. */
        RECORDED,
        /** A recorded step with no revision: it failed before Helm wrote one, or Helm pruned old revisions. */
        RECORDED_ONLY,
        /** A Helm revision no recorded step explains: made by another tool (helm CLI, another console, GitOps). */
        OUTSIDE_CHANGE
    }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
