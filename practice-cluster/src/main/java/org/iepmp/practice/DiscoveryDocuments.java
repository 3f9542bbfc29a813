package org.iepmp.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy (non-aggregated) discovery documents: {@code /version}, {@code /api}, {@code /apis},
 * {@code /apis/<group>} and the APIResourceList of each group version. Clients asking for aggregated discovery
 * fall back to these, as they do against any server that answers with plain {@code application/json}.
 */
final class DiscoveryDocuments {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> CATEGORY_ALL = Set.of("pods", "services", "deployments", "replicasets",
            "statefulsets", "daemonsets", "jobs", "cronjobs", "replicationcontrollers");

    private final ResourceRegistry registry;
    private final String serverAddress;

    DiscoveryDocuments(ResourceRegistry registry, String serverAddress) {
        this.registry = registry;
        this.serverAddress = serverAddress;
    }

    ObjectNode version() {
        ObjectNode v = JSON.objectNode();
        v.put("major", "1");
        v.put("minor", "31");
        v.put("gitVersion", "v1.31.4");
        v.put("gitCommit", "a78aa47129b8539636eb86a9d00e31b2720fe06b");
        v.put("gitTreeState", "clean");
        v.put("buildDate", "2024-12-10T11:37:22Z");
        v.put("goVersion", "go1.22.10");
        v.put("compiler", "gc");
        v.put("platform", "linux/amd64");
        return v;
    }

    ObjectNode coreVersions() {
        ObjectNode v = JSON.objectNode();
        v.put("kind", "APIVersions");
        v.putArray("versions").add("v1");
        ObjectNode cidr = v.putArray("serverAddressByClientCIDRs").addObject();
        cidr.put("clientCIDR", "0.0.0.0/0");
        cidr.put("serverAddress", serverAddress);
        return v;
    }

    ObjectNode groupList() {
        ObjectNode list = JSON.objectNode();
        list.put("kind", "APIGroupList");
        list.put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        for (Map.Entry<String, List<String>> g : registry.groups().entrySet()) {
            groups.add(group(g.getKey(), g.getValue()));
        }
        return list;
    }

    ObjectNode group(String name) {
        List<String> versions = registry.groups().get(name);
        if (versions == null) {
            throw ApiError.pathNotFound();
        }
        ObjectNode g = group(name, versions);
        g.put("kind", "APIGroup");
        g.put("apiVersion", "v1");
        return g;
    }

    private ObjectNode group(String name, List<String> versions) {
        ObjectNode g = JSON.objectNode();
        g.put("name", name);
        ArrayNode vs = g.putArray("versions");
        for (String version : versions) {
            ObjectNode v = vs.addObject();
            v.put("groupVersion", name + "/" + version);
            v.put("version", version);
        }
        ObjectNode preferred = g.putObject("preferredVersion");
        preferred.put("groupVersion", name + "/" + versions.get(0));
        preferred.put("version", versions.get(0));
        return g;
    }

    ObjectNode resourceList(String group, String version) {
        List<ResourceType> types = registry.inGroupVersion(group, version);
        if (types.isEmpty()) {
            throw ApiError.pathNotFound();
        }
        ObjectNode list = JSON.objectNode();
        list.put("kind", "APIResourceList");
        list.put("apiVersion", "v1");
        list.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = list.putArray("resources");
        for (ResourceType t : types) {
            ObjectNode r = resources.addObject();
            r.put("name", t.plural());
            r.put("singularName", t.singular());
            r.put("namespaced", t.namespaced());
            r.put("kind", t.kind());
            ArrayNode verbs = r.putArray("verbs");
            t.verbs().forEach(verbs::add);
            if (!t.shortNames().isEmpty()) {
                ArrayNode shortNames = r.putArray("shortNames");
                t.shortNames().forEach(shortNames::add);
            }
            if (CATEGORY_ALL.contains(t.plural()) && t.group().matches("|apps|batch")) {
                r.putArray("categories").add("all");
            }
            for (String sub : t.subresources()) {
                ObjectNode s = resources.addObject();
                s.put("name", t.plural() + "/" + sub);
                s.put("singularName", "");
                s.put("namespaced", t.namespaced());
                ArrayNode subVerbs = s.putArray("verbs");
                switch (sub) {
                    case "log" -> {
                        s.put("kind", "Pod");
                        subVerbs.add("get");
                    }
                    case "scale" -> {
                        s.put("group", "autoscaling");
                        s.put("version", "v1");
                        s.put("kind", "Scale");
                        subVerbs.add("get").add("patch").add("update");
                    }
                    case "finalize" -> {
                        s.put("kind", t.kind());
                        subVerbs.add("update");
                    }
                    default -> {
                        s.put("kind", t.kind());
                        subVerbs.add("get").add("patch").add("update");
                    }
                }
            }
        }
        return list;
    }
}
