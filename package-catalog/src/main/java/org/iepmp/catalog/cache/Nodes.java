package org.iepmp.catalog.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;

/** Field access on parsed repository files with typed errors naming the file and field. */
public final class Nodes {

    private Nodes() {
    }

    public static String requiredText(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " lacks field '" + field + "'", what, field);
        }
        return value.asText().trim();
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        return value.asText();
    }

    public static Integer integer(JsonNode node, String field, String what) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.canConvertToInt() || value.isTextual() && value.asText().matches("-?\\d+")) {
            return value.isTextual() ? Integer.valueOf(value.asText()) : value.asInt();
        }
        throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " field '" + field + "' is not a whole number",
                what, field);
    }

    public static Double number(JsonNode node, String field, String what) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.valueOf(value.asText());
        } catch (NumberFormatException e) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " field '" + field + "' is not a number",
                    what, field);
        }
    }

    /** The elements of a list field; absent or null is an empty list, anything else but a list an error. */
    public static List<JsonNode> list(JsonNode node, String field, String what) {
        JsonNode value = node == null ? null : node.get(field);
        List<JsonNode> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " field '" + field + "' is not a list",
                    what, field);
        }
        value.forEach(result::add);
        return result;
    }

    public static List<String> texts(JsonNode node, String field, String what) {
        return list(node, field, what).stream().filter(JsonNode::isValueNode).map(JsonNode::asText).toList();
    }
}
