package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes' garbage collector: deletes objects whose owners are all gone (background propagation) and completes
 * foreground deletion (dependents first, then the owner loses its {@code foregroundDeletion} finalizer).
 */
final class GarbageCollector {

    private final ResourceRegistry registry;
    private final ObjectStore store;
    private final ResourceOperations operations;

    GarbageCollector(ResourceRegistry registry, ObjectStore store, ResourceOperations operations) {
        this.registry = registry;
        this.store = store;
        this.operations = operations;
    }

    void collect() {
        List<Map.Entry<String, ObjectNode>> all = store.allObjects();
        Set<String> live = new HashSet<>();
        Set<String> foregroundOwners = new HashSet<>();
        for (Map.Entry<String, ObjectNode> e : all) {
            live.add(ObjectStore.uidOf(e.getValue()));
            if (ObjectStore.finalizersOf(e.getValue()).contains("foregroundDeletion")
                    && e.getValue().path("metadata").has("deletionTimestamp")) {
                foregroundOwners.add(ObjectStore.uidOf(e.getValue()));
            }
        }
        Set<String> ownersWithDependents = new HashSet<>();
        for (Map.Entry<String, ObjectNode> e : all) {
            JsonNode refs = e.getValue().path("metadata").path("ownerReferences");
            if (refs.isEmpty()) {
                continue;
            }
            boolean anyOwnerAlive = false;
            boolean ownerDeletingInForeground = false;
            for (JsonNode ref : refs) {
                String uid = ref.path("uid").asText();
                anyOwnerAlive |= live.contains(uid) && !foregroundOwners.contains(uid);
                if (foregroundOwners.contains(uid)) {
                    ownerDeletingInForeground = true;
                    ownersWithDependents.add(uid);
                }
            }
            if (!anyOwnerAlive || ownerDeletingInForeground) {
                registry.byStorageKey(e.getKey()).ifPresent(t -> deleteQuietly(t, e.getValue()));
            }
        }
        for (Map.Entry<String, ObjectNode> e : all) {
            String uid = ObjectStore.uidOf(e.getValue());
            if (foregroundOwners.contains(uid) && !ownersWithDependents.contains(uid)) {
                registry.byStorageKey(e.getKey()).ifPresent(t -> store.mutate(t,
                        ObjectStore.namespaceOf(e.getValue()), ObjectStore.nameOf(e.getValue()), o -> {
                            var kept = o.withObjectProperty("metadata").putArray("finalizers");
                            ObjectStore.finalizersOf(e.getValue()).stream()
                                    .filter(f -> !f.equals("foregroundDeletion")).forEach(kept::add);
                            return o;
                        }, false));
            }
        }
    }

    private void deleteQuietly(ResourceType type, ObjectNode o) {
        try {
            operations.delete(type, ObjectStore.namespaceOf(o), ObjectStore.nameOf(o), "Background", null, false);
        } catch (ApiError e) {
            // Deleted meanwhile.
        }
    }
}
