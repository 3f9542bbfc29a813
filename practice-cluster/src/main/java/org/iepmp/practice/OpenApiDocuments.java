package org.iepmp.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * {@code /openapi/v3} and its per-group-version documents, reduced to what clients read from them: the operations of
 * each resource with their {@code x-kubernetes-group-version-kind} and the {@code fieldValidation} parameter. Helm and
 * kubectl look for that parameter to choose server-side field validation over downloading the full schema; the
 * practice server accepts the parameter and does not validate fields (schemas are not served).
 */
final class OpenApiDocuments {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResourceRegistry registry;

    OpenApiDocuments(ResourceRegistry registry) {
        this.registry = registry;
    }

    ObjectNode root() {
        ObjectNode root = JSON.objectNode();
        ObjectNode paths = root.putObject("paths");
        paths.putObject("api/v1").put("serverRelativeURL", "/openapi/v3/api/v1?hash=" + hash("", "v1"));
        for (Map.Entry<String, List<String>> g : registry.groups().entrySet()) {
            for (String version : g.getValue()) {
                paths.putObject("apis/" + g.getKey() + "/" + version).put("serverRelativeURL",
                        "/openapi/v3/apis/" + g.getKey() + "/" + version + "?hash=" + hash(g.getKey(), version));
            }
        }
        return root;
    }

    private String hash(String group, String version) {
        return Integer.toHexString(document(group, version).toString().hashCode()).toUpperCase(java.util.Locale.ROOT);
    }

    ObjectNode document(String group, String version) {
        List<ResourceType> types = registry.inGroupVersion(group, version);
        if (types.isEmpty()) {
            throw ApiError.pathNotFound();
        }
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "v1.31.4");
        ObjectNode paths = doc.putObject("paths");
        String prefix = group.isEmpty() ? "/api/v1" : "/apis/" + group + "/" + version;
        for (ResourceType t : types) {
            String collection = prefix + (t.namespaced() ? "/namespaces/{namespace}/" : "/") + t.plural();
            ObjectNode collectionPath = paths.putObject(collection);
            collectionPath.set("post", operation(t, "create"));
            collectionPath.set("get", operation(t, "list"));
            ObjectNode item = paths.putObject(collection + "/{name}");
            item.set("get", operation(t, "read"));
            item.set("put", operation(t, "replace"));
            item.set("patch", operation(t, "patch"));
            item.set("delete", operation(t, "delete"));
        }
        doc.putObject("components").putObject("schemas");
        return doc;
    }

    private static ObjectNode operation(ResourceType t, String action) {
        ObjectNode op = JSON.objectNode();
        op.put("operationId", action + t.kind());
        op.put("x-kubernetes-action", action.equals("read") ? "get" : action.equals("replace") ? "put" : action);
        ObjectNode gvk = op.putObject("x-kubernetes-group-version-kind");
        gvk.put("group", t.group());
        gvk.put("kind", t.kind());
        gvk.put("version", t.version());
        ArrayNode parameters = op.putArray("parameters");
        if (List.of("create", "replace", "patch").contains(action)) {
            for (String name : List.of("dryRun", "fieldManager", "fieldValidation")) {
                ObjectNode p = parameters.addObject();
                p.put("name", name);
                p.put("in", "query");
                p.put("description", name);
                p.putObject("schema").put("type", "string");
                p.put("uniqueItems", true);
            }
        }
        op.putObject("responses").putObject("200").put("description", "OK");
        return op;
    }
}
