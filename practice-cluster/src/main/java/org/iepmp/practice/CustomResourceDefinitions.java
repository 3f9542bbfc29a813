package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the apiextensions server does when a CustomResourceDefinition is written: serve its versions (so discovery and
 * the REST paths appear) and report NamesAccepted and Established; on deletion, stop serving and drop the objects.
 */
final class CustomResourceDefinitions {

    private final ResourceRegistry registry;
    private final ObjectStore store;

    CustomResourceDefinitions(ResourceRegistry registry, ObjectStore store) {
        this.registry = registry;
        this.store = store;
    }

    ObjectNode afterWrite(ResourceType type, ObjectNode crd) {
        if (!isCrd(type) || crd.path("metadata").has("deletionTimestamp")) {
            return crd;
        }
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        String group = spec.path("group").asText();
        String plural = names.path("plural").asText();
        String kind = names.path("kind").asText();
        String singular = names.path("singular").asText(kind.toLowerCase(java.util.Locale.ROOT));
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText("Namespaced"));
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
        String storageVersion = null;
        for (JsonNode v : spec.path("versions")) {
            List<String> subs = new ArrayList<>();
            if (v.path("subresources").has("status")) {
                subs.add("status");
            }
            if (v.path("subresources").has("scale")) {
                subs.add("scale");
            }
            if (v.path("served").asBoolean(true)) {
                registry.register(new ResourceType(group, v.path("name").asText(), plural, singular, kind, namespaced,
                        List.copyOf(shortNames), List.copyOf(subs)));
            } else {
                registry.unregisterVersion(group, v.path("name").asText(), plural);
            }
            if (v.path("storage").asBoolean(false)) {
                storageVersion = v.path("name").asText();
            }
        }
        String stored = storageVersion;
        String now = store.now();
        return store.mutate(type, null, ObjectStore.nameOf(crd), o -> {
            ObjectNode status = o.withObjectProperty("status");
            ObjectNode accepted = names.deepCopy();
            if (!accepted.has("singular")) {
                accepted.put("singular", singular);
            }
            if (!accepted.has("listKind")) {
                accepted.put("listKind", kind + "List");
            }
            status.set("acceptedNames", accepted);
            ArrayNode conditions = status.putArray("conditions");
            condition(conditions, "NamesAccepted", "NoConflicts", "no conflicts found", now);
            condition(conditions, "Established", "InitialNamesAccepted", "the initial names have been accepted", now);
            ArrayNode storedVersions = status.putArray("storedVersions");
            if (stored != null) {
                storedVersions.add(stored);
            }
            return o;
        }, true).orElse(crd);
    }

    private static void condition(ArrayNode conditions, String type, String reason, String message, String now) {
        ObjectNode c = conditions.addObject();
        c.put("type", type);
        c.put("status", "True");
        c.put("lastTransitionTime", now);
        c.put("reason", reason);
        c.put("message", message);
    }

    void afterDelete(ResourceType type, ObjectNode crd) {
        if (!isCrd(type)) {
            return;
        }
        String group = crd.path("spec").path("group").asText();
        String plural = crd.path("spec").path("names").path("plural").asText();
        registry.byStorageKey(group + "/" + plural).ifPresent(t -> {
            for (ObjectNode o : store.list(t, null, x -> true)) {
                try {
                    store.delete(t, ObjectStore.namespaceOf(o), ObjectStore.nameOf(o), null, false);
                } catch (ApiError e) {
                    // Already gone.
                }
            }
        });
        registry.unregister(group, plural);
    }

    private static boolean isCrd(ResourceType type) {
        return type.kind().equals("CustomResourceDefinition");
    }
}
