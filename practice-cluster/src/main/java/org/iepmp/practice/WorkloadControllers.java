package org.iepmp.practice;

import static org.iepmp.practice.WorkloadObjects.condition;
import static org.iepmp.practice.WorkloadObjects.copyObject;
import static org.iepmp.practice.WorkloadObjects.deleting;
import static org.iepmp.practice.WorkloadObjects.hash;
import static org.iepmp.practice.WorkloadObjects.label;
import static org.iepmp.practice.WorkloadObjects.maxUnavailable;
import static org.iepmp.practice.WorkloadObjects.ordinal;
import static org.iepmp.practice.WorkloadObjects.ownedBy;
import static org.iepmp.practice.WorkloadObjects.ownerRef;
import static org.iepmp.practice.WorkloadObjects.podFrom;
import static org.iepmp.practice.WorkloadObjects.progressingSince;
import static org.iepmp.practice.WorkloadObjects.ready;
import static org.iepmp.practice.WorkloadObjects.withSameTimes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The workload controllers of kube-controller-manager, simplified: Deployment → ReplicaSet (one per pod template,
 * named by the template hash; old ones scaled down once the new one is available) → Pods; StatefulSet → ordinal Pods
 * started in order; DaemonSet → one Pod per node; Job → Pods until the completions succeed or the backoff limit is
 * reached. Each writes the status fields real controllers write.
 */
final class WorkloadControllers {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String HASH_LABEL = "pod-template-hash";
    private static final String REVISION_LABEL = "controller-revision-hash";

    private final ObjectStore store;
    private final EventRecorder events;
    private final ControllerWrites writes;
    private final JobController jobController;
    private final ResourceType deployments;
    private final ResourceType replicaSets;
    private final ResourceType statefulSets;
    private final ResourceType daemonSets;
    private final ResourceType jobs;
    private final ResourceType pods;
    private final ResourceType nodes;

    WorkloadControllers(ResourceRegistry registry, ObjectStore store, EventRecorder events) {
        this.store = store;
        this.events = events;
        this.deployments = registry.find("apps", "v1", "deployments").orElseThrow();
        this.replicaSets = registry.find("apps", "v1", "replicasets").orElseThrow();
        this.statefulSets = registry.find("apps", "v1", "statefulsets").orElseThrow();
        this.daemonSets = registry.find("apps", "v1", "daemonsets").orElseThrow();
        this.jobs = registry.find("batch", "v1", "jobs").orElseThrow();
        this.pods = registry.find("", "v1", "pods").orElseThrow();
        this.nodes = registry.find("", "v1", "nodes").orElseThrow();
        this.writes = new ControllerWrites(store, events, pods);
        this.jobController = new JobController(store, events, writes, jobs, pods);
    }

    void reconcile() {
        store.list(deployments, null, o -> !deleting(o)).forEach(this::deployment);
        store.list(replicaSets, null, o -> !deleting(o)).forEach(this::replicaSet);
        store.list(statefulSets, null, o -> !deleting(o)).forEach(this::statefulSet);
        store.list(daemonSets, null, o -> !deleting(o)).forEach(this::daemonSet);
        store.list(jobs, null, o -> !deleting(o)).forEach(jobController::reconcile);
    }

    // ---- Deployment ----

    private void deployment(ObjectNode d) {
        String ns = ObjectStore.namespaceOf(d);
        int desired = d.path("spec").path("replicas").asInt(1);
        String hash = hash(d.path("spec").path("template"));
        ObjectNode newRs = store.list(replicaSets, ns, rs -> ownedBy(rs, d)).stream()
                .filter(rs -> hash.equals(label(rs, HASH_LABEL))).findFirst().orElse(null);
        boolean paused = d.path("spec").path("paused").asBoolean(false);
        if (newRs == null && !paused) {
            try {
                newRs = createReplicaSet(d, hash, desired);
            } catch (ApiError e) {
                return;
            }
        } else if (newRs != null && newRs.path("spec").path("replicas").asInt() != desired && !paused) {
            newRs = scale(d, newRs, desired);
        }
        String newName = newRs == null ? "" : ObjectStore.nameOf(newRs);
        int newAvailable = newRs == null ? 0 : newRs.path("status").path("availableReplicas").asInt(0);
        boolean newComplete = newRs != null && newAvailable >= desired;
        int replicas = 0;
        int ready = 0;
        int available = 0;
        for (ObjectNode rs : store.list(replicaSets, ns, rs -> ownedBy(rs, d))) {
            boolean isNew = ObjectStore.nameOf(rs).equals(newName);
            if (!isNew && newComplete && rs.path("spec").path("replicas").asInt() != 0) {
                scaleDownOld(d, rs);
            }
            replicas += rs.path("status").path("replicas").asInt(0);
            ready += rs.path("status").path("readyReplicas").asInt(0);
            available += rs.path("status").path("availableReplicas").asInt(0);
        }
        ObjectNode status = JSON.objectNode();
        status.put("observedGeneration", d.path("metadata").path("generation").asLong(1));
        status.put("replicas", replicas);
        status.put("updatedReplicas", newRs == null ? 0 : newRs.path("status").path("replicas").asInt(0));
        status.put("readyReplicas", ready);
        status.put("availableReplicas", available);
        if (replicas - available > 0) {
            status.put("unavailableReplicas", replicas - available);
        }
        writeDeploymentStatus(d, status, desired, newName, newComplete);
    }

