package org.iepmp.kube.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets a value at an RFC 6901 JSON pointer, like JSON Patch {@code add}, except that missing
 * parent objects are created (package authors write {@code /spec/template/metadata/annotations/x}
 * without knowing whether the manifest already has annotations). {@code -} appends to an array.
 */
final class JsonPointerPatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonPointerPatch() {
    }

    /** @throws IllegalArgumentException when the pointer crosses a scalar or an array index out of range */
    static void set(ObjectNode root, String pointer, Object value) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("cannot replace the whole object");
        }
        JsonNode current = root;
        for (int i = 0; i < tokens.size() - 1; i++) {
            String token = tokens.get(i);
            current = child(current, token, tokens.get(i + 1), pointer);
        }
        JsonNode newValue = JSON.valueToTree(value);
        String last = tokens.get(tokens.size() - 1);
        if (current instanceof ObjectNode object) {
            object.set(last, newValue);
        } else if (current instanceof ArrayNode array) {
            if ("-".equals(last)) {
                array.add(newValue);
            } else {
                int index = index(last, pointer);
                if (index > array.size()) {
                    throw new IllegalArgumentException("index " + index + " out of range in " + pointer);
                }
                if (index == array.size()) {
                    array.add(newValue);
                } else {
                    array.set(index, newValue);
                }
            }
        } else {
            throw new IllegalArgumentException(pointer + " goes through a value that is neither object nor list");
        }
    }

    private static JsonNode child(JsonNode parent, String token, String next, String pointer) {
        if (parent instanceof ObjectNode object) {
            JsonNode existing = object.get(token);
            if (existing == null || existing.isNull()) {
                return isIndex(next) ? object.putArray(token) : object.putObject(token);
            }
            return existing;
        }
        if (parent instanceof ArrayNode array) {
            int index = index(token, pointer);
            if (index >= array.size()) {
                throw new IllegalArgumentException("index " + index + " out of range in " + pointer);
            }
            return array.get(index);
        }
        throw new IllegalArgumentException(pointer + " goes through a value that is neither object nor list");
    }

    private static boolean isIndex(String token) {
        return "-".equals(token) || (!token.isEmpty() && token.chars().allMatch(Character::isDigit));
    }

    private static int index(String token, String pointer) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + token + "' is not a list index in " + pointer, e);
        }
    }

    static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
