package org.iepmp.lifecycle.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.ValueConstraints;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.catalog.api.ValueType;
import org.iepmp.catalog.api.SettingRules;

/**
 * Everything needed to apply one version of a plain-manifest package again without the package
 * source: the manifest texts and the package's value definitions (defaults, targets, templates).
 * Kept in the content-addressed archive store beside the chart archives (as one JSON document,
 * written deterministically, so the same version always has the same digest), so a rollback works
 * offline. Values themselves (secrets among them) are never in the bundle: they stay sealed in the
 * history, keyed by definition name, and are patched in (with Glasskube's semantics) when the
 * bundle is rendered or applied.
 */
record ManifestBundle(String packageName, String version, List<String> manifests, List<ValueDefinition> definitions) {

    /** Marks the JSON document as a bundle (a chart archive is gzip and never starts with '{'). */
    static final String FORMAT = "iepmp-manifest-bundle/v2";
    /** The first format: targets without patch operation (written as "add"), defaults and secret names apart. */
    private static final String FORMAT_V1 = "iepmp-manifest-bundle/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    ManifestBundle {
        manifests = List.copyOf(manifests);
        definitions = List.copyOf(definitions);
    }

    /** The bundle of a catalog version, with the manifest texts the catalog fetched for it. */
    static ManifestBundle of(ResolvedVersion version, List<String> texts) {
        return new ManifestBundle(version.name(), version.version(), texts, version.valueDefinitions());
    }

    /** The defaults Glasskube uses (non-empty default texts), by definition name. */
    Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        definitions.forEach(d -> SettingRules.defaultOf(d).ifPresent(text -> defaults.put(d.name(), text)));
        return defaults;
    }

    /** The names of the secret definitions: their values are sealed in the history. */
    Set<String> secretNames() {
        Set<String> names = new LinkedHashSet<>();
        definitions.stream().filter(ValueDefinition::secret).forEach(d -> names.add(d.name()));
        return names;
    }

    byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("package", packageName);
        root.put("version", version);
        ArrayNode texts = root.putArray("manifests");
        manifests.forEach(texts::add);
        ArrayNode list = root.putArray("definitions");
        for (ValueDefinition d : definitions) {
            ObjectNode node = list.addObject().put("name", d.name()).put("type", d.type().name()).put("default", d.defaultValue())
                    .put("secret", d.secret());
            ArrayNode targets = node.putArray("targets");
            for (ValueTarget t : d.targets()) {
                targets.addObject().put("kind", t.kind().name()).put("chartName", t.chartName()).put("apiGroup", t.resourceApiVersion())
                        .put("resourceKind", t.resourceKind()).put("name", t.resourceName()).put("namespace", t.resourceNamespace())
                        .put("op", t.patchOp()).put("path", t.path()).put("template", t.valueTemplate());
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest bundle of " + packageName, e);
        }
    }

    /** The bundle stored at {@code file}, or empty when the file is a chart archive (or anything else). */
    static Optional<ManifestBundle> read(Path file) {
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (in.read() != '{') {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.getFileName(), e);
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            String format = root.path("format").asText();
            if (!FORMAT.equals(format) && !FORMAT_V1.equals(format)) {
                return Optional.empty();
            }
            List<String> texts = new ArrayList<>();
            root.path("manifests").forEach(n -> texts.add(n.asText()));
            List<ValueDefinition> definitions = FORMAT.equals(format) ? definitions(root) : definitionsV1(root);
            return Optional.of(new ManifestBundle(root.path("package").asText(), root.path("version").asText(), texts, definitions));
        } catch (IOException e) {
            throw new IllegalStateException("manifest bundle " + file.getFileName() + " is unreadable", e);
        }
    }

    private static List<ValueDefinition> definitions(JsonNode root) {
        List<ValueDefinition> definitions = new ArrayList<>();
        for (JsonNode d : root.path("definitions")) {
            List<ValueTarget> targets = new ArrayList<>();
            for (JsonNode t : d.path("targets")) {
                targets.add(new ValueTarget(ValueTarget.Kind.valueOf(t.path("kind").asText()), text(t, "chartName"), text(t, "apiGroup"),
                        text(t, "resourceKind"), text(t, "name"), text(t, "op"), text(t, "path"), text(t, "template"),
                        text(t, "namespace")));
            }
            definitions.add(definition(d.path("name").asText(), ValueType.valueOf(d.path("type").asText()), text(d, "default"),
                    targets, d.path("secret").asBoolean()));
        }
        return definitions;
    }

    /** A first-format bundle: every target was written as a plain value set. */
    private static List<ValueDefinition> definitionsV1(JsonNode root) {
        Map<String, List<ValueTarget>> targets = new LinkedHashMap<>();
        for (JsonNode t : root.path("targets")) {
            targets.computeIfAbsent(t.path("value").asText(), n -> new ArrayList<>()).add(new ValueTarget(ValueTarget.Kind.RESOURCE_PATCH,
                    null, text(t, "apiGroup"), t.path("kind").asText(), t.path("name").asText(), "add", t.path("pointer").asText(),
                    text(t, "template")));
        }
        Set<String> secrets = new LinkedHashSet<>();
        root.path("secretNames").forEach(n -> secrets.add(n.asText()));
        JsonNode defaults = root.path("defaults");
        List<ValueDefinition> definitions = new ArrayList<>();
        targets.forEach((name, list) -> definitions.add(definition(name, ValueType.TEXT,
                defaults.has(name) ? defaults.get(name).asText() : null, list, secrets.contains(name))));
        return definitions;
    }

    private static ValueDefinition definition(String name, ValueType type, String defaultValue, List<ValueTarget> targets,
            boolean secret) {
        return new ValueDefinition(name, type, defaultValue, null, null, List.of(), List.of(), ValueConstraints.NONE, targets, secret);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
