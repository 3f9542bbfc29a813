package org.iepmp.lifecycle.settings;

import org.iepmp.lifecycle.values.ValuePaths;

/** JSON pointers (RFC 6901) as the dotted chart-value paths the plan and the secret masking use. */
final class JsonPointers {

    private JsonPointers() {
    }

    /** {@code /ui/message} becomes {@code ui.message}; {@code /hosts/0} becomes {@code hosts[0]}. */
    static String dotted(String pointer) {
        String path = "";
        if (pointer == null || pointer.isEmpty()) {
            return path;
        }
        for (String part : pointer.replaceFirst("^/", "").split("/", -1)) {
            String key = part.replace("~1", "/").replace("~0", "~");
            path = key.matches("\\d+") && !path.isEmpty() ? ValuePaths.element(path, Integer.parseInt(key)) : ValuePaths.child(path, key);
        }
        return path;
    }
}
