package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * metadata.managedFields, simplified: one entry per manager and operation whose FieldsV1 set lists the fields of the
 * manager's last request (the real server tracks ownership field by field across managers).
 */
final class ManagedFields {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private ManagedFields() {
    }

    static void record(ObjectNode target, String manager, String operation, ResourceType type, ObjectNode sent,
            String time) {
        ObjectNode meta = target.withObjectProperty("metadata");
        ArrayNode entries = meta.has("managedFields") && meta.get("managedFields").isArray()
                ? (ArrayNode) meta.get("managedFields") : meta.putArray("managedFields");
        for (int i = entries.size() - 1; i >= 0; i--) {
            JsonNode e = entries.get(i);
            if (manager.equals(e.path("manager").asText()) && operation.equals(e.path("operation").asText())) {
                entries.remove(i);
            }
        }
        ObjectNode entry = entries.addObject();
        entry.put("manager", manager);
        entry.put("operation", operation);
        entry.put("apiVersion", type.apiVersion());
        entry.put("time", time);
        entry.put("fieldsType", "FieldsV1");
        entry.set("fieldsV1", fieldSet(sent));
    }

    /** The FieldsV1 set of a request body, without the identity fields every request carries. */
    static ObjectNode fieldSet(ObjectNode sent) {
        ObjectNode content = sent.deepCopy();
        content.remove("apiVersion");
        content.remove("kind");
        if (content.get("metadata") instanceof ObjectNode m) {
            m.remove("name");
            m.remove("namespace");
            m.remove("resourceVersion");
            m.remove("managedFields");
            m.remove("uid");
            m.remove("creationTimestamp");
            if (m.isEmpty()) {
                content.remove("metadata");
            }
        }
        return fields(content, "");
    }

    /**
     * Server-side apply conflicts: fields in the applied configuration that another manager set (per its last
     * recorded request) and whose live value differs from the applied one, as {@code .spec.replicas}-style paths,
     * grouped by manager and API version in the real server's wording.
     */
    static List<String> conflicts(ObjectNode live, ObjectNode config, String manager) {
        ObjectNode applied = fieldSet(config);
        List<String> result = new ArrayList<>();
        for (JsonNode entry : live.path("metadata").path("managedFields")) {
            if (manager.equals(entry.path("manager").asText()) || !(entry.get("fieldsV1") instanceof ObjectNode theirs)) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            walk(applied, theirs, live, config, "", paths);
            for (String path : paths) {
                result.add("conflict with \"" + entry.path("manager").asText() + "\""
                        + (entry.path("operation").asText().equals("Apply") ? "" : " using "
                                + entry.path("apiVersion").asText()) + ": " + path);
            }
        }
        return result;
    }

    private static void walk(ObjectNode applied, ObjectNode theirs, JsonNode live, JsonNode config, String path,
            List<String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = applied.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!theirs.has(key) || !(e.getValue() instanceof ObjectNode appliedChild)
                    || !(theirs.get(key) instanceof ObjectNode theirChild)) {
                continue;
            }
            boolean leaf = appliedChild.isEmpty() || appliedChild.size() == 1 && appliedChild.has(".");
            if (key.startsWith("f:")) {
                String field = key.substring(2);
                JsonNode liveValue = live.path(field);
                JsonNode configValue = config.path(field);
                if (leaf) {
                    if (!liveValue.isMissingNode() && !liveValue.equals(configValue)) {
                        out.add(path + "." + field);
                    }
                } else {
                    walk(appliedChild, theirChild, liveValue, configValue, path + "." + field, out);
                }
            } else if (key.startsWith("k:")) {
                JsonNode itemKey;
                try {
                    itemKey = MAPPER.readTree(key.substring(2));
                } catch (java.io.IOException ex) {
                    continue;
                }
                JsonNode liveItem = find(live, itemKey);
                JsonNode configItem = find(config, itemKey);
                if (liveItem != null && configItem != null) {
                    walk(appliedChild, theirChild, liveItem, configItem, path + "[" + itemKey + "]", out);
                }
            }
        }
    }

    private static JsonNode find(JsonNode list, JsonNode key) {
        for (JsonNode item : list) {
            boolean all = true;
            Iterator<Map.Entry<String, JsonNode>> k = key.fields();
            while (k.hasNext()) {
                Map.Entry<String, JsonNode> f = k.next();
                all &= item.path(f.getKey()).asText().equals(f.getValue().asText());
            }
            if (all) {
                return item;
            }
        }
        return null;
    }

    private static ObjectNode fields(JsonNode node, String path) {
        ObjectNode set = JSON.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isObject()) {
                ObjectNode child = fields(value, path + "/" + e.getKey());
                if (value.isEmpty()) {
                    set.putObject("f:" + e.getKey());
                } else {
                    set.set("f:" + e.getKey(), child);
                }
            } else if (value.isArray()) {
                String key = Patches.mergeKey(e.getKey(), path);
                ObjectNode list = set.putObject("f:" + e.getKey());
                if (key != null) {
                    for (JsonNode item : value) {
                        if (item.has(key)) {
                            ObjectNode k = JSON.objectNode().set(key, item.get(key));
                            ObjectNode itemFields = fields(item, path + "/" + e.getKey());
                            itemFields.putObject(".");
                            list.set("k:" + k, itemFields);
                        }
                    }
                }
            } else {
                set.putObject("f:" + e.getKey());
            }
        }
        return set;
    }
}
