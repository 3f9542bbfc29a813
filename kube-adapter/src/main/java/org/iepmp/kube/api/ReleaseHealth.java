package org.iepmp.kube.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The health of every workload of a release at one moment, with the recent events (newest first). */
public record ReleaseHealth(
        String release,
        String namespace,
        List<WorkloadHealth> workloads,
        List<ClusterEvent> events,
        Instant observedAt) {

    public ReleaseHealth {
        workloads = List.copyOf(workloads);
        events = List.copyOf(events);
    }

    /** The worst reason over all workloads ({@link HealthReason#NO_WORKLOADS} when there are none). */
    public HealthReason overall() {
        return workloads.stream().map(WorkloadHealth::reason)
                .max(Comparator.comparing(HealthReason::severity))
                .orElse(HealthReason.NO_WORKLOADS);
    }

    public boolean healthy() {
        return overall().severity() == HealthReason.Severity.OK;
    }

    public boolean failing() {
        return overall().severity() == HealthReason.Severity.FAILING;
    }
}
