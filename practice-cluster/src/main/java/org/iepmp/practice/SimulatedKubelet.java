package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iepmp.practice.api.FailureMode;
import org.iepmp.practice.api.FailureScript;
import org.iepmp.practice.api.PracticeOptions;

/**
 * The scheduler and the kubelet: binds pending pods to a node with room for their requests (or marks them
 * Unschedulable), then after the readiness delay runs them — Running and Ready, or the scripted failure: image pull
 * errors, a crash loop with growing restart counts and last log lines, or no room at all. Writes the events of each.
 */
final class SimulatedKubelet {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectStore store;
    private final LogBook logBook;
    private final EventRecorder events;
    private final PracticeOptions options;
    private final ResourceType pods;
    private final ResourceType nodes;
    private final Map<String, Instant> boundAt = new ConcurrentHashMap<>();
    /** Pods whose containers have (or had) logs, so the logs go when the pod goes. */
    private final Map<String, String> podNames = new ConcurrentHashMap<>();
    private final java.util.Set<String> emitted = ConcurrentHashMap.newKeySet();

    SimulatedKubelet(ResourceRegistry registry, ObjectStore store, LogBook logBook, EventRecorder events,
            PracticeOptions options) {
        this.store = store;
        this.logBook = logBook;
        this.events = events;
        this.options = options;
        this.pods = registry.find("", "v1", "pods").orElseThrow();
        this.nodes = registry.find("", "v1", "nodes").orElseThrow();
    }

    void tick() {
        List<ObjectNode> all = store.list(pods, null, p -> !p.path("metadata").has("deletionTimestamp"));
        for (ObjectNode pod : all) {
            String phase = pod.path("status").path("phase").asText("Pending");
            if (phase.equals("Succeeded") || phase.equals("Failed")) {
                continue;
            }
            if (!pod.path("spec").hasNonNull("nodeName")) {
                schedule(pod, all);
            } else {
                run(pod);
            }
        }
        java.util.Set<String> present = new java.util.HashSet<>(all.stream().map(ObjectStore::uidOf).toList());
        podNames.entrySet().removeIf(e -> {
            if (present.contains(e.getKey())) {
                return false;
            }
            String[] nsName = e.getValue().split("/", 2);
            logBook.forget(nsName[0], nsName[1]);
            return true;
        });
        boundAt.keySet().retainAll(present);
        emitted.removeIf(key -> !present.contains(key.substring(0, key.indexOf('|'))));
    }

    private FailureScript scriptFor(JsonNode pod) {
        Map<String, String> labels = new HashMap<>();
        pod.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        for (FailureScript script : options.failures()) {
            for (JsonNode c : pod.path("spec").path("containers")) {
                if (script.matches(c.path("image").asText(), labels)) {
                    return script;
                }
            }
        }
        return null;
    }

    private void schedule(ObjectNode pod, List<ObjectNode> all) {
        FailureScript script = scriptFor(pod);
        long cpu = requests(pod, "cpu");
        long memory = requests(pod, "memory");
        String chosen = null;
        String shortage = "cpu";
        for (ObjectNode node : store.list(nodes, null, n -> true)) {
            String name = ObjectStore.nameOf(node);
            long usedCpu = 0;
            long usedMemory = 0;
            for (ObjectNode other : all) {
                if (name.equals(other.path("spec").path("nodeName").asText())) {
                    usedCpu += requests(other, "cpu");
                    usedMemory += requests(other, "memory");
                }
            }
            long freeCpu = Quantities.millis(node.path("status").path("allocatable").path("cpu").asText("0")) - usedCpu;
            long freeMemory = Quantities.bytes(node.path("status").path("allocatable").path("memory").asText("0"))
                    - usedMemory;
            if (cpu > freeCpu) {
                shortage = "cpu";
            } else if (memory > freeMemory) {
                shortage = "memory";
            } else if (chosen == null) {
                chosen = name;
            }
        }
        if (script != null && script.mode() == FailureMode.PENDING) {
            chosen = null;
            shortage = requests(pod, "memory") > 0 && requests(pod, "cpu") == 0 ? "memory" : "cpu";
        }
        if (chosen == null) {
            unschedulable(pod, shortage);
            return;
        }
        String node = chosen;
        store.mutate(pods, ObjectStore.namespaceOf(pod), ObjectStore.nameOf(pod), p -> {
            p.withObjectProperty("spec").put("nodeName", node);
            return p;
        }, false);
        events.normal(pod, "Scheduled", "Successfully assigned " + ObjectStore.namespaceOf(pod) + "/"
                + ObjectStore.nameOf(pod) + " to " + node, "default-scheduler", null);
    }