    /** The ReplicaSet of a new template, one revision above the highest the deployment has had. */
    private ObjectNode createReplicaSet(ObjectNode d, String hash, int desired) {
        String ns = ObjectStore.namespaceOf(d);
        int maxRevision = store.list(replicaSets, ns, rs -> ownedBy(rs, d)).stream().mapToInt(rs -> rs.path("metadata")
                .path("annotations").path("deployment.kubernetes.io/revision").asInt(0)).max().orElse(0);
        ObjectNode created = store.create(replicaSets, ns, newReplicaSet(d, hash, desired, maxRevision + 1), false);
        events.normal(d, "ScalingReplicaSet", "Scaled up replica set " + ObjectStore.nameOf(d) + "-" + hash + " from 0 to "
                + desired, "deployment-controller", null);
        return created;
    }

    private ObjectNode scale(ObjectNode d, ObjectNode rs, int desired) {
        int from = rs.path("spec").path("replicas").asInt();
        ObjectNode scaled = store.mutate(replicaSets, ObjectStore.namespaceOf(d), ObjectStore.nameOf(rs), x -> {
            x.withObjectProperty("spec").put("replicas", desired);
            return x;
        }, false).orElse(rs);
        events.normal(d, "ScalingReplicaSet", "Scaled " + (desired > from ? "up" : "down") + " replica set "
                + ObjectStore.nameOf(scaled) + " from " + from + " to " + desired, "deployment-controller", null);
        return scaled;
    }

    private static ObjectNode newReplicaSet(ObjectNode d, String hash, int desired, int revision) {
        JsonNode template = d.path("spec").path("template");
        ObjectNode rs = JSON.objectNode();
        ObjectNode meta = rs.putObject("metadata");
        meta.put("name", ObjectStore.nameOf(d) + "-" + hash);
        ObjectNode labels = copyObject(template.path("metadata").path("labels"));
        labels.put(HASH_LABEL, hash);
        meta.set("labels", labels);
        ObjectNode annotations = meta.putObject("annotations");
        annotations.put("deployment.kubernetes.io/desired-replicas", Integer.toString(desired));
        annotations.put("deployment.kubernetes.io/max-replicas", Integer.toString(desired + 1));
        annotations.put("deployment.kubernetes.io/revision", Integer.toString(revision));
        meta.putArray("ownerReferences").add(ownerRef(d));
        ObjectNode spec = rs.putObject("spec");
        spec.put("replicas", desired);
        ObjectNode selector = d.path("spec").path("selector").deepCopy();
        selector.withObjectProperty("matchLabels").put(HASH_LABEL, hash);
        spec.set("selector", selector);
        ObjectNode rsTemplate = template.deepCopy();
        rsTemplate.withObjectProperty("metadata").withObjectProperty("labels").put(HASH_LABEL, hash);
        spec.set("template", rsTemplate);
        return rs;
    }

    private void scaleDownOld(ObjectNode d, ObjectNode rs) {
        int from = rs.path("spec").path("replicas").asInt();
        store.mutate(replicaSets, ObjectStore.namespaceOf(d), ObjectStore.nameOf(rs), x -> {
            x.withObjectProperty("spec").put("replicas", 0);
            return x;
        }, false);
        events.normal(d, "ScalingReplicaSet", "Scaled down replica set " + ObjectStore.nameOf(rs) + " from "
                + from + " to 0", "deployment-controller", null);
    }

