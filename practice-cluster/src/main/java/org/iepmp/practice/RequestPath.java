package org.iepmp.practice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A resource URL taken apart: {@code /api/v1/namespaces/ns/pods/name/log} or
 * {@code /apis/apps/v1/deployments}.
 *
 * @param type the resource type
 * @param namespace namespace from the URL, null for cluster-wide requests
 * @param name object name, null for collection requests
 * @param subresource subresource, null for the object itself
 */
record RequestPath(ResourceType type, String namespace, String name, String subresource) {

    /** Parses the segments after the group version; null when the path names no known resource. */
    static RequestPath parse(ResourceRegistry registry, String group, String version, List<String> segments) {
        List<String> s = new ArrayList<>(segments);
        String namespace = null;
        if (s.size() >= 3 && s.get(0).equals("namespaces")
                && registry.find(group, version, s.get(2)).filter(ResourceType::namespaced).isPresent()) {
            namespace = s.get(1);
            s = s.subList(2, s.size());
        }
        if (s.isEmpty() || s.size() > 3) {
            return null;
        }
        ResourceType type = registry.find(group, version, s.get(0)).orElse(null);
        if (type == null) {
            return null;
        }
        String name = s.size() >= 2 ? s.get(1) : null;
        String sub = s.size() == 3 ? s.get(2) : null;
        if (sub != null && !type.subresources().contains(sub)) {
            return null;
        }
        return new RequestPath(type, namespace, name, sub);
    }

    static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
    }
}
