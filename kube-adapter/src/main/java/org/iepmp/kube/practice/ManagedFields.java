package org.iepmp.kube.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * metadata.managedFields, simplified: one entry per manager and operation whose FieldsV1 set lists the fields of the
 * manager's last request (the real server tracks ownership field by field across managers).
 */
final class ManagedFields {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

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
        }
        entry.set("fieldsV1", fields(content, ""));
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
