package org.iepmp.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The configuration each field manager last applied to each object (by uid), for server-side apply. */
final class ApplyRecords {

    private final Map<String, ObjectNode> applied = new ConcurrentHashMap<>();

    ObjectNode last(String uid, String manager) {
        ObjectNode o = applied.get(uid + "/" + manager);
        return o == null ? null : o.deepCopy();
    }

    void record(String uid, String manager, ObjectNode config) {
        applied.put(uid + "/" + manager, config.deepCopy());
    }

    void forget(String uid) {
        applied.keySet().removeIf(k -> k.startsWith(uid + "/"));
    }
}