    /** The counts plus the Available and Progressing conditions; an unchanged status is not written again. */
    private void writeDeploymentStatus(ObjectNode d, ObjectNode counts, int desired, String newName, boolean newComplete) {
        String now = store.now();
        store.mutate(deployments, ObjectStore.namespaceOf(d), ObjectStore.nameOf(d), x -> {
            ObjectNode status = counts.deepCopy();
            int totalAvailable = status.path("availableReplicas").asInt();
            ArrayNode conditions = status.putArray("conditions");
            JsonNode old = x.path("status").path("conditions");
            boolean availableOk = totalAvailable >= desired - maxUnavailable(x, desired);
            conditions.add(condition(old, "Available", availableOk ? "True" : "False",
                    availableOk ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    availableOk ? "Deployment has minimum availability."
                            : "Deployment does not have minimum availability.", now));
            boolean deadlineExceeded = !newComplete && progressingSince(old, now)
                    > x.path("spec").path("progressDeadlineSeconds").asLong(600);
            conditions.add(condition(old, "Progressing", deadlineExceeded ? "False" : "True",
                    deadlineExceeded ? "ProgressDeadlineExceeded"
                            : newComplete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    deadlineExceeded ? "ReplicaSet \"" + newName + "\" has timed out progressing."
                            : newComplete ? "ReplicaSet \"" + newName + "\" has successfully progressed."
                                    : "ReplicaSet \"" + newName + "\" is progressing.", now));
            if (x.path("status").equals(withSameTimes(status, x.path("status")))) {
                return null;
            }
            x.set("status", status);
            return x;
        }, true);
    }

    // ---- ReplicaSet ----

    private void replicaSet(ObjectNode rs) {
        String ns = ObjectStore.namespaceOf(rs);
        int desired = rs.path("spec").path("replicas").asInt(1);
        List<ObjectNode> owned = new ArrayList<>(store.list(pods, ns, p -> ownedBy(p, rs) && !deleting(p)));
        for (int i = owned.size(); i < desired; i++) {
            ObjectNode pod = podFrom(rs, rs.path("spec").path("template"), null);
            pod.withObjectProperty("metadata").put("generateName", ObjectStore.nameOf(rs) + "-");
            writes.createPod(rs, ns, pod, "replicaset-controller");
        }
        if (owned.size() > desired) {
            owned.sort(Comparator.comparing((ObjectNode p) -> ready(p)).thenComparing(
                    p -> p.path("metadata").path("creationTimestamp").asText(), Comparator.reverseOrder()));
            for (ObjectNode extra : owned.subList(0, owned.size() - desired)) {
                writes.deletePod(rs, extra, "replicaset-controller");
            }
        }
        List<ObjectNode> now = store.list(pods, ns, p -> ownedBy(p, rs) && !deleting(p));
        ObjectNode status = JSON.objectNode();
        status.put("replicas", now.size());
        status.put("fullyLabeledReplicas", now.size());
        status.put("readyReplicas", (int) now.stream().filter(WorkloadObjects::ready).count());
        status.put("availableReplicas", (int) now.stream().filter(WorkloadObjects::ready).count());
        status.put("observedGeneration", rs.path("metadata").path("generation").asLong(1));
        writes.writeStatus(replicaSets, rs, status);
    }

    // ---- StatefulSet ----