    /** No node has room: the pod stays Pending with the scheduler's reason (and one event while the reason stays). */
    private void unschedulable(ObjectNode pod, String shortage) {
        String now = store.now();
        int nodeCount = store.list(nodes, null, n -> true).size();
        String message = "0/" + nodeCount + " nodes are available: " + nodeCount + " Insufficient " + shortage
                + ". preemption: 0/" + nodeCount + " nodes are available: " + nodeCount
                + " No preemption victims found for incoming pod.";
        boolean changed = store.mutate(pods, ObjectStore.namespaceOf(pod), ObjectStore.nameOf(pod), p -> {
            ObjectNode status = p.withObjectProperty("status");
            status.put("phase", "Pending");
            ArrayNode conditions = JSON.arrayNode();
            ObjectNode c = conditions.addObject();
            c.put("type", "PodScheduled");
            c.put("status", "False");
            c.putNull("lastProbeTime");
            c.put("lastTransitionTime", now);
            c.put("reason", "Unschedulable");
            c.put("message", message);
            if (status.path("conditions").size() == 1
                    && status.path("conditions").get(0).path("message").asText().equals(message)) {
                return null;
            }
            status.set("conditions", conditions);
            return p;
        }, true).map(p -> true).orElse(false);
        if (changed) {
            events.warning(pod, "FailedScheduling", message, "default-scheduler", null);
        }
    }

