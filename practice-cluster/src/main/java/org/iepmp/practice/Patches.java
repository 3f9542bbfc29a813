package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three PATCH flavours of the API server: JSON patch (RFC 6902, through zjsonpatch), JSON merge patch (RFC 7386)
 * and strategic merge patch, whose list semantics come from the Go struct tags of the built-in types; the tags that
 * matter for the list shapes charts use are reproduced in {@link #mergeKey}.
 */
final class Patches {

    private Patches() {
    }

    static JsonNode jsonPatch(JsonNode target, JsonNode patch) {
        try {
            return JsonPatch.apply(patch, target);
        } catch (JsonPatchException | IllegalArgumentException e) {
            throw new ApiError(422, "Invalid", "the server rejected our request due to an error in our request: "
                    + e.getMessage(), null);
        }
    }

    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    /**
     * Strategic merge patch. {@code custom} marks custom resources, for which the real server rejects strategic merge
     * (415): callers check that; here it only means "no merge keys".
     */
    static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
        return mergeObject(target != null && target.isObject() ? (ObjectNode) target : null, (ObjectNode) patch, "");
    }

    /**
     * The merge key of a list field, or null when the list is replaced as a whole (atomic, or no strategy).
     * {@code parent} is the name of the field holding the object that holds the list.
     */
    static String mergeKey(String field, String parentPath) {
        return switch (field) {
            case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets",
                    "resourceClaims" -> "name";
            case "volumeMounts" -> "mountPath";
            case "volumeDevices" -> "devicePath";
            case "hostAliases" -> "ip";
            case "ownerReferences" -> "uid";
            case "conditions" -> "type";
            case "taints" -> "key";
            case "topologySpreadConstraints" -> "topologyKey";
            case "ports" -> parentPath.endsWith("containers") || parentPath.endsWith("initContainers")
                    || parentPath.endsWith("ephemeralContainers") ? "containerPort" : "port";
            default -> null;
        };
    }

    /** Primitive lists merged as sets (patchStrategy:"merge" on a list of strings). */
    private static boolean mergedPrimitiveList(String field) {
        return field.equals("finalizers");
    }

    private static ObjectNode mergeObject(ObjectNode target, ObjectNode patch, String path) {
        if ("replace".equals(patch.path("$patch").asText(null))) {
            ObjectNode replaced = patch.deepCopy();
            replaced.remove("$patch");
            return stripDirectives(replaced);
        }
        ObjectNode result = target == null ? JsonNodeFactory.instance.objectNode() : target.deepCopy();
        JsonNode retainKeys = patch.get("$retainKeys");
        if (retainKeys instanceof ArrayNode keep) {
            Set<String> kept = new HashSet<>();
            keep.forEach(k -> kept.add(k.asText()));
            result.retain(kept);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.equals("$patch") || key.equals("$retainKeys") || key.startsWith("$setElementOrder/")) {
                continue;
            }
            if (key.startsWith("$deleteFromPrimitiveList/")) {
                String listField = key.substring("$deleteFromPrimitiveList/".length());
                if (result.get(listField) instanceof ArrayNode list) {
                    Set<JsonNode> remove = new HashSet<>();
                    value.forEach(remove::add);
                    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                    list.forEach(item -> {
                        if (!remove.contains(item)) {
                            kept.add(item);
                        }
                    });
                    result.set(listField, kept);
                }
                continue;
            }
            if (value.isNull()) {
                result.remove(key);
            } else if (value.isObject()) {
                if ("delete".equals(value.path("$patch").asText(null))) {
                    result.remove(key);
                } else {
                    JsonNode current = result.get(key);
                    result.set(key, mergeObject(current != null && current.isObject() ? (ObjectNode) current : null,
                            (ObjectNode) value, path + "/" + key));
                }
            } else if (value.isArray()) {
                result.set(key, mergeList(result.get(key), (ArrayNode) value, key, path));
            } else {
                result.set(key, value.deepCopy());
            }
        }
        return result;
    }

    private static JsonNode mergeList(JsonNode target, ArrayNode patch, String field, String parentPath) {
        String mergeKey = mergeKey(field, parentPath);
        ArrayNode current = target instanceof ArrayNode a ? a : JsonNodeFactory.instance.arrayNode();
        if (mergedPrimitiveList(field)) {
            ArrayNode result = current.deepCopy();
            for (JsonNode item : patch) {
                boolean present = false;
                for (JsonNode existing : result) {
                    present |= existing.equals(item);
                }
                if (!present) {
                    result.add(item.deepCopy());
                }
            }
            return result;
        }
        if (mergeKey == null || !allObjects(patch)) {
            ArrayNode replaced = JsonNodeFactory.instance.arrayNode();
            patch.forEach(item -> replaced.add(item.isObject() ? stripDirectives((ObjectNode) item.deepCopy())
                    : item.deepCopy()));
            return replaced;
        }
        if (patch.size() == 1 && "replace".equals(patch.get(0).path("$patch").asText(null))) {
            return JsonNodeFactory.instance.arrayNode();
        }
        List<JsonNode> result = new ArrayList<>();
        current.forEach(item -> result.add(item.deepCopy()));
        String itemPath = parentPath + "/" + field;
        for (JsonNode patchItem : patch) {
            ObjectNode p = (ObjectNode) patchItem;
            if ("replace".equals(p.path("$patch").asText(null)) && !p.has(mergeKey)) {
                result.clear();
                continue;
            }
            JsonNode keyValue = p.get(mergeKey);
            int index = indexOf(result, mergeKey, keyValue);
            if ("delete".equals(p.path("$patch").asText(null))) {
                if (index >= 0) {
                    result.remove(index);
                }
            } else if (index >= 0) {
                result.set(index, mergeObject((ObjectNode) result.get(index), p, itemPath));
            } else {
                result.add(mergeObject(null, p, itemPath));
            }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        result.forEach(out::add);
        return out;
    }

    private static int indexOf(List<JsonNode> items, String mergeKey, JsonNode keyValue) {
        if (keyValue == null) {
            return -1;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode v = items.get(i).get(mergeKey);
            if (v != null && v.asText().equals(keyValue.asText())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allObjects(ArrayNode list) {
        for (JsonNode n : list) {
            if (!n.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode stripDirectives(ObjectNode node) {
        List<String> remove = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (f.startsWith("$")) {
                remove.add(f);
            }
        });
        node.remove(remove);
        node.fields().forEachRemaining(e -> {
            if (e.getValue() instanceof ObjectNode child) {
                stripDirectives(child);
            } else if (e.getValue() instanceof ArrayNode list) {
                list.forEach(item -> {
                    if (item instanceof ObjectNode o) {
                        stripDirectives(o);
                    }
                });
            }
        });
        return node;
    }

    /**
     * Server-side apply, simplified to a per-manager three-way merge: fields this manager applied last time and omits
     * now are removed; the new configuration is merged over the live object with strategic-merge list semantics
     * (lists with merge keys are associative, as their x-kubernetes-list-map-keys are on a real server).
     */
    static ObjectNode apply(ObjectNode live, ObjectNode lastApplied, ObjectNode config) {
        ObjectNode base = live.deepCopy();
        if (lastApplied != null) {
            removeDropped(base, lastApplied, config, "");
        }
        return mergeObject(base, config, "");
    }

    private static void removeDropped(ObjectNode live, ObjectNode last, ObjectNode config, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = last.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = e.getKey();
            JsonNode now = config.get(key);
            JsonNode liveValue = live.get(key);
            if (now == null) {
                if (!(path.isEmpty() && (key.equals("apiVersion") || key.equals("kind")))) {
                    live.remove(key);
                }
            } else if (e.getValue() instanceof ObjectNode lastChild && now instanceof ObjectNode nowChild
                    && liveValue instanceof ObjectNode liveChild) {
                removeDropped(liveChild, lastChild, nowChild, path + "/" + key);
            } else if (e.getValue() instanceof ArrayNode lastList && now instanceof ArrayNode nowList
                    && liveValue instanceof ArrayNode liveList) {
                String mergeKey = mergeKey(key, path);
                if (mergeKey != null) {
                    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
                    for (JsonNode item : liveList) {
                        JsonNode k = item.get(mergeKey);
                        boolean wasApplied = k != null && containsKey(lastList, mergeKey, k);
                        boolean stillApplied = k != null && containsKey(nowList, mergeKey, k);
                        if (!wasApplied || stillApplied) {
                            JsonNode lastItem = k == null ? null : find(lastList, mergeKey, k);
                            JsonNode nowItem = k == null ? null : find(nowList, mergeKey, k);
                            if (lastItem instanceof ObjectNode l && nowItem instanceof ObjectNode n
                                    && item instanceof ObjectNode i) {
                                removeDropped(i, l, n, path + "/" + key);
                            }
                            kept.add(item);
                        }
                    }
                    live.set(key, kept);
                }
            }
        }
    }

    private static boolean containsKey(ArrayNode list, String mergeKey, JsonNode key) {
        return find(list, mergeKey, key) != null;
    }

    private static JsonNode find(ArrayNode list, String mergeKey, JsonNode key) {
        for (JsonNode n : list) {
            if (n.has(mergeKey) && n.get(mergeKey).asText().equals(key.asText())) {
                return n;
            }
        }
        return null;
    }
}
