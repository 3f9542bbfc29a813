package org.iepmp.catalog.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iepmp.catalog.support.Lazy;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.ValueConstraints;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueProblem;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.catalog.api.ValueType;

/**
 * A chart's {@code values.schema.json}: turned into the typed form model (one field per scalar
 * property, nested objects flattened into paths) and used to validate values with a JSON Schema
 * library. Schemas that reference other documents are refused: resolving them would mean network
 * access the catalog does not allow itself here.
 */
public final class ValuesSchema {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|apikey|api_key).*");
    private static final int MAX_DEPTH = 8;

    /** Made on first use (see {@link Lazy}). */
    // A lambda, not ObjectMapper::new: linking a constructor reference initialises ObjectMapper
    // (some 380 classes) right here, on the FX thread before the first frame.
    private final Lazy<ObjectMapper> json = new Lazy<>(() -> new ObjectMapper());

    public List<ValueDefinition> toForm(String schemaJson, String chartName) {
        JsonNode schema = parse(schemaJson);
        List<ValueDefinition> fields = new ArrayList<>();
        walk(schema, "", "", chartName, fields, 0);
        return fields;
    }

    public List<ValueProblem> validate(String schemaJson, Map<String, Object> values) {
        JsonNode schemaNode = parse(schemaJson);
        SpecVersion.VersionFlag version = SpecVersionDetector.detectOptionalVersion(schemaNode, false)
                .orElse(SpecVersion.VersionFlag.V7);
        JsonSchema schema = JsonSchemaFactory.getInstance(version).getSchema(schemaNode);
        Set<ValidationMessage> messages = schema.validate(json.get().valueToTree(values));
        return messages.stream()
                .map(m -> new ValueProblem(m.getInstanceLocation().toString(), m.getMessage()))
                .sorted(Comparator.comparing(ValueProblem::path).thenComparing(ValueProblem::message))
                .toList();
    }

    private JsonNode parse(String schemaJson) {
        JsonNode schema;
        try {
            schema = json.get().readTree(schemaJson);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, "values.schema.json is not JSON", e,
                    "values.schema.json", "(document)");
        }
        if (schema == null || !schema.isObject()) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, "values.schema.json is not an object",
                    "values.schema.json", "(document)");
        }
        rejectExternalReferences(schema);
        return schema;
    }

    private static void rejectExternalReferences(JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                throw new CatalogException(CatalogErrorCode.UNSUPPORTED,
                        "values.schema.json references " + ref.asText(), "$ref " + ref.asText());
            }
        }
        node.forEach(ValuesSchema::rejectExternalReferences);
    }

    private void walk(JsonNode schema, String name, String path, String chartName, List<ValueDefinition> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode property = field.getValue();
            String childName = name.isEmpty() ? key : name + "." + key;
            String childPath = path + "/" + key.replace("~", "~0").replace("/", "~1");
            String type = type(property);
            if ("object".equals(type)) {
                walk(property, childName, childPath, chartName, out, depth + 1);
                continue;
            }
            ValueType valueType;
            List<String> options = new ArrayList<>();
            if (property.has("enum")) {
                valueType = ValueType.OPTIONS;
                property.get("enum").forEach(o -> options.add(o.isNull() ? "" : o.asText()));
            } else if ("boolean".equals(type)) {
                valueType = ValueType.BOOLEAN;
            } else if ("integer".equals(type) || "number".equals(type)) {
                valueType = ValueType.NUMBER;
            } else if ("string".equals(type)) {
                valueType = ValueType.TEXT;
            } else {
                continue; // arrays and untyped values have no simple form field; they stay in values.yaml
            }
            JsonNode defaultValue = property.get("default");
            ValueConstraints constraints = new ValueConstraints(required.contains(key),
                    number(property, "minimum"), number(property, "maximum"), integer(property, "minLength"),
                    integer(property, "maxLength"), property.hasNonNull("pattern") ? property.get("pattern").asText() : null);
            boolean secret = property.path("writeOnly").asBoolean(false)
                    || "password".equals(property.path("format").asText()) || SECRET_NAME.matcher(key).matches();
            ValueTarget target = new ValueTarget(ValueTarget.Kind.CHART_VALUE, chartName, null, null, null, "add",
                    childPath, null);
            out.add(new ValueDefinition(childName, valueType,
                    defaultValue == null || defaultValue.isNull() ? null : defaultValue.asText(),
                    property.hasNonNull("title") ? property.get("title").asText() : null,
                    property.hasNonNull("description") ? property.get("description").asText() : null,
                    List.of(), options, constraints, List.of(target), secret));
        }
    }

    private static String type(JsonNode property) {
        JsonNode type = property.get("type");
        if (type == null) {
            return property.has("properties") ? "object" : property.has("enum") ? "string" : null;
        }
        if (type.isArray()) {
            // ["string", "null"]: the non-null type decides the field.
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return null;
        }
        return type.asText();
    }

    private static Double number(JsonNode node, String field) {
        return node.hasNonNull(field) && node.get(field).isNumber() ? node.get(field).asDouble() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) && node.get(field).canConvertToInt() ? node.get(field).asInt() : null;
    }
}
