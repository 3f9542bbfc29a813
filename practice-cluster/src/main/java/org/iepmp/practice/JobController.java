package org.iepmp.practice;

import static org.iepmp.practice.WorkloadObjects.jobCondition;
import static org.iepmp.practice.WorkloadObjects.ownedBy;
import static org.iepmp.practice.WorkloadObjects.phase;
import static org.iepmp.practice.WorkloadObjects.podFrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Job controller, simplified: Pods (up to the parallelism) until the completions succeed, or Failed once the
 * failures and restarts pass the backoff limit; a finished Job keeps its conditions.
 */
final class JobController {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectStore store;
    private final EventRecorder events;
    private final ControllerWrites writes;
    private final ResourceType jobs;
    private final ResourceType pods;

    JobController(ObjectStore store, EventRecorder events, ControllerWrites writes, ResourceType jobs, ResourceType pods) {
        this.store = store;
        this.events = events;
        this.writes = writes;
        this.jobs = jobs;
        this.pods = pods;
    }

    void reconcile(ObjectNode job) {
        String ns = ObjectStore.namespaceOf(job);
        JsonNode oldStatus = job.path("status");
        boolean finished = false;
        for (JsonNode c : oldStatus.path("conditions")) {
            finished |= (c.path("type").asText().equals("Complete") || c.path("type").asText().equals("Failed"))
                    && c.path("status").asText().equals("True");
        }
        List<ObjectNode> owned = store.list(pods, ns, p -> ownedBy(p, job));
        int succeeded = (int) owned.stream().filter(p -> "Succeeded".equals(phase(p))).count();
        int failed = (int) owned.stream().filter(p -> "Failed".equals(phase(p))).count()
                + owned.stream().mapToInt(WorkloadObjects::restarts).sum();
        int active = (int) owned.stream().filter(p -> !"Succeeded".equals(phase(p)) && !"Failed".equals(phase(p)))
                .count();
        String now = store.now();
        ObjectNode status = JSON.objectNode();
        status.put("startTime", oldStatus.path("startTime").asText(now));
        ArrayNode conditions = JSON.arrayNode();
        if (!finished) {
            active = progress(job, owned, conditions, status, succeeded, failed, active, now);
        } else {
            conditions = oldStatus.path("conditions").deepCopy();
            if (oldStatus.has("completionTime")) {
                status.set("completionTime", oldStatus.get("completionTime"));
            }
            active = 0;
        }
        if (!conditions.isEmpty()) {
            status.set("conditions", conditions);
        }
        if (active > 0) {
            status.put("active", active);
        }
        if (succeeded > 0) {
            status.put("succeeded", succeeded);
        }
        if (failed > 0) {
            status.put("failed", failed);
        }
        status.put("ready", (int) owned.stream().filter(WorkloadObjects::ready).count());
        writes.writeStatus(jobs, job, status);
    }

    /** A running Job: completes, fails past its backoff limit (its running pods deleted), or starts pods; returns the active count. */
    private int progress(ObjectNode job, List<ObjectNode> owned, ArrayNode conditions, ObjectNode status, int succeeded,
                         int failed, int active, String now) {
        int completions = job.path("spec").path("completions").asInt(1);
        int parallelism = job.path("spec").path("parallelism").asInt(1);
        int backoffLimit = job.path("spec").path("backoffLimit").asInt(6);
        if (succeeded >= completions) {
            conditions.add(jobCondition("Complete", null, null, now));
            status.put("completionTime", now);
            events.normal(job, "Completed", "Job completed", "job-controller", null);
            return active;
        }
        if (failed > backoffLimit) {
            conditions.add(jobCondition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff "
                    + "limit", now));
            events.warning(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit",
                    "job-controller", null);
            owned.stream().filter(p -> !"Succeeded".equals(phase(p)) && !"Failed".equals(phase(p)))
                    .forEach(p -> writes.deletePod(job, p, "job-controller"));
            return 0;
        }
        int running = active;
        for (int i = active; i < Math.min(parallelism, completions - succeeded); i++) {
            ObjectNode pod = podFrom(job, job.path("spec").path("template"), null);
            ObjectNode meta = pod.withObjectProperty("metadata");
            meta.put("generateName", ObjectStore.nameOf(job) + "-");
            meta.withObjectProperty("labels").put("batch.kubernetes.io/job-name", ObjectStore.nameOf(job));
            meta.withObjectProperty("labels").put("job-name", ObjectStore.nameOf(job));
            meta.withObjectProperty("labels").put("controller-uid", ObjectStore.uidOf(job));
            writes.createPod(job, ObjectStore.namespaceOf(job), pod, "job-controller");
            running++;
        }
        return running;
    }
}
