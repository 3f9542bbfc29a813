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
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.kube.api.PatchTarget;
import org.iepmp.kube.api.ResourceSelector;

/**
 * Everything needed to apply one version of a plain-manifest package again without the package
 * source: the manifest texts, the defaults of its values and where each value is patched in. Kept
 * in the content-addressed archive store beside the chart archives (as one JSON document, written
 * deterministically, so the same version always has the same digest), so a rollback works
 * offline. Values themselves (secrets among them) are never in the bundle: they stay sealed in
 * the history and are patched in when the bundle is applied.
 *
 * <p>Values of a manifest package are keyed by the name of the package's value definition
 * ({@code {"refreshSeconds": 5}}), not by a chart-values path. A target's {@code valueTemplate}
 * is honoured in its simplest Go form: each {@code {{.}}} / {@code {{ . }}} becomes the value;
 * any other template is applied as written (the package would need a renderer we do not have).
 */
record ManifestBundle(String packageName, String version, List<String> manifests, Map<String, Object> defaults,
        List<Target> targets, Set<String> secretNames) {

    /** Marks the JSON document as a bundle (a chart archive is gzip and never starts with '{'). */
    static final String FORMAT = "iepmp-manifest-bundle/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the value named {@code value} goes. */
    record Target(String value, String apiGroup, String kind, String name, String pointer, String template) {
    }

    ManifestBundle {
        manifests = List.copyOf(manifests);
        defaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        targets = List.copyOf(targets);
        secretNames = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(secretNames));
    }

    /** The bundle of a catalog version, with the manifest texts the catalog fetched for it. */
    static ManifestBundle of(ResolvedVersion version, List<String> texts) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        List<Target> targets = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        for (ValueDefinition definition : version.valueDefinitions()) {
            if (definition.defaultValue() != null) {
                defaults.put(definition.name(), typed(definition));
            }
            if (definition.secret()) {
                secrets.add(definition.name());
            }
            for (ValueTarget target : definition.targets()) {
                if (target.kind() == ValueTarget.Kind.RESOURCE_PATCH) {
                    targets.add(new Target(definition.name(), target.resourceApiVersion(), target.resourceKind(), target.resourceName(),
                            target.path(), target.valueTemplate()));
                }
            }
        }
        return new ManifestBundle(version.name(), version.version(), texts, defaults, targets, secrets);
    }

    private static Object typed(ValueDefinition definition) {
        String text = definition.defaultValue();
        try {
            return switch (definition.type()) {
                case BOOLEAN -> Boolean.parseBoolean(text.trim());
                case NUMBER -> text.contains(".") ? (Object) Double.parseDouble(text.trim()) : (Object) Long.parseLong(text.trim());
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The patches of these values (defaults where a value is not given; a value given as null patches nothing). */
    List<PatchTarget> patches(Map<String, Object> values) {
        List<PatchTarget> patches = new ArrayList<>();
        for (Target target : targets) {
            Object value = values.containsKey(target.value()) ? values.get(target.value()) : defaults.get(target.value());
            if (value == null) {
                continue;
            }
            Object patched = target.template() == null || target.template().isBlank() ? value
                    : target.template().replaceAll("\\{\\{-?\\s*\\.\\s*-?}}", java.util.regex.Matcher.quoteReplacement(String.valueOf(value)));
            // Glasskube names the API group only; the kind and name select the object.
            patches.add(new PatchTarget(new ResourceSelector("", target.kind(), target.name(), ""), target.pointer(), patched));
        }
        return patches;
    }

    byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("package", packageName);
        root.put("version", version);
        ArrayNode texts = root.putArray("manifests");
        manifests.forEach(texts::add);
        root.set("defaults", JSON.valueToTree(defaults));
        ArrayNode list = root.putArray("targets");
        for (Target t : targets) {
            list.addObject().put("value", t.value()).put("apiGroup", t.apiGroup()).put("kind", t.kind()).put("name", t.name())
                    .put("pointer", t.pointer()).put("template", t.template());
        }
        ArrayNode secrets = root.putArray("secretNames");
        secretNames.forEach(secrets::add);
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
            int first = in.read();
            if (first != '{') {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.getFileName(), e);
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!FORMAT.equals(root.path("format").asText())) {
                return Optional.empty();
            }
            List<String> texts = new ArrayList<>();
            root.path("manifests").forEach(n -> texts.add(n.asText()));
            @SuppressWarnings("unchecked")
            Map<String, Object> defaults = JSON.convertValue(root.path("defaults"), LinkedHashMap.class);
            List<Target> targets = new ArrayList<>();
            for (JsonNode t : root.path("targets")) {
                targets.add(new Target(t.path("value").asText(), text(t, "apiGroup"), t.path("kind").asText(), t.path("name").asText(),
                        t.path("pointer").asText(), text(t, "template")));
            }
            Set<String> secrets = new LinkedHashSet<>();
            root.path("secretNames").forEach(n -> secrets.add(n.asText()));
            return Optional.of(new ManifestBundle(root.path("package").asText(), root.path("version").asText(), texts,
                    defaults == null ? Map.of() : defaults, targets, secrets));
        } catch (IOException e) {
            throw new IllegalStateException("manifest bundle " + file.getFileName() + " is unreadable", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
