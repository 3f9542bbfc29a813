package org.iepmp.lifecycle.values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dotted paths into Helm-style values: {@code image.tag}, {@code env[0].name}. A dot, bracket
 * or backslash inside a key is escaped with a backslash ({@code annotations.kubernetes\.io/name}),
 * as Helm's {@code --set} does, so every leaf has exactly one path.
 */
public final class ValuePaths {

    private ValuePaths() {
    }

    public static String child(String parent, String key) {
        String escaped = key.replace("\\", "\\\\").replace(".", "\\.").replace("[", "\\[");
        return parent.isEmpty() ? escaped : parent + "." + escaped;
    }

    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** {@code candidate} is {@code ancestor} or lies below it. */
    public static boolean isAtOrBelow(String candidate, String ancestor) {
        if (!candidate.startsWith(ancestor)) {
            return false;
        }
        if (candidate.length() == ancestor.length()) {
            return true;
        }
        char next = candidate.charAt(ancestor.length());
        return (next == '.' || next == '[') && !endsWithEscape(ancestor);
    }

    private static boolean endsWithEscape(String path) {
        int backslashes = 0;
        for (int i = path.length() - 1; i >= 0 && path.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The last key of a path, unescaped (for {@code a.b\.c} that is {@code b.c}); empty for a list element. */
    public static String lastKey(String path) {
        if (path.endsWith("]")) {
            return "";
        }
        int start = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '.') {
                start = i + 1;
            } else if (c == '[') {
                start = path.indexOf(']', i) + 1;
                if (start < path.length() && path.charAt(start) == '.') {
                    start++;
                }
            }
        }
        return path.substring(start).replace("\\.", ".").replace("\\[", "[").replace("\\\\", "\\");
    }

    /**
     * Every leaf of a values tree by path, in document order. Scalars, nulls, and empty maps or
     * lists (so adding an empty map still shows) are leaves.
     */
    public static Map<String, Object> flatten(Map<String, ?> values) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        walk("", values, leaves);
        return leaves;
    }

    private static void walk(String path, Object node, Map<String, Object> leaves) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(child(path, String.valueOf(entry.getKey())), entry.getValue(), leaves);
            }
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                walk(element(path, i), list.get(i), leaves);
            }
        } else if (!path.isEmpty()) {
            leaves.put(path, node);
        }
    }
}
