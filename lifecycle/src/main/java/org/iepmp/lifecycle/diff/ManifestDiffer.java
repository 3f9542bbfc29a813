package org.iepmp.lifecycle.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.iepmp.lifecycle.api.ChangeKind;
import org.iepmp.lifecycle.api.ManifestDiff;
import org.iepmp.lifecycle.api.ResourceChange;
import org.iepmp.lifecycle.api.ResourceRef;
import org.iepmp.lifecycle.values.SecretMasker;

/**
 * Compares two rendered manifests (multi-document YAML, as {@code helm template} prints them):
 * a unified diff for people and the list of resources added, changed and removed. The data of
 * Secret objects and every known secret value are masked before anything is compared or shown.
 */
public final class ManifestDiffer {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*(?:#.*)?$");
    private static final int CONTEXT_LINES = 3;

    private final SecretMasker masker;
    private final YAMLMapper yaml = new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    public ManifestDiffer(SecretMasker masker) {
        this.masker = masker;
    }

    /** {@code secretValues}: plain secret values of both sides, to be masked wherever a template copied them. */
    public ManifestDiff diff(String installed, String planned, Collection<String> secretValues) {
        Map<String, Document> before = documents(installed, secretValues);
        Map<String, Document> after = documents(planned, secretValues);
        List<ResourceChange> resources = new ArrayList<>();
        for (Map.Entry<String, Document> entry : after.entrySet()) {
            Document old = before.get(entry.getKey());
            if (old == null) {
                resources.add(new ResourceChange(entry.getValue().ref(), ChangeKind.ADDED));
            } else if (!Objects.equals(old.content(), entry.getValue().content())) {
                resources.add(new ResourceChange(entry.getValue().ref(), ChangeKind.CHANGED));
            }
        }
        for (Map.Entry<String, Document> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                resources.add(new ResourceChange(entry.getValue().ref(), ChangeKind.REMOVED));
            }
        }
        return new ManifestDiff(unifiedDiff(text(before), text(after)), resources);
    }

    private record Document(ResourceRef ref, Object content, String text) {
    }

    private Map<String, Document> documents(String manifest, Collection<String> secretValues) {
        Map<String, Document> documents = new LinkedHashMap<>();
        if (manifest == null) {
            return documents;
        }
        int index = 0;
        for (String raw : DOCUMENT_SEPARATOR.split(manifest)) {
            index++;
            String text = raw.strip();
            Object parsed = parse(text);
            if (!(parsed instanceof Map<?, ?> object)) {
                if (parsed != null || !isOnlyComments(text)) {
                    String key = "unparsed#" + index;
                    documents.put(key, new Document(new ResourceRef(null, "Unparsed", null, key), text, masker.redact(text, secretValues)));
                }
                continue;
            }
            ResourceRef ref = refOf(object, index);
            String shown = text;
            Object content = object;
            if ("Secret".equals(ref.kind()) && ref.apiVersion() != null && ref.apiVersion().equals("v1")) {
                Map<String, Object> masked = maskSecretData(object);
                content = masked;
                shown = comments(text) + write(masked);
            }
            shown = masker.redact(shown, secretValues);
            content = masker.redact(String.valueOf(content), secretValues);
            documents.put(ref.kind() + "/" + (ref.namespace() == null ? "" : ref.namespace()) + "/" + ref.name(),
                    new Document(ref, content, shown));
        }
        return documents;
    }

    private Object parse(String text) {
        try {
            return yaml.readValue(text, Object.class);
        } catch (JsonProcessingException | RuntimeException e) {
            return text.isEmpty() ? null : e;
        }
    }

    private Map<String, Object> maskSecretData(Map<?, ?> secret) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : secret.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if ((key.equals("data") || key.equals("stringData")) && entry.getValue() instanceof Map<?, ?> data) {
                Map<String, Object> masked = new LinkedHashMap<>();
                data.forEach((k, v) -> masked.put(String.valueOf(k), masker.mask(v)));
                copy.put(key, masked);
            } else {
                copy.put(key, entry.getValue());
            }
        }
        return copy;
    }

    private static ResourceRef refOf(Map<?, ?> object, int index) {
        Object metadata = object.get("metadata");
        Map<?, ?> meta = metadata instanceof Map<?, ?> m ? m : Map.of();
        String kind = object.get("kind") == null ? "Unknown" : String.valueOf(object.get("kind"));
        String name = meta.get("name") == null ? "#" + index : String.valueOf(meta.get("name"));
        String namespace = meta.get("namespace") == null ? null : String.valueOf(meta.get("namespace"));
        String apiVersion = object.get("apiVersion") == null ? null : String.valueOf(object.get("apiVersion"));
        return new ResourceRef(apiVersion, kind, namespace, name);
    }

    private String write(Object value) {
        try {
            return yaml.writeValueAsString(value).strip();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed document can always be written back", e);
        }
    }

    private static boolean isOnlyComments(String text) {
        return text.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"));
    }

    /** Leading comment lines (Helm's "# Source: chart/templates/x.yaml") are kept for orientation. */
    private static String comments(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (!line.stripLeading().startsWith("#")) {
                break;
            }
            kept.append(line).append('\n');
        }
        return kept.toString();
    }

    private static List<String> text(Map<String, Document> documents) {
        List<String> lines = new ArrayList<>();
        for (Document document : documents.values()) {
            lines.add("---");
            lines.addAll(document.text().lines().toList());
        }
        return lines;
    }

    private static String unifiedDiff(List<String> before, List<String> after) {
        Patch<String> patch = DiffUtils.diff(before, after);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("installed", "planned", before, patch, CONTEXT_LINES)) + "\n";
    }
}