    /** One tick of one pod: what the kubelet knows of it now. */
    private record PodTick(ObjectNode pod, String uid, String ns, String name, String node, FailureScript script,
                           Duration elapsed, Duration delay, boolean creating, boolean runsToCompletion,
                           String startedAt) {

        static PodTick of(ObjectNode pod, String uid, Instant bound, Duration delay, FailureScript script) {
            Duration elapsed = Duration.between(bound, Instant.now());
            return new PodTick(pod, uid, ObjectStore.namespaceOf(pod), ObjectStore.nameOf(pod),
                    pod.path("spec").path("nodeName").asText(), script, elapsed, delay, elapsed.compareTo(delay) < 0,
                    !"Always".equals(pod.path("spec").path("restartPolicy").asText("Always")),
                    bound.plus(delay).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }

        Map<String, String> labels() {
            Map<String, String> labels = new HashMap<>();
            pod.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return labels;
        }
    }

    private void run(ObjectNode pod) {
        String uid = ObjectStore.uidOf(pod);
        Instant bound = boundAt.computeIfAbsent(uid, u -> Instant.now());
        podNames.putIfAbsent(uid, ObjectStore.namespaceOf(pod) + "/" + ObjectStore.nameOf(pod));
        PodTick tick = PodTick.of(pod, uid, bound, options.readinessDelay(), scriptFor(pod));
        ObjectNode status = podStatus(tick, bound);
        String finalPhase = status.path("phase").asText();
        store.mutate(pods, tick.ns(), tick.name(), p -> {
            if (p.path("status").equals(status)) {
                return null;
            }
            p.set("status", status);
            return p;
        }, true);
        if (finalPhase.equals("Succeeded") || finalPhase.equals("Failed")) {
            boundAt.remove(uid);
        }
    }

    private ObjectNode podStatus(PodTick tick, Instant bound) {
        ObjectNode pod = tick.pod();
        ObjectNode status = JSON.objectNode();
        status.put("hostIP", "192.168.10.21");
        status.putArray("hostIPs").addObject().put("ip", "192.168.10.21");
        status.put("startTime", bound.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        status.put("qosClass", pod.path("status").path("qosClass").asText("BestEffort"));
        ArrayNode statuses = status.putArray("containerStatuses");
        boolean allReady = true;
        String phase = "Running";
        for (JsonNode c : pod.path("spec").path("containers")) {
            ObjectNode cs = statuses.addObject();
            String outcome = containerStatus(tick, c, cs);
            allReady &= cs.path("ready").asBoolean();
            if (outcome != null && !(outcome.equals("Succeeded") && phase.equals("Failed"))) {
                phase = outcome;
            }
        }
        if (!tick.creating() && !phase.equals("Pending")) {
            status.put("podIP", "10.1.0." + (2 + Math.abs(tick.uid().hashCode() % 250)));
            status.putArray("podIPs").addObject().put("ip", status.get("podIP").asText());
        }
        status.put("phase", phase);
        conditions(status.putArray("conditions"), pod.path("status").path("conditions"), tick.creating(), allReady, phase);
        return status;
    }

    private void conditions(ArrayNode conditions, JsonNode old, boolean creating, boolean allReady, String phase) {
        String now = store.now();
        boolean terminal = phase.equals("Succeeded") || phase.equals("Failed");
        String notReady = terminal ? "PodCompleted" : allReady ? null : "ContainersNotReady";
        PodStatusFields.podCondition(conditions, old, "PodReadyToStartContainers", !creating, null, now);
        PodStatusFields.podCondition(conditions, old, "Initialized", true, null, now);
        PodStatusFields.podCondition(conditions, old, "Ready", allReady && !terminal, notReady, now);
        PodStatusFields.podCondition(conditions, old, "ContainersReady", allReady && !terminal, notReady, now);
        PodStatusFields.podCondition(conditions, old, "PodScheduled", true, null, now);
    }

    /**
     * Writes one container's status; answers the pod phase this container forces ({@code Pending}, {@code Failed},
     * {@code Succeeded}), or null when it leaves the phase as it is.
     */
    private String containerStatus(PodTick tick, JsonNode c, ObjectNode cs) {
        String container = c.path("name").asText();
        String image = c.path("image").asText();
        cs.put("name", container);
        cs.put("image", image);
        cs.put("imageID", "");
        cs.put("started", false);
        cs.put("restartCount", 0);
        cs.put("ready", false);
        FailureScript own = tick.script() != null && tick.script().matches(image, tick.labels()) ? tick.script() : null;
        if (tick.creating()) {
            cs.putObject("state").putObject("waiting").put("reason", "ContainerCreating");
            return "Pending";
        }
        if (own != null && own.mode() == FailureMode.IMAGE_PULL) {
            pullFailure(tick, cs, container, image);
            return "Pending";
        }
        started(tick, cs, container, image);
        if (own != null && own.mode() == FailureMode.CRASH_LOOP) {
            return crashLoop(tick, cs, container, own);
        }
        if (tick.runsToCompletion() && tick.elapsed().compareTo(tick.delay().multipliedBy(2)) >= 0) {
            PodStatusFields.terminated(cs.putObject("state"), 0, "Completed", tick.startedAt());
            return "Succeeded";
        }
        cs.putObject("state").putObject("running").put("startedAt", tick.startedAt());
        cs.put("ready", true);
        cs.put("started", true);
        return null;
    }

    private void pullFailure(PodTick tick, ObjectNode cs, String container, String image) {
        boolean backoff = tick.elapsed().compareTo(tick.delay().multipliedBy(2)) >= 0;
        ObjectNode waiting = cs.putObject("state").putObject("waiting");
        waiting.put("reason", backoff ? "ImagePullBackOff" : "ErrImagePull");
        waiting.put("message", backoff ? "Back-off pulling image \"" + image + "\"" : PodStatusFields.pullError(image));
        ObjectNode pod = tick.pod();
        if (firstTime(tick.uid(), container, "pull")) {
            events.normal(pod, "Pulling", "Pulling image \"" + image + "\"", "kubelet", tick.node());
            events.warning(pod, "Failed", "Failed to pull image \"" + image + "\": " + PodStatusFields.pullError(image), "kubelet",
                    tick.node());
            events.warning(pod, "Failed", "Error: ErrImagePull", "kubelet", tick.node());
        }
        if (backoff && firstTime(tick.uid(), container, "pull-backoff")) {
            events.normal(pod, "BackOff", "Back-off pulling image \"" + image + "\"", "kubelet", tick.node());
            events.warning(pod, "Failed", "Error: ImagePullBackOff", "kubelet", tick.node());
        }
    }

    /** The image is present and the container was started: its ids, and the start events and log line once. */
    private void started(PodTick tick, ObjectNode cs, String container, String image) {
        cs.put("imageID", image.split(":")[0] + "@sha256:" + PodStatusFields.sha256(image));
        cs.put("containerID", containerId(tick, container));
        if (!logBook.has(tick.ns(), tick.name(), container)) {
            ObjectNode pod = tick.pod();
            events.normal(pod, "Pulled", "Container image \"" + image + "\" already present on machine", "kubelet",
                    tick.node());
            events.normal(pod, "Created", "Created container " + container, "kubelet", tick.node());
            events.normal(pod, "Started", "Started container " + container, "kubelet", tick.node());
            logBook.append(tick.ns(), tick.name(), container,
                    tick.startedAt() + " starting " + container + " (" + image + ")");
        }
    }

    /** Each crash period the container runs, writes its last words and exits with code 1. */
    private String crashLoop(PodTick tick, ObjectNode cs, String container, FailureScript own) {
        Duration delay = tick.delay();
        int restarts = restartsAfter(tick.elapsed().minus(delay), delay.isZero() ? Duration.ofMillis(200) : delay);
        int logged = logBook.read(tick.ns(), tick.name(), container).stream().filter(l -> l.contains("exit code 1"))
                .toArray().length;
        for (int i = logged; i <= restarts; i++) {
            for (String line : own.lastLog()) {
                logBook.append(tick.ns(), tick.name(), container, line);
            }
            logBook.append(tick.ns(), tick.name(), container, "process exited with exit code 1");
        }
        if (tick.runsToCompletion()) {
            PodStatusFields.terminated(cs.putObject("state"), 1, "Error", tick.startedAt());
            return "Failed";
        }
        cs.put("restartCount", restarts);
        PodStatusFields.terminated(cs.putObject("lastState"), 1, "Error", tick.startedAt())
                .put("containerID", containerId(tick, container));
        ObjectNode waiting = cs.putObject("state").putObject("waiting");
        waiting.put("reason", "CrashLoopBackOff");
        waiting.put("message", "back-off " + Math.min(300, 10 << Math.min(5, restarts))
                + "s restarting failed container=" + container + " pod=" + tick.name() + "_" + tick.ns() + "("
                + tick.uid() + ")");
        if (firstTime(tick.uid(), container, "crash-" + restarts)) {
            // One BackOff per restart: the event's count grows as on a real node.
            events.warning(tick.pod(), "BackOff", "Back-off restarting failed container " + container + " in pod "
                    + tick.name() + "_" + tick.ns() + "(" + tick.uid() + ")", "kubelet", tick.node());
        }
        return null;
    }

    private static String containerId(PodTick tick, String container) {
        return "containerd://" + tick.uid().replace("-", "") + container.hashCode();
    }

    /**
     * Restarts after running this long: the kubelet's crash back-off doubles each time up to a cap (10 s, 20 s, ...
     * 5 min on a real node); here the unit is the readiness delay, so a broken version shows up quickly.
     */
    static int restartsAfter(Duration running, Duration unit) {
        long left = running.toMillis();
        long cap = unit.toMillis() * 30;
        long interval = unit.toMillis();
        int restarts = 0;
        while (left >= interval && interval < cap) {
            left -= interval;
            restarts++;
            interval = Math.min(interval * 2, cap);
        }
        return restarts + (int) Math.min(Integer.MAX_VALUE / 2, left / cap);
    }

    /** True the first time this pod's container reaches this state, so repeated ticks do not repeat events. */
    private boolean firstTime(String uid, String container, String state) {
        return emitted.add(uid + "|" + container + "|" + state);
    }

    static long requests(JsonNode pod, String resource) {
        long total = 0;
        for (JsonNode c : pod.path("spec").path("containers")) {
            JsonNode value = c.path("resources").path("requests").path(resource);
            if (value.isMissingNode()) {
                value = c.path("resources").path("limits").path(resource);
            }
            if (!value.isMissingNode()) {
                total += resource.equals("cpu") ? Quantities.millis(value.asText()) : Quantities.bytes(value.asText());
            }
        }
        return total;
    }
}
