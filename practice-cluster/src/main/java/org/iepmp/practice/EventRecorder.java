package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes core/v1 Events the way the kubelet, the scheduler and the controllers do, including their aggregation: a
 * repeated event (same object, reason and message) bumps {@code count} and {@code lastTimestamp} instead of adding a
 * new object.
 */
final class EventRecorder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectStore store;
    private final ResourceType events;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    EventRecorder(ResourceRegistry registry, ObjectStore store) {
        this.store = store;
        this.events = registry.find("", "v1", "events").orElseThrow();
    }

    void normal(JsonNode involved, String reason, String message, String component, String host) {
        record(involved, "Normal", reason, message, component, host);
    }

    void warning(JsonNode involved, String reason, String message, String component, String host) {
        record(involved, "Warning", reason, message, component, host);
    }

    private void record(JsonNode involved, String type, String reason, String message, String component,
            String host) {
        String namespace = ObjectStore.namespaceOf(involved).isEmpty() ? "default" : ObjectStore.namespaceOf(involved);
        String key = ObjectStore.uidOf(involved) + "|" + reason + "|" + message;
        String now = store.now();
        String existing = names.get(key);
        if (existing != null) {
            boolean bumped = store.mutate(events, namespace, existing, e -> {
                e.put("count", e.path("count").asInt(1) + 1);
                e.put("lastTimestamp", now);
                return e;
            }, false).isPresent();
            if (bumped) {
                return;
            }
        }
        ObjectNode e = JSON.objectNode();
        String name = ObjectStore.nameOf(involved) + "." + Long.toHexString(System.nanoTime());
        ObjectNode meta = e.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        ObjectNode ref = e.putObject("involvedObject");
        ref.put("kind", involved.path("kind").asText());
        ref.put("namespace", ObjectStore.namespaceOf(involved));
        ref.put("name", ObjectStore.nameOf(involved));
        ref.put("uid", ObjectStore.uidOf(involved));
        ref.put("apiVersion", involved.path("apiVersion").asText());
        ref.put("resourceVersion", involved.path("metadata").path("resourceVersion").asText());
        e.put("reason", reason);
        e.put("message", message);
        ObjectNode source = e.putObject("source");
        source.put("component", component);
        if (host != null) {
            source.put("host", host);
        }
        e.put("firstTimestamp", now);
        e.put("lastTimestamp", now);
        e.put("count", 1);
        e.put("type", type);
        e.putNull("eventTime");
        e.put("reportingComponent", component);
        e.put("reportingInstance", host == null ? "" : host);
        try {
            store.create(events, namespace, e, false);
            names.put(key, name);
        } catch (ApiError error) {
            // The namespace is being deleted; its events go with it.
        }
    }
}
