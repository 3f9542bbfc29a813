package org.iepmp.kube.health;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rollout state of one workload object, read from its status the way {@code kubectl rollout
 * status} does: ready against desired, all replicas on the current template, and the
 * controller's own verdicts (ProgressDeadlineExceeded, Job Failed).
 */
record WorkloadStatus(int ready, int desired, boolean settled, boolean isJob, Optional<String> stuck,
        Optional<String> jobFailed, LabelSelector selector) {

    static WorkloadStatus of(Deployment d) {
        int desired = orDefault(d.getSpec().getReplicas(), 1);
        var s = d.getStatus();
        int ready = s == null ? 0 : orDefault(s.getReadyReplicas(), 0);
        boolean observed = s == null || s.getObservedGeneration() == null || d.getMetadata().getGeneration() == null
                || s.getObservedGeneration() >= d.getMetadata().getGeneration();
        boolean updated = s != null && (s.getUpdatedReplicas() == null ? ready >= desired : s.getUpdatedReplicas() >= desired);
        boolean oldGone = s == null || s.getReplicas() == null || s.getReplicas() <= desired;
        Optional<String> stuck = Optional.empty();
        if (s != null && s.getConditions() != null) {
            for (DeploymentCondition c : s.getConditions()) {
                if ("Progressing".equals(c.getType()) && "False".equals(c.getStatus())
                        && "ProgressDeadlineExceeded".equals(c.getReason())) {
                    stuck = Optional.of(Objects.toString(c.getMessage(), c.getReason()));
                }
            }
        }
        return new WorkloadStatus(ready, desired, observed && updated && oldGone && ready >= desired, false, stuck,
                Optional.empty(), d.getSpec().getSelector());
    }

    static WorkloadStatus of(StatefulSet st) {
        int desired = orDefault(st.getSpec().getReplicas(), 1);
        var s = st.getStatus();
        int ready = s == null ? 0 : orDefault(s.getReadyReplicas(), 0);
        boolean revisionDone = s == null || s.getUpdateRevision() == null || s.getCurrentRevision() == null
                || s.getUpdateRevision().equals(s.getCurrentRevision())
                || (s.getUpdatedReplicas() != null && s.getUpdatedReplicas() >= desired);
        return new WorkloadStatus(ready, desired, ready >= desired && revisionDone, false, Optional.empty(),
                Optional.empty(), st.getSpec().getSelector());
    }

    static WorkloadStatus of(DaemonSet ds) {
        var s = ds.getStatus();
        int desired = s == null ? 0 : orDefault(s.getDesiredNumberScheduled(), 0);
        int ready = s == null ? 0 : orDefault(s.getNumberReady(), 0);
        boolean updated = s == null || s.getUpdatedNumberScheduled() == null || s.getUpdatedNumberScheduled() >= desired;
        boolean observed = s != null && s.getDesiredNumberScheduled() != null;
        return new WorkloadStatus(ready, desired, observed && ready >= desired && updated, false, Optional.empty(),
                Optional.empty(), ds.getSpec().getSelector());
    }

    static WorkloadStatus of(Job job) {
        int completions = orDefault(job.getSpec().getCompletions(), 1);
        var s = job.getStatus();
        int succeeded = s == null ? 0 : orDefault(s.getSucceeded(), 0);
        Optional<String> failed = Optional.empty();
        boolean complete = succeeded >= completions;
        if (s != null && s.getConditions() != null) {
            for (JobCondition c : s.getConditions()) {
                if ("Failed".equals(c.getType()) && "True".equals(c.getStatus())) {
                    failed = Optional.of(Objects.toString(c.getMessage(), Objects.toString(c.getReason(), "")));
                }
                if ("Complete".equals(c.getType()) && "True".equals(c.getStatus())) {
                    complete = true;
                }
            }
        }
        LabelSelector selector = job.getSpec().getSelector();
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            selector = new LabelSelector(null, Map.of("job-name", job.getMetadata().getName()));
        }
        return new WorkloadStatus(succeeded, completions, complete, true, Optional.empty(), failed, selector);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
