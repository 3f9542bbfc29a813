package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    }

    void reconcile() {
        store.list(deployments, null, o -> !deleting(o)).forEach(this::deployment);
        store.list(replicaSets, null, o -> !deleting(o)).forEach(this::replicaSet);
        store.list(statefulSets, null, o -> !deleting(o)).forEach(this::statefulSet);
        store.list(daemonSets, null, o -> !deleting(o)).forEach(this::daemonSet);
        store.list(jobs, null, o -> !deleting(o)).forEach(this::job);
    }

    // ---- Deployment ----

    private void deployment(ObjectNode d) {
        String ns = ObjectStore.namespaceOf(d);
        String name = ObjectStore.nameOf(d);
        JsonNode template = d.path("spec").path("template");
        String hash = hash(template);
        int desired = d.path("spec").path("replicas").asInt(1);
        List<ObjectNode> owned = store.list(replicaSets, ns, rs -> ownedBy(rs, d));
        ObjectNode newRs = owned.stream().filter(rs -> hash.equals(label(rs, HASH_LABEL))).findFirst().orElse(null);
        int maxRevision = owned.stream().mapToInt(rs -> rs.path("metadata").path("annotations")
                .path("deployment.kubernetes.io/revision").asInt(0)).max().orElse(0);
        boolean paused = d.path("spec").path("paused").asBoolean(false);
        if (newRs == null && !paused) {
            ObjectNode rs = JSON.objectNode();
            ObjectNode meta = rs.putObject("metadata");
            meta.put("name", name + "-" + hash);
            ObjectNode labels = copyObject(template.path("metadata").path("labels"));
            labels.put(HASH_LABEL, hash);
            meta.set("labels", labels);
            ObjectNode annotations = meta.putObject("annotations");
            annotations.put("deployment.kubernetes.io/desired-replicas", Integer.toString(desired));
            annotations.put("deployment.kubernetes.io/max-replicas", Integer.toString(desired + 1));
            annotations.put("deployment.kubernetes.io/revision", Integer.toString(maxRevision + 1));
            meta.putArray("ownerReferences").add(ownerRef(d));
            ObjectNode spec = rs.putObject("spec");
            spec.put("replicas", desired);
            ObjectNode selector = d.path("spec").path("selector").deepCopy();
            selector.withObjectProperty("matchLabels").put(HASH_LABEL, hash);
            spec.set("selector", selector);
            ObjectNode rsTemplate = template.deepCopy();
            rsTemplate.withObjectProperty("metadata").withObjectProperty("labels").put(HASH_LABEL, hash);
            spec.set("template", rsTemplate);
            try {
                newRs = store.create(replicaSets, ns, rs, false);
                events.normal(d, "ScalingReplicaSet", "Scaled up replica set " + name + "-" + hash + " from 0 to "
                        + desired, "deployment-controller", null);
            } catch (ApiError e) {
                return;
            }
        } else if (newRs != null && newRs.path("spec").path("replicas").asInt() != desired && !paused) {
            int from = newRs.path("spec").path("replicas").asInt();
            newRs = store.mutate(replicaSets, ns, ObjectStore.nameOf(newRs), rs -> {
                rs.withObjectProperty("spec").put("replicas", desired);
                return rs;
            }, false).orElse(newRs);
            events.normal(d, "ScalingReplicaSet", "Scaled " + (desired > from ? "up" : "down") + " replica set "
                    + ObjectStore.nameOf(newRs) + " from " + from + " to " + desired, "deployment-controller", null);
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
                int from = rs.path("spec").path("replicas").asInt();
                store.mutate(replicaSets, ns, ObjectStore.nameOf(rs), x -> {
                    x.withObjectProperty("spec").put("replicas", 0);
                    return x;
                }, false);
                events.normal(d, "ScalingReplicaSet", "Scaled down replica set " + ObjectStore.nameOf(rs) + " from "
                        + from + " to 0", "deployment-controller", null);
            }
            replicas += rs.path("status").path("replicas").asInt(0);
            ready += rs.path("status").path("readyReplicas").asInt(0);
            available += rs.path("status").path("availableReplicas").asInt(0);
        }
        int updated = newRs == null ? 0 : newRs.path("status").path("replicas").asInt(0);
        long generation = d.path("metadata").path("generation").asLong(1);
        int totalReplicas = replicas;
        int totalReady = ready;
        int totalAvailable = available;
        String now = store.now();
        store.mutate(deployments, ns, name, x -> {
            ObjectNode status = JSON.objectNode();
            status.put("observedGeneration", generation);
            status.put("replicas", totalReplicas);
            status.put("updatedReplicas", updated);
            status.put("readyReplicas", totalReady);
            status.put("availableReplicas", totalAvailable);
            if (totalReplicas - totalAvailable > 0) {
                status.put("unavailableReplicas", totalReplicas - totalAvailable);
            }
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

    private static int maxUnavailable(JsonNode d, int desired) {
        JsonNode value = d.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable");
        if (value.isInt()) {
            return value.asInt();
        }
        String text = value.asText("25%");
        if (text.endsWith("%")) {
            return (int) Math.floor(desired * Integer.parseInt(text.substring(0, text.length() - 1)) / 100.0);
        }
        return Integer.parseInt(text);
    }

    private static long progressingSince(JsonNode conditions, String now) {
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals("Progressing") && c.path("reason").asText().equals("ReplicaSetUpdated")) {
                return java.time.Duration.between(java.time.Instant.parse(c.path("lastTransitionTime").asText(now)),
                        java.time.Instant.parse(now)).toSeconds();
            }
        }
        return 0;
    }

    /** A condition keeps its transition time while its status stays the same, as controllers do. */
    private static ObjectNode condition(JsonNode old, String type, String status, String reason, String message,
            String now) {
        ObjectNode c = JSON.objectNode();
        c.put("type", type);
        c.put("status", status);
        String transition = now;
        String update = now;
        for (JsonNode o : old) {
            if (o.path("type").asText().equals(type) && o.path("status").asText().equals(status)) {
                transition = o.path("lastTransitionTime").asText(now);
                if (o.path("reason").asText().equals(reason)) {
                    update = o.path("lastUpdateTime").asText(now);
                }
            }
        }
        c.put("lastUpdateTime", update);
        c.put("lastTransitionTime", transition);
        c.put("reason", reason);
        c.put("message", message);
        return c;
    }

    /** Status equality ignoring timestamps, so an unchanged status is not rewritten (no resourceVersion churn). */
    private static JsonNode withSameTimes(ObjectNode status, JsonNode old) {
        ObjectNode copy = status.deepCopy();
        for (JsonNode c : copy.path("conditions")) {
            for (JsonNode o : old.path("conditions")) {
                if (o.path("type").equals(c.path("type"))) {
                    ((ObjectNode) c).set("lastUpdateTime", o.get("lastUpdateTime"));
                    ((ObjectNode) c).set("lastTransitionTime", o.get("lastTransitionTime"));
                }
            }
        }
        return copy;
    }

    // ---- ReplicaSet ----

    private void replicaSet(ObjectNode rs) {
        String ns = ObjectStore.namespaceOf(rs);
        int desired = rs.path("spec").path("replicas").asInt(1);
        List<ObjectNode> owned = new ArrayList<>(store.list(pods, ns, p -> ownedBy(p, rs) && !deleting(p)));
        for (int i = owned.size(); i < desired; i++) {
            ObjectNode pod = podFrom(rs, rs.path("spec").path("template"), null);
            pod.withObjectProperty("metadata").put("generateName", ObjectStore.nameOf(rs) + "-");
            createPod(rs, ns, pod, "replicaset-controller");
        }
        if (owned.size() > desired) {
            owned.sort(Comparator.comparing((ObjectNode p) -> ready(p)).thenComparing(
                    p -> p.path("metadata").path("creationTimestamp").asText(), Comparator.reverseOrder()));
            for (ObjectNode extra : owned.subList(0, owned.size() - desired)) {
                deletePod(rs, extra, "replicaset-controller");
            }
        }
        List<ObjectNode> now = store.list(pods, ns, p -> ownedBy(p, rs) && !deleting(p));
        ObjectNode status = JSON.objectNode();
        status.put("replicas", now.size());
        status.put("fullyLabeledReplicas", now.size());
        status.put("readyReplicas", (int) now.stream().filter(WorkloadControllers::ready).count());
        status.put("availableReplicas", (int) now.stream().filter(WorkloadControllers::ready).count());
        status.put("observedGeneration", rs.path("metadata").path("generation").asLong(1));
        writeStatus(replicaSets, rs, status);
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
                createPod(sts, ns, pod, "statefulset-controller");
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
                deletePod(sts, p, "statefulset-controller");
            }
        }
        // Rolling update: replace the highest-ordinal pod of an old revision once every pod is ready.
        List<ObjectNode> current = store.list(pods, ns, p -> ownedBy(p, sts) && !deleting(p));
        if (current.size() == desired && current.stream().allMatch(WorkloadControllers::ready)) {
            current.stream().filter(p -> !revision.equals(label(p, REVISION_LABEL)))
                    .max(Comparator.comparingInt(p -> ordinal(p, name)))
                    .ifPresent(p -> deletePod(sts, p, "statefulset-controller"));
        }
        current = store.list(pods, ns, p -> ownedBy(p, sts) && !deleting(p));
        int readyCount = (int) current.stream().filter(WorkloadControllers::ready).count();
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
        writeStatus(statefulSets, sts, status);
    }

    private static int ordinal(JsonNode pod, String setName) {
        String suffix = ObjectStore.nameOf(pod).substring(setName.length() + 1);
        try {
            return Integer.parseInt(suffix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- DaemonSet ----

    private void daemonSet(ObjectNode ds) {
        String ns = ObjectStore.namespaceOf(ds);
        String revision = hash(ds.path("spec").path("template"));
        List<ObjectNode> nodeList = store.list(nodes, null, n -> true);
        List<ObjectNode> owned = store.list(pods, ns, p -> ownedBy(p, ds) && !deleting(p));
        for (ObjectNode p : owned) {
            if (!revision.equals(label(p, REVISION_LABEL))) {
                deletePod(ds, p, "daemonset-controller");
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
                createPod(ds, ns, pod, "daemonset-controller");
            }
        }
        List<ObjectNode> current = store.list(pods, ns, p -> ownedBy(p, ds) && !deleting(p));
        int readyCount = (int) current.stream().filter(WorkloadControllers::ready).count();
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
        writeStatus(daemonSets, ds, status);
    }

    // ---- Job ----

    private void job(ObjectNode job) {
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
                + owned.stream().mapToInt(WorkloadControllers::restarts).sum();
        int active = (int) owned.stream().filter(p -> !"Succeeded".equals(phase(p)) && !"Failed".equals(phase(p)))
                .count();
        int completions = job.path("spec").path("completions").asInt(1);
        int parallelism = job.path("spec").path("parallelism").asInt(1);
        int backoffLimit = job.path("spec").path("backoffLimit").asInt(6);
        String now = store.now();
        ObjectNode status = JSON.objectNode();
        status.put("startTime", oldStatus.path("startTime").asText(now));
        ArrayNode conditions = JSON.arrayNode();
        if (!finished) {
            if (succeeded >= completions) {
                conditions.add(jobCondition("Complete", null, null, now));
                status.put("completionTime", now);
                events.normal(job, "Completed", "Job completed", "job-controller", null);
            } else if (failed > backoffLimit) {
                conditions.add(jobCondition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff "
                        + "limit", now));
                events.warning(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit",
                        "job-controller", null);
                owned.stream().filter(p -> !"Succeeded".equals(phase(p)) && !"Failed".equals(phase(p)))
                        .forEach(p -> deletePod(job, p, "job-controller"));
                active = 0;
            } else {
                for (int i = active; i < Math.min(parallelism, completions - succeeded); i++) {
                    ObjectNode pod = podFrom(job, job.path("spec").path("template"), null);
                    pod.withObjectProperty("metadata").put("generateName", ObjectStore.nameOf(job) + "-");
                    pod.withObjectProperty("metadata").withObjectProperty("labels").put("batch.kubernetes.io/job-name", ObjectStore.nameOf(job));
                    pod.withObjectProperty("metadata").withObjectProperty("labels").put("job-name", ObjectStore.nameOf(job));
                    pod.withObjectProperty("metadata").withObjectProperty("labels").put("controller-uid", ObjectStore.uidOf(job));
                    createPod(job, ns, pod, "job-controller");
                    active++;
                }
            }
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
        status.put("ready", (int) owned.stream().filter(WorkloadControllers::ready).count());
        writeStatus(jobs, job, status);
    }

    private static ObjectNode jobCondition(String type, String reason, String message, String now) {
        ObjectNode c = JSON.objectNode();
        c.put("type", type);
        c.put("status", "True");
        c.put("lastProbeTime", now);
        c.put("lastTransitionTime", now);
        if (reason != null) {
            c.put("reason", reason);
            c.put("message", message);
        }
        return c;
    }

    // ---- shared ----

    private ObjectNode podFrom(ObjectNode owner, JsonNode template, String name) {
        ObjectNode pod = JSON.objectNode();
        ObjectNode meta = pod.putObject("metadata");
        if (name != null) {
            meta.put("name", name);
        }
        meta.set("labels", copyObject(template.path("metadata").path("labels")));
        if (template.path("metadata").has("annotations")) {
            meta.set("annotations", template.path("metadata").path("annotations").deepCopy());
        }
        meta.putArray("ownerReferences").add(ownerRef(owner));
        pod.set("spec", template.path("spec").deepCopy());
        return pod;
    }

    private void createPod(ObjectNode owner, String ns, ObjectNode pod, String component) {
        try {
            new Defaults().apply(pods, pod);
            ObjectNode created = store.create(pods, ns, pod, false);
            events.normal(owner, "SuccessfulCreate", "Created pod: " + ObjectStore.nameOf(created), component, null);
        } catch (ApiError e) {
            // Namespace terminating or the name taken by a pod still going away; retried next pass.
        }
    }

    private void deletePod(ObjectNode owner, ObjectNode pod, String component) {
        try {
            store.delete(pods, ObjectStore.namespaceOf(pod), ObjectStore.nameOf(pod), null, false);
            events.normal(owner, "SuccessfulDelete", "Deleted pod: " + ObjectStore.nameOf(pod), component, null);
        } catch (ApiError e) {
            // Already gone.
        }
    }

    private void writeStatus(ResourceType type, ObjectNode object, ObjectNode status) {
        if (object.path("status").equals(status)) {
            return;
        }
        store.mutate(type, ObjectStore.namespaceOf(object), ObjectStore.nameOf(object), x -> {
            x.set("status", status);
            return x;
        }, true);
    }

    static boolean ready(JsonNode pod) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c.path("status").asText().equals("True");
            }
        }
        return false;
    }

    private static String phase(JsonNode pod) {
        return pod.path("status").path("phase").asText("Pending");
    }

    private static int restarts(JsonNode pod) {
        int restarts = 0;
        for (JsonNode c : pod.path("status").path("containerStatuses")) {
            restarts += c.path("restartCount").asInt(0);
        }
        return restarts;
    }

    private static boolean deleting(JsonNode o) {
        return o.path("metadata").has("deletionTimestamp");
    }

    private static boolean ownedBy(JsonNode child, JsonNode owner) {
        String uid = ObjectStore.uidOf(owner);
        for (JsonNode ref : child.path("metadata").path("ownerReferences")) {
            if (ref.path("uid").asText().equals(uid) && ref.path("controller").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode ownerRef(JsonNode owner) {
        ObjectNode ref = JSON.objectNode();
        ref.put("apiVersion", owner.path("apiVersion").asText());
        ref.put("kind", owner.path("kind").asText());
        ref.put("name", ObjectStore.nameOf(owner));
        ref.put("uid", ObjectStore.uidOf(owner));
        ref.put("controller", true);
        ref.put("blockOwnerDeletion", true);
        return ref;
    }

    private static String label(JsonNode o, String key) {
        return o.path("metadata").path("labels").path(key).asText(null);
    }

    private static ObjectNode copyObject(JsonNode node) {
        return node instanceof ObjectNode o ? o.deepCopy() : JSON.objectNode();
    }

    /** A 10-character hash of a pod template in the Kubernetes name alphabet, like pod-template-hash. */
    static String hash(JsonNode template) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(template.toString().getBytes(StandardCharsets.UTF_8));
            String alphabet = "bcdfghjklmnpqrstvwxz2456789";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                sb.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
