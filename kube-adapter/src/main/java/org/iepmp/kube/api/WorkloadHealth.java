package org.iepmp.kube.api;

import java.util.List;
import java.util.Objects;

/**
 * One workload's state: ready and desired replicas (completions for a Job), the reason with its
 * parameters (see {@link HealthReason}), the pods it owns and, when a container is crashing,
 * the last lines of its log.
 */
public record WorkloadHealth(
        WorkloadRef workload,
        int ready,
        int desired,
        HealthReason reason,
        List<String> params,
        List<String> pods,
        List<String> lastLogLines) {

    public WorkloadHealth {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(reason, "reason");
        params = List.copyOf(params);
        pods = List.copyOf(pods);
        lastLogLines = List.copyOf(lastLogLines);
    }
}
