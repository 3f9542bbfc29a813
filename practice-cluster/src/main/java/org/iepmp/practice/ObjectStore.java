package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The practice cluster's etcd: objects by resource, namespace and name, one global revision counter that becomes
 * every object's resourceVersion, and a bounded change history so watches can resume from a resourceVersion.
 */
final class ObjectStore {

    private static final int HISTORY_LIMIT = 5000;

    private final Object lock = new Object();
    private final Map<String, TreeMap<String, ObjectNode>> objects = new HashMap<>();
    private final Deque<StoreEvent> history = new ArrayDeque<>();
    private final List<Consumer<StoreEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final NameSuffix suffixes = new NameSuffix();
    private long revision = 1000;

    ObjectStore(Clock clock) {
        this.clock = clock;
    }

    String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    long revision() {
        synchronized (lock) {
            return revision;
        }
    }

    void addListener(Consumer<StoreEvent> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<StoreEvent> listener) {
        listeners.remove(listener);
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }

    Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
        synchronized (lock) {
            ObjectNode found = bucket(type).get(key(type.namespaced() ? namespace : null, name));
            return Optional.ofNullable(found == null ? null : found.deepCopy());
        }
    }

    ObjectNode require(ResourceType type, String namespace, String name) {
        return get(type, namespace, name).orElseThrow(() -> ApiError.notFound(type, name));
    }

    /** Objects of a type, in a namespace (null: all namespaces), matching a filter, sorted by key like etcd. */
    List<ObjectNode> list(ResourceType type, String namespace, Predicate<ObjectNode> filter) {
        synchronized (lock) {
            List<ObjectNode> result = new ArrayList<>();
            for (ObjectNode o : bucket(type).values()) {
                if ((namespace == null || !type.namespaced() || namespace.equals(namespaceOf(o))) && filter.test(o)) {
                    result.add(o.deepCopy());
                }
            }
            return result;
        }
    }

    /** Creates an object: fills uid, resourceVersion, creationTimestamp, generation and generateName's name. */
    ObjectNode create(ResourceType type, String namespace, ObjectNode object, boolean dryRun) {
        synchronized (lock) {
            ObjectNode o = object.deepCopy();
            ObjectNode meta = o.withObjectProperty("metadata");
            o.put("apiVersion", type.apiVersion());
            o.put("kind", type.kind());
            if (type.namespaced()) {
                String ns = namespace != null ? namespace : textOr(meta, "namespace", "default");
                requireNamespaceOpen(type, ns, textOr(meta, "name", textOr(meta, "generateName", "")));
                meta.put("namespace", ns);
            } else {
                meta.remove("namespace");
            }
            String name = textOr(meta, "name", "");
            if (name.isEmpty()) {
                String prefix = textOr(meta, "generateName", "");
                if (prefix.isEmpty()) {
                    throw ApiError.invalid(type, "", "metadata.name: Required value: name or generateName is required");
                }
                do {
                    name = prefix + suffixes.random5();
                } while (bucket(type).containsKey(key(textOr(meta, "namespace", null), name)));
                meta.put("name", name);
            }
            validateName(type, name);
            String key = key(textOr(meta, "namespace", null), name);
            if (bucket(type).containsKey(key)) {
                throw ApiError.alreadyExists(type, name);
            }
            meta.remove("resourceVersion");
            meta.put("uid", UUID.randomUUID().toString());
            meta.put("creationTimestamp", now());
            meta.put("generation", 1);
            meta.remove("deletionTimestamp");
            if (dryRun) {
                meta.put("resourceVersion", "");
                return o;
            }
            long rv = ++revision;
            meta.put("resourceVersion", Long.toString(rv));
            bucket(type).put(key, o);
            publish(new StoreEvent("ADDED", type, o.deepCopy(), null, rv));
            return o.deepCopy();
        }
    }

    /**
     * Replaces an object. A non-empty resourceVersion in the new object must equal the stored one (optimistic
     * concurrency), otherwise 409 Conflict. {@code statusOnly} serves the status subresource: only status changes;
     * otherwise status is kept from the stored object for types whose status is a subresource.
     */
    ObjectNode update(ResourceType type, String namespace, String name, ObjectNode replacement, boolean statusOnly,
            boolean dryRun) {
        synchronized (lock) {
            String ns = type.namespaced() ? namespace : null;
            ObjectNode old = bucket(type).get(key(ns, name));
            if (old == null) {
                throw ApiError.notFound(type, name);
            }
            String expected = textOr(replacement.path("metadata") instanceof ObjectNode m ? m : null,
                    "resourceVersion", "");
            if (!expected.isEmpty() && !expected.equals(old.path("metadata").path("resourceVersion").asText())) {
                throw ApiError.conflict(type, name);
            }
            ObjectNode o = replaced(type, old, replacement, statusOnly);
            ObjectNode meta = o.withObjectProperty("metadata");
            ObjectNode oldMeta = (ObjectNode) old.get("metadata");
            keepIdentity(meta, oldMeta, name, ns);
            if (!statusOnly && !Objects.equals(specOf(old), specOf(o))) {
                meta.put("generation", oldMeta.path("generation").asLong(1) + 1);
            }
            if (dryRun) {
                meta.set("resourceVersion", oldMeta.get("resourceVersion"));
                return o;
            }
            boolean finalizersGone = meta.has("deletionTimestamp") && finalizersOf(o).isEmpty();
            if (unchanged(old, o)) {
                return old.deepCopy();
            }
            long rv = ++revision;
            meta.put("resourceVersion", Long.toString(rv));
            if (finalizersGone) {
                bucket(type).remove(key(ns, name));
                publish(new StoreEvent("DELETED", type, o.deepCopy(), old.deepCopy(), rv));
                return o.deepCopy();
            }
            bucket(type).put(key(ns, name), o);
            publish(new StoreEvent("MODIFIED", type, o.deepCopy(), old.deepCopy(), rv));
            return o.deepCopy();
        }
    }

    /** A status update takes only the status; a full update keeps the stored status where status is a subresource. */
    private static ObjectNode replaced(ResourceType type, ObjectNode old, ObjectNode replacement, boolean statusOnly) {
        ObjectNode o;
        if (statusOnly) {
            o = old.deepCopy();
            if (replacement.has("status")) {
                o.set("status", replacement.get("status").deepCopy());
            }
        } else {
            o = replacement.deepCopy();
            o.put("apiVersion", type.apiVersion());
            o.put("kind", type.kind());
            if (type.subresources().contains("status")) {
                if (old.has("status")) {
                    o.set("status", old.get("status").deepCopy());
                } else {
                    o.remove("status");
                }
            }
        }
        return o;
    }

    /** The name must match the URL's; namespace, uid, creation and deletion times and generation stay the server's. */
    private static void keepIdentity(ObjectNode meta, ObjectNode oldMeta, String name, String ns) {
        if (meta.hasNonNull("name") && !meta.get("name").asText().equals(name)) {
            throw ApiError.badRequest("the name of the object (" + meta.get("name").asText()
                    + ") does not match the name on the URL (" + name + ")");
        }
        meta.put("name", name);
        if (ns != null) {
            meta.put("namespace", ns);
        }
        for (String immutable : List.of("uid", "creationTimestamp", "deletionTimestamp", "generation")) {
            if (oldMeta.has(immutable)) {
                meta.set(immutable, oldMeta.get(immutable));
            } else {
                meta.remove(immutable);
            }
        }
    }

    /** Reads, changes and writes an object atomically (controllers use this; no conflicts among themselves). */
    Optional<ObjectNode> mutate(ResourceType type, String namespace, String name, UnaryOperator<ObjectNode> change,
            boolean statusOnly) {
        synchronized (lock) {
            Optional<ObjectNode> current = get(type, namespace, name);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            ObjectNode changed = change.apply(current.get().deepCopy());
            if (changed == null) {
                return current;
            }
            return Optional.of(update(type, namespace, name, changed, statusOnly, false));
        }
    }

    /**
     * Deletes an object. With finalizers present it only gets a deletionTimestamp (as the real server does) and
     * disappears when the last finalizer is removed.
     */
    ObjectNode delete(ResourceType type, String namespace, String name, String preconditionUid, boolean dryRun) {
        synchronized (lock) {
            String ns = type.namespaced() ? namespace : null;
            ObjectNode old = bucket(type).get(key(ns, name));
            if (old == null) {
                throw ApiError.notFound(type, name);
            }
            if (preconditionUid != null && !preconditionUid.equals(old.path("metadata").path("uid").asText())) {
                throw ApiError.conflict(type, name);
            }
            if (dryRun) {
                return old.deepCopy();
            }
            long rv = ++revision;
            ObjectNode o = old.deepCopy();
            if (!finalizersOf(o).isEmpty()) {
                if (!o.path("metadata").has("deletionTimestamp")) {
                    o.withObjectProperty("metadata").put("deletionTimestamp", now());
                    o.withObjectProperty("metadata").put("deletionGracePeriodSeconds", 0);
                    o.withObjectProperty("metadata").put("resourceVersion", Long.toString(rv));
                    bucket(type).put(key(ns, name), o);
                    publish(new StoreEvent("MODIFIED", type, o.deepCopy(), old.deepCopy(), rv));
                }
                return o.deepCopy();
            }
            o.withObjectProperty("metadata").put("resourceVersion", Long.toString(rv));
            bucket(type).remove(key(ns, name));
            publish(new StoreEvent("DELETED", type, o.deepCopy(), old.deepCopy(), rv));
            return o;
        }
    }

    /** Gives a stored object a fixed uid (seeding only: the kube-system namespace's identity is stable). */
    void replaceUid(ResourceType type, String namespace, String name, String uid) {
        synchronized (lock) {
            ObjectNode o = bucket(type).get(key(type.namespaced() ? namespace : null, name));
            if (o != null) {
                o.withObjectProperty("metadata").put("uid", uid);
            }
        }
    }

    /** Changes after a resourceVersion, for resuming watches; empty when that version is too old to replay. */
    Optional<List<StoreEvent>> eventsSince(long resourceVersion) {
        synchronized (lock) {
            if (!history.isEmpty() && history.peekFirst().resourceVersion() > resourceVersion + 1
                    && resourceVersion < revision - HISTORY_LIMIT) {
                return Optional.empty();
            }
            return Optional.of(history.stream().filter(e -> e.resourceVersion() > resourceVersion).toList());
        }
    }

    /** Runs a snapshot-plus-subscribe atomically, so a watch misses no change between its list and its stream. */
    <T> T atomically(java.util.function.Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }

    /** All objects of every type, for the garbage collector. */
    List<Map.Entry<String, ObjectNode>> allObjects() {
        synchronized (lock) {
            List<Map.Entry<String, ObjectNode>> result = new ArrayList<>();
            objects.forEach((storageKey, bucket) -> bucket.values()
                    .forEach(o -> result.add(Map.entry(storageKey, o.deepCopy()))));
            return result;
        }
    }

    private void publish(StoreEvent event) {
        history.addLast(event);
        while (history.size() > HISTORY_LIMIT) {
            history.removeFirst();
        }
        for (Consumer<StoreEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    private TreeMap<String, ObjectNode> bucket(ResourceType type) {
        return objects.computeIfAbsent(type.storageKey(), k -> new TreeMap<>());
    }

    private void requireNamespaceOpen(ResourceType type, String namespace, String name) {
        ObjectNode ns = objects.getOrDefault("/namespaces", new TreeMap<>()).get(key(null, namespace));
        if (ns == null) {
            throw ApiError.namespaceNotFound(namespace);
        }
        if (ns.path("metadata").has("deletionTimestamp")) {
            throw ApiError.namespaceTerminating(type, name, namespace);
        }
    }

    private static void validateName(ResourceType type, String name) {
        boolean ok = name.length() <= 253 && name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
        if (!ok && !type.kind().endsWith("Role") && !type.kind().endsWith("RoleBinding")) {
            throw ApiError.invalid(type, name, "metadata.name: Invalid value: \"" + name
                    + "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
                    + "'.', and must start and end with an alphanumeric character");
        }
    }

    private static boolean unchanged(ObjectNode old, ObjectNode updated) {
        ObjectNode a = old.deepCopy();
        ObjectNode b = updated.deepCopy();
        a.withObjectProperty("metadata").remove("resourceVersion");
        b.withObjectProperty("metadata").remove("resourceVersion");
        return a.equals(b);
    }

    private static JsonNode specOf(ObjectNode o) {
        ObjectNode copy = o.deepCopy();
        copy.remove("status");
        copy.remove("metadata");
        copy.remove("apiVersion");
        copy.remove("kind");
        return copy;
    }

    static List<String> finalizersOf(ObjectNode o) {
        List<String> result = new ArrayList<>();
        JsonNode f = o.path("metadata").path("finalizers");
        if (f instanceof ArrayNode array) {
            array.forEach(n -> result.add(n.asText()));
        }
        return result;
    }

    static String namespaceOf(JsonNode o) {
        return o.path("metadata").path("namespace").asText("");
    }

    static String nameOf(JsonNode o) {
        return o.path("metadata").path("name").asText("");
    }

    static String uidOf(JsonNode o) {
        return o.path("metadata").path("uid").asText("");
    }

    private static String textOr(ObjectNode node, String field, String fallback) {
        if (node == null) {
            return fallback;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
