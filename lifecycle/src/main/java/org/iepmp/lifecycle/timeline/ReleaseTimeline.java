package org.iepmp.lifecycle.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.iepmp.catalog.api.VersionName;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.ReleaseRevision;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.api.TimelineEntry;

/**
 * Merges the steps this console recorded for a release with Helm's own revisions, so that
 * changes made by other tools show up as outside changes. A revision belongs to a step when it
 * was written while the step ran (within {@code tolerance} for clock differences between this
 * computer and the cluster) and carries the step's target version; each pairs at most once.
 */
public final class ReleaseTimeline {

    private final Duration tolerance;

    public ReleaseTimeline(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /** Newest first. {@code now} closes the time window of a step still running or interrupted without an end. */
    public List<TimelineEntry> merge(List<StepRecord> steps, List<ReleaseRevision> revisions, Instant now) {
        List<StepRecord> unmatched = new ArrayList<>(steps);
        unmatched.sort(Comparator.comparing(StepRecord::startedAt));
        List<ReleaseRevision> ordered = new ArrayList<>(revisions);
        ordered.sort(Comparator.comparingInt(ReleaseRevision::revision));
        List<TimelineEntry> entries = new ArrayList<>();
        for (ReleaseRevision revision : ordered) {
            StepRecord step = unmatched.stream().filter(s -> wrote(s, revision, now)).findFirst().orElse(null);
            if (step == null) {
                entries.add(new TimelineEntry(revision.updatedAt(), TimelineEntry.Kind.OUTSIDE_CHANGE, revision.revision(),
                        revision.chartVersion(), revision.status(), null, null, null, null));
            } else {
                unmatched.remove(step);
                entries.add(new TimelineEntry(revision.updatedAt(), TimelineEntry.Kind.RECORDED, revision.revision(),
                        revision.chartVersion(), revision.status(), step.id(), step.operationId(), step.action(), step.outcome()));
            }
        }
        for (StepRecord step : unmatched) {
            entries.add(new TimelineEntry(step.startedAt(), TimelineEntry.Kind.RECORDED_ONLY, null, step.toVersion(), null, step.id(),
                    step.operationId(), step.action(), step.outcome()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    private boolean wrote(StepRecord step, ReleaseRevision revision, Instant now) {
        if (step.action() == OperationAction.UNINSTALL || step.action() == OperationAction.AUDIT) {
            return false;
        }
        Instant from = step.startedAt().minus(tolerance);
        Instant to = (step.endedAt() == null ? now : step.endedAt()).plus(tolerance);
        boolean inWindow = !revision.updatedAt().isBefore(from) && !revision.updatedAt().isAfter(to);
        return inWindow && (step.toVersion() == null || VersionName.same(step.toVersion(), revision.chartVersion()));
    }
}
