package org.iepmp.lifecycle.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.lifecycle.values.SecretMasker;
import org.iepmp.lifecycle.values.ValuePaths;

/** Helm values as trees of maps, lists and scalars: merging, reading, and finding the secrets in them. */
final class ValueTrees {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {
    };

    private ValueTrees() {
    }

    /** Helm's merge: maps merge key by key, anything else in {@code over} replaces what {@code base} had. */
    static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> over) {
        Map<String, Object> result = copy(base);
        for (Map.Entry<String, ?> entry : over.entrySet()) {
            Object old = result.get(entry.getKey());
            if (old instanceof Map<?, ?> oldMap && entry.getValue() instanceof Map<?, ?> newMap) {
                result.put(entry.getKey(), merge(asTree(oldMap), asTree(newMap)));
            } else {
                result.put(entry.getKey(), deepCopy(entry.getValue()));
            }
        }
        return result;
    }

    static Map<String, Object> copy(Map<String, ?> tree) {
        Map<String, Object> result = new LinkedHashMap<>();
        tree.forEach((k, v) -> result.put(k, deepCopy(v)));
        return result;
    }

    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            return copy(asTree(map));
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(e -> result.add(deepCopy(e)));
            return result;
        }
        return node;
    }

    private static Map<String, Object> asTree(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    /** A YAML mapping as a tree; empty, null or "null" text is an empty tree. */
    static Map<String, Object> fromYaml(String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> tree = YAML.readValue(text, TREE);
            return tree == null ? new LinkedHashMap<>() : tree;
        } catch (IOException e) {
            throw new IllegalArgumentException("values are not a YAML mapping", e);
        }
    }

    static Map<String, Object> fromJson(String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> tree = JSON.readValue(text, TREE);
            return tree == null ? new LinkedHashMap<>() : tree;
        } catch (IOException e) {
            throw new IllegalArgumentException("recorded values are not a JSON object", e);
        }
    }

    /** Chart-value paths of the value definitions marked secret ({@code /admin/password} becomes {@code admin.password}). */
    static Set<String> secretPaths(ResolvedVersion version) {
        Set<String> paths = new LinkedHashSet<>();
        for (ValueDefinition definition : version.valueDefinitions()) {
            if (!definition.secret()) {
                continue;
            }
            for (ValueTarget target : definition.targets()) {
                if (target.kind() == ValueTarget.Kind.CHART_VALUE && target.path() != null) {
                    paths.add(pointerToPath(target.path()));
                }
            }
        }
        return paths;
    }

    /** The paths a recorded (masked) tree shows as masks: the secret paths it was recorded with. */
    static Set<String> maskedPaths(Map<String, ?> masked) {
        Set<String> paths = new LinkedHashSet<>();
        ValuePaths.flatten(masked).forEach((path, value) -> {
            if (value instanceof String text && text.startsWith(SecretMasker.MASK)) {
                paths.add(path);
            }
        });
        return paths;
    }

    /** The plain secret values in a tree (to mask them wherever a template copied them). */
    static Collection<String> secretValues(SecretMasker masker, Map<String, ?> values, Set<String> secretPaths) {
        List<String> found = new ArrayList<>();
        for (Object secret : masker.mask(values, secretPaths).secrets().values()) {
            if (secret instanceof Map<?, ?> map) {
                ValuePaths.flatten(asTree(map)).values().forEach(v -> found.add(String.valueOf(v)));
            } else if (secret != null) {
                found.add(String.valueOf(secret));
            }
        }
        return found;
    }

    private static String pointerToPath(String pointer) {
        String path = "";
        for (String part : pointer.replaceFirst("^/", "").split("/")) {
            String key = part.replace("~1", "/").replace("~0", "~");
            path = ValuePaths.child(path, key);
        }
        return path;
    }
}
