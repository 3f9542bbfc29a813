package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The write paths of the API server: create, update, the patch flavours, server-side apply and delete with
 * propagation, plus the side effects the real control plane performs synchronously (defaulting, CRD registration).
 */
final class ResourceOperations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** What the real server records for clients that send no fieldManager (it derives it from the user agent). */
    private static final String DEFAULT_MANAGER = "practice-client";
    private static final Set<String> UNDELETABLE_NAMESPACES = Set.of("default", "kube-system", "kube-public");

    /** Result of a delete: the HTTP code and the body the real server answers with. */
    record Deleted(int code, ObjectNode body) {
    }

    private final ResourceRegistry registry;
    private final ObjectStore store;
    private final ApplyRecords applyRecords;
    private final Defaults defaults;
    private final CustomResourceDefinitions crds;

    ResourceOperations(ResourceRegistry registry, ObjectStore store, ApplyRecords applyRecords, Defaults defaults) {
        this.registry = registry;
        this.store = store;
        this.applyRecords = applyRecords;
        this.defaults = defaults;
        this.crds = new CustomResourceDefinitions(registry, store);
    }

    ObjectNode create(ResourceType type, String namespace, ObjectNode body, String fieldManager, boolean dryRun) {
        ObjectNode o = body.deepCopy();
        defaults.apply(type, o);
        Validation.validate(type, o);
        ManagedFields.record(o, fieldManager == null ? DEFAULT_MANAGER : fieldManager, "Update", type, body,
                store.now());
        ObjectNode created = store.create(type, namespace, o, dryRun);
        if (!dryRun) {
            created = crds.afterWrite(type, created);
        }
        return created;
    }

    ObjectNode update(ResourceType type, String namespace, String name, ObjectNode body, boolean statusOnly,
            String fieldManager, boolean dryRun) {
        return write(type, namespace, name, body, body, statusOnly, fieldManager, dryRun);
    }

    /** Replaces an object; {@code sent} is what the client sent (the patch, for PATCH), for managedFields. */
    private ObjectNode write(ResourceType type, String namespace, String name, ObjectNode body, JsonNode sent,
            boolean statusOnly, String fieldManager, boolean dryRun) {
        ObjectNode o = body.deepCopy();
        if (!statusOnly) {
            defaults.apply(type, o);
            Validation.validate(type, o);
            if (!o.path("metadata").has("managedFields")) {
                // Like the real server: an update that omits managedFields keeps the recorded ones.
                store.get(type, namespace, name).map(live -> live.path("metadata").get("managedFields"))
                        .filter(m -> m != null && !m.isNull())
                        .ifPresent(m -> o.withObjectProperty("metadata").set("managedFields", m.deepCopy()));
            }
            if (fieldManager != null && !fieldManager.isEmpty() && sent instanceof ObjectNode sentObject) {
                ManagedFields.record(o, fieldManager, "Update", type, sentObject, store.now());
            }
        }
        ObjectNode updated = store.update(type, namespace, name, o, statusOnly, dryRun);
        if (!dryRun) {
            updated = crds.afterWrite(type, updated);
        }
        return updated;
    }

    ObjectNode patch(ResourceType type, String namespace, String name, String contentType, JsonNode patch,
            boolean statusOnly, Map<String, String> query, boolean dryRun) {
        if (contentType.equals("application/apply-patch+yaml")) {
            return apply(type, namespace, name, patch, query.get("fieldManager"),
                    ApiHandler.isTrue(query.get("force")), dryRun);
        }
        ObjectNode current = store.require(type, namespace, name);
        JsonNode patched = switch (contentType) {
            case "application/json-patch+json" -> Patches.jsonPatch(current, patch);
            case "application/merge-patch+json" -> Patches.mergePatch(current, patch);
            case "application/strategic-merge-patch+json" -> {
                if (!registry.isBuiltIn(type)) {
                    throw ApiError.unsupportedMediaType(contentType
                            + " (strategic merge patch is not supported for custom resources)");
                }
                if (!patch.isObject()) {
                    throw ApiError.badRequest("strategic merge patch must be a JSON object");
                }
                yield Patches.strategicMerge(current, patch);
            }
            default -> throw ApiError.unsupportedMediaType(contentType);
        };
        if (!(patched instanceof ObjectNode result)) {
            throw ApiError.badRequest("the patch did not produce an object");
        }
        return write(type, namespace, name, result, patch, statusOnly, query.get("fieldManager"), dryRun);
    }

    private static ApiError applyConflict(ResourceType type, String name, List<String> conflicts) {
        ObjectNode details = JSON.objectNode();
        details.put("name", name);
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        details.put("kind", type.plural());
        ArrayNode causes = details.putArray("causes");
        for (String conflict : conflicts) {
            int colon = conflict.lastIndexOf(": ");
            causes.addObject().put("reason", "FieldManagerConflict").put("message", conflict.substring(0, colon))
                    .put("field", conflict.substring(colon + 2));
        }
        String message = conflicts.size() == 1 ? "Apply failed with 1 conflict: " + conflicts.get(0)
                : "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", conflicts);
        return new ApiError(409, "Conflict", message, details);
    }

    private ObjectNode apply(ResourceType type, String namespace, String name, JsonNode config, String manager,
            boolean force, boolean dryRun) {
        if (manager == null || manager.isEmpty()) {
            throw new ApiError(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required "
                    + "value: is required for apply patch", null);
        }
        if (!(config instanceof ObjectNode applied)) {
            throw ApiError.badRequest("apply patch must be an object");
        }
        String configName = applied.path("metadata").path("name").asText(name);
        if (!configName.equals(name)) {
            throw ApiError.badRequest("the name of the object (" + configName
                    + ") does not match the name on the URL (" + name + ")");
        }
        var existing = store.get(type, namespace, name);
        if (existing.isEmpty()) {
            ObjectNode o = applied.deepCopy();
            o.withObjectProperty("metadata").put("name", name);
            defaults.apply(type, o);
            Validation.validate(type, o);
            ManagedFields.record(o, manager, "Apply", type, applied, store.now());
            ObjectNode created = store.create(type, namespace, o, dryRun);
            if (!dryRun) {
                applyRecords.record(ObjectStore.uidOf(created), manager, applied);
                created = crds.afterWrite(type, created);
            }
            return created;
        }
        ObjectNode live = existing.get();
        if (!force) {
            List<String> conflicts = ManagedFields.conflicts(live, applied, manager);
            if (!conflicts.isEmpty()) {
                throw applyConflict(type, name, conflicts);
            }
        }
        ObjectNode merged = Patches.apply(live, applyRecords.last(ObjectStore.uidOf(live), manager), applied);
        merged.withObjectProperty("metadata").put("resourceVersion", live.path("metadata").path("resourceVersion").asText());
        defaults.apply(type, merged);
        Validation.validate(type, merged);
        ManagedFields.record(merged, manager, "Apply", type, applied, store.now());
        ObjectNode updated = store.update(type, namespace, name, merged, false, dryRun);
        if (!dryRun) {
            applyRecords.record(ObjectStore.uidOf(updated), manager, applied);
            updated = crds.afterWrite(type, updated);
        }
        return updated;
    }

    Deleted delete(ResourceType type, String namespace, String name, String propagation, String uid,
            boolean dryRun) {
        if (type.kind().equals("Namespace")) {
            return deleteNamespace(type, name, dryRun);
        }
        ObjectNode current = store.require(type, namespace, name);
        if (dryRun) {
            return new Deleted(200, current);
        }
        if ("Foreground".equals(propagation)) {
            store.mutate(type, namespace, name, o -> {
                ArrayNode finalizers = o.withObjectProperty("metadata").withArray("finalizers");
                if (!ObjectStore.finalizersOf(o).contains("foregroundDeletion")) {
                    finalizers.add("foregroundDeletion");
                }
                return o;
            }, false);
        } else if ("Orphan".equals(propagation)) {
            orphanDependents(ObjectStore.uidOf(current));
        }
        ObjectNode deleted = store.delete(type, namespace, name, uid, false);
        if (deleted.path("metadata").has("deletionTimestamp")
                && !ObjectStore.finalizersOf(deleted).isEmpty()) {
            return new Deleted(200, deleted);
        }
        applyRecords.forget(ObjectStore.uidOf(deleted));
        crds.afterDelete(type, deleted);
        if (type.kind().equals("Pod")) {
            return new Deleted(200, deleted);
        }
        return new Deleted(200, success(type, name, ObjectStore.uidOf(deleted)));
    }

    private Deleted deleteNamespace(ResourceType type, String name, boolean dryRun) {
        ObjectNode ns = store.require(type, null, name);
        if (UNDELETABLE_NAMESPACES.contains(name)) {
            ObjectNode details = JSON.objectNode().put("name", name).put("kind", "namespaces");
            throw new ApiError(403, "Forbidden", "namespaces \"" + name + "\" is forbidden: this namespace may not "
                    + "be deleted", details);
        }
        if (dryRun) {
            return new Deleted(200, ns);
        }
        // The namespace controller empties a terminating namespace; done here at once.
        for (ResourceType t : registry.all()) {
            if (t.namespaced() && !t.createOnly()) {
                for (ObjectNode o : store.list(t, name, x -> true)) {
                    forceDelete(t, o);
                }
            }
        }
        ObjectNode deleted = store.delete(type, null, name, null, false);
        deleted.withObjectProperty("status").put("phase", "Terminating");
        return new Deleted(200, deleted);
    }

    /** Deletes regardless of finalizers, as a controller that honours them would eventually do. */
    void forceDelete(ResourceType type, ObjectNode o) {
        String ns = ObjectStore.namespaceOf(o);
        String name = ObjectStore.nameOf(o);
        store.mutate(type, ns, name, x -> {
            if (ObjectStore.finalizersOf(x).isEmpty()) {
                return null;
            }
            x.withObjectProperty("metadata").remove("finalizers");
            return x;
        }, false);
        try {
            store.delete(type, ns, name, null, false);
        } catch (ApiError e) {
            // Removing the last finalizer of an object marked for deletion already deleted it.
        }
        applyRecords.forget(ObjectStore.uidOf(o));
    }

    ObjectNode deleteCollection(ResourceType type, String namespace, Predicate<JsonNode> filter, boolean dryRun) {
        ObjectNode list = JSON.objectNode();
        list.put("kind", type.listKind());
        list.put("apiVersion", type.apiVersion());
        ArrayNode items = list.putArray("items");
        for (ObjectNode o : store.list(type, namespace, filter::test)) {
            items.add(delete(type, ObjectStore.namespaceOf(o), ObjectStore.nameOf(o), "Background", null, dryRun)
                    .body());
        }
        list.putObject("metadata").put("resourceVersion", Long.toString(store.revision()));
        return list;
    }

    private void orphanDependents(String ownerUid) {
        for (Map.Entry<String, ObjectNode> e : store.allObjects()) {
            ObjectNode o = e.getValue();
            JsonNode refs = o.path("metadata").path("ownerReferences");
            boolean owned = false;
            for (JsonNode ref : refs) {
                owned |= ownerUid.equals(ref.path("uid").asText());
            }
            if (owned) {
                ResourceType t = registry.byStorageKey(e.getKey()).orElse(null);
                if (t != null) {
                    store.mutate(t, ObjectStore.namespaceOf(o), ObjectStore.nameOf(o), x -> {
                        ArrayNode kept = JSON.arrayNode();
                        x.path("metadata").path("ownerReferences").forEach(ref -> {
                            if (!ownerUid.equals(ref.path("uid").asText())) {
                                kept.add(ref);
                            }
                        });
                        x.withObjectProperty("metadata").set("ownerReferences", kept);
                        return x;
                    }, false);
                }
            }
        }
    }

    private static ObjectNode success(ResourceType type, String name, String uid) {
        ObjectNode status = JSON.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        ObjectNode details = status.putObject("details");
        details.put("name", name);
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        details.put("kind", type.plural());
        details.put("uid", uid);
        return status;
    }

    /** SelfSubjectAccessReview and friends: the practice user is cluster-admin. */
    ObjectNode review(ObjectNode body) {
        ObjectNode o = body.deepCopy();
        o.withObjectProperty("metadata").put("creationTimestamp", (String) null);
        ObjectNode status = o.putObject("status");
        status.put("allowed", true);
        status.put("reason", "the practice cluster user is bound to cluster-admin");
        return o;
    }

    ObjectNode scaleOf(ResourceType type, ObjectNode o) {
        ObjectNode scale = JSON.objectNode();
        scale.put("kind", "Scale");
        scale.put("apiVersion", "autoscaling/v1");
        ObjectNode meta = scale.putObject("metadata");
        for (String f : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (o.path("metadata").has(f)) {
                meta.set(f, o.path("metadata").get(f));
            }
        }
        scale.putObject("spec").put("replicas", o.path("spec").path("replicas").asInt(1));
        ObjectNode status = scale.putObject("status");
        status.put("replicas", o.path("status").path("replicas").asInt(0));
        List<String> selector = new ArrayList<>();
        o.path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining(e -> selector.add(e.getKey() + "=" + e.getValue().asText()));
        status.put("selector", String.join(",", selector));
        return scale;
    }

    ObjectNode updateScale(ResourceType type, String namespace, String name, ObjectNode scale) {
        int replicas = scale.path("spec").path("replicas").asInt(1);
        String rv = scale.path("metadata").path("resourceVersion").asText("");
        ObjectNode current = store.require(type, namespace, name);
        if (!rv.isEmpty() && !rv.equals(current.path("metadata").path("resourceVersion").asText())) {
            throw ApiError.conflict(type, name);
        }
        current.withObjectProperty("spec").put("replicas", replicas);
        return scaleOf(type, store.update(type, namespace, name, current, false, false));
    }
}