    private void statefulSet(ObjectNode sts) {
        String ns = ObjectStore.namespaceOf(sts);
        String name = ObjectStore.nameOf(sts);
        int desired = sts.path("spec").path("replicas").asInt(1);
        String revision = name + "-" + hash(sts.path("spec").path("template"));
        boolean parallel = "Parallel".equals(sts.path("spec").path("podManagementPolicy").asText());
        List<ObjectNode> owned = store.list(pods, ns, p -> ownedBy(p, sts));
        for (int ordinal = 0; ordinal < desired; ordinal++) {
            String podName = name + "-" + ordinal;
            ObjectNode existing = owned.stream().filter(p -> ObjectStore.nameOf(p).equals(podName)).findFirst()
                    .orElse(null);
            if (existing == null) {
                ObjectNode pod = podFrom(sts, sts.path("spec").path("template"), podName);
                pod.withObjectProperty("metadata").withObjectProperty("labels").put(REVISION_LABEL, revision);
                pod.withObjectProperty("metadata").withObjectProperty("labels").put("statefulset.kubernetes.io/pod-name", podName);
                pod.withObjectProperty("metadata").withObjectProperty("labels").put("apps.kubernetes.io/pod-index", Integer.toString(ordinal));
                pod.withObjectProperty("spec").put("hostname", podName);
                if (sts.path("spec").has("serviceName")) {
                    pod.withObjectProperty("spec").put("subdomain", sts.path("spec").path("serviceName").asText());
                }
                writes.createPod(sts, ns, pod, "statefulset-controller");
                if (!parallel) {
                    break;
                }
            } else if (!ready(existing) && !parallel) {
                break;
            }
        }
        for (ObjectNode p : owned) {
            int ordinal = ordinal(p, name);
            if (ordinal >= desired) {
                writes.deletePod(sts, p, "statefulset-controller");
            }
        }
        // Rolling update: replace the highest-ordinal pod of an old revision once every pod is ready.
        List<ObjectNode> current = store.list(pods, ns, p -> ownedBy(p, sts) && !deleting(p));
        if (current.size() == desired && current.stream().allMatch(WorkloadObjects::ready)) {
            current.stream().filter(p -> !revision.equals(label(p, REVISION_LABEL)))
                    .max(Comparator.comparingInt(p -> ordinal(p, name)))
                    .ifPresent(p -> writes.deletePod(sts, p, "statefulset-controller"));
        }
        current = store.list(pods, ns, p -> ownedBy(p, sts) && !deleting(p));
        int readyCount = (int) current.stream().filter(WorkloadObjects::ready).count();
        int updated = (int) current.stream().filter(p -> revision.equals(label(p, REVISION_LABEL))).count();
        ObjectNode status = JSON.objectNode();
        status.put("observedGeneration", sts.path("metadata").path("generation").asLong(1));
        status.put("replicas", current.size());
        status.put("readyReplicas", readyCount);
        status.put("currentReplicas", updated);
        status.put("updatedReplicas", updated);
        status.put("availableReplicas", readyCount);
        status.put("currentRevision", updated == current.size() ? revision
                : sts.path("status").path("currentRevision").asText(revision));
        status.put("updateRevision", revision);
        status.put("collisionCount", 0);
        writes.writeStatus(statefulSets, sts, status);
    }

    // ---- DaemonSet ----

    private void daemonSet(ObjectNode ds) {
        String ns = ObjectStore.namespaceOf(ds);
        String revision = hash(ds.path("spec").path("template"));
        List<ObjectNode> nodeList = store.list(nodes, null, n -> true);
        List<ObjectNode> owned = store.list(pods, ns, p -> ownedBy(p, ds) && !deleting(p));
        for (ObjectNode p : owned) {
            if (!revision.equals(label(p, REVISION_LABEL))) {
                writes.deletePod(ds, p, "daemonset-controller");
            }
        }
        for (ObjectNode node : nodeList) {
            String nodeName = ObjectStore.nameOf(node);
            boolean present = store.list(pods, ns, p -> ownedBy(p, ds) && !deleting(p)
                    && nodeName.equals(p.path("spec").path("nodeName").asText())).size() > 0;
            if (!present) {
                ObjectNode pod = podFrom(ds, ds.path("spec").path("template"), null);
                pod.withObjectProperty("metadata").put("generateName", ObjectStore.nameOf(ds) + "-");
                pod.withObjectProperty("metadata").withObjectProperty("labels").put(REVISION_LABEL, revision);
                pod.withObjectProperty("spec").put("nodeName", nodeName);
                writes.createPod(ds, ns, pod, "daemonset-controller");
            }
        }
        List<ObjectNode> current = store.list(pods, ns, p -> ownedBy(p, ds) && !deleting(p));
        int readyCount = (int) current.stream().filter(WorkloadObjects::ready).count();
        ObjectNode status = JSON.objectNode();
        status.put("currentNumberScheduled", current.size());
        status.put("desiredNumberScheduled", nodeList.size());
        status.put("numberMisscheduled", 0);
        status.put("numberReady", readyCount);
        status.put("numberAvailable", readyCount);
        if (nodeList.size() - readyCount > 0) {
            status.put("numberUnavailable", nodeList.size() - readyCount);
        }
        status.put("updatedNumberScheduled", current.size());
        status.put("observedGeneration", ds.path("metadata").path("generation").asLong(1));
        writes.writeStatus(daemonSets, ds, status);
    }


}
