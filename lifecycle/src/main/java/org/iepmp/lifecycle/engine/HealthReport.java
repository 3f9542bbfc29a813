package org.iepmp.lifecycle.engine;

import java.util.Locale;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.WorkloadHealth;

/** The health seen while verifying a step, told as progress and step-log entries. */
final class HealthReport {

    private final RunEvents events;

    HealthReport(RunEvents events) {
        this.events = events;
    }

    void report(long stepId, int sequence, ReleaseHealth health) {
        int ready = health.workloads().stream().mapToInt(WorkloadHealth::ready).sum();
        int desired = health.workloads().stream().mapToInt(WorkloadHealth::desired).sum();
        WorkloadHealth worst = health.workloads().stream().filter(w -> w.reason().severity() != HealthReason.Severity.OK)
                .max((a, b) -> a.reason().severity().compareTo(b.reason().severity())).orElse(null);
        if (worst == null) {
            events.progress(sequence, "lifecycle.progress.podsReady", ready, desired);
            events.log(stepId, sequence, "lifecycle.log.podsReady", ready, desired);
            return;
        }
        events.progress(sequence, "lifecycle.progress.waiting", ready, desired, worst.workload().display());
        // The reason itself in kube-adapter's words (key and parameters), for the detail line.
        events.progress(sequence, worst.reason().messageKey(), worst.params().toArray());
        if (worst.lastLogLines().isEmpty()) {
            events.log(stepId, sequence, "lifecycle.log.podsWaiting", ready, desired, worst.workload().display(), reason(worst));
        } else {
            events.log(stepId, sequence, "lifecycle.log.podsWaitingWithLog", ready, desired, worst.workload().display(), reason(worst),
                    String.join(" | ", worst.lastLogLines()));
        }
    }


    /** The verification failure's reason, for the log (English, technical). */
    static String describe(WorkloadHealth w) {
        String text = w.workload().display() + ": " + reason(w);
        return w.lastLogLines().isEmpty() ? text : text + "; last log: " + String.join(" | ", w.lastLogLines());
    }

    private static String reason(WorkloadHealth w) {
        return w.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (w.params().size() > 1 ? " (" + String.join(", ", w.params().subList(1, w.params().size())) + ")" : "");
    }
}
