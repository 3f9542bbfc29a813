package org.iepmp.lifecycle.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.kube.api.ClusterValues;
import org.iepmp.kube.api.GoTemplates;
import org.iepmp.lifecycle.api.SettingMapping;
import org.iepmp.lifecycle.api.SettingValue;

/**
 * The one place a package's value definitions are applied, for every front end and the plan: values
 * resolved and checked ({@link SettingResolver}), then templated and patched ({@link DefinitionPatcher})
 * into the chart's values or the package's manifest objects.
 */
public final class PackageSettings {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final SettingResolver resolver;
    private final DefinitionPatcher patcher;

    /** {@code cluster} may be null (references cannot then be read). */
    public PackageSettings(GoTemplates templates, ClusterValues cluster, Duration timeout) {
        this.resolver = new SettingResolver(cluster, timeout);
        this.patcher = new DefinitionPatcher(templates, timeout);
    }

    /** The values of {@code version}'s definitions for one operation (references read, defaults where {@code defaults} says). */
    public Map<String, ResolvedSetting> resolve(ResolvedVersion version, Map<String, SettingValue> given, Predicate<String> defaults) {
        return resolver.resolve(version.name(), version.valueDefinitions(), given, defaults);
    }

    /** A chart package: {@code base} (the package's chart values with the user's raw values) with the definitions' patches. */
    public DefinitionPatcher.Patched chart(ResolvedVersion version, Map<String, ResolvedSetting> values, Map<String, Object> base,
            String namespace) {
        return patcher.apply(version.name(), version.chart().chartName(), version.valueDefinitions(), values, base, List.of(),
                namespace);
    }

    /** A manifest package at plan time: its manifest objects with the definitions' patches (errors surface here, before anything is applied). */
    public DefinitionPatcher.Patched manifests(ResolvedVersion version, Map<String, ResolvedSetting> values, List<String> texts,
            String namespace) {
        return patcher.apply(version.name(), null, version.valueDefinitions(), values, Map.of(), parse(texts), namespace);
    }

    /**
     * A manifest package: its manifest texts with the recorded values (by definition name, as
     * {@link #recordable} made them) patched in; the patched objects come back one JSON text each.
     */
    public Patched manifests(String packageName, List<ValueDefinition> definitions, Map<String, Object> recorded,
            List<String> texts, String namespace) {
        List<ObjectNode> objects = parse(texts);
        Map<String, ResolvedSetting> values = new TreeMap<>();
        Map<String, ValueDefinition> byName = new LinkedHashMap<>();
        definitions.forEach(d -> byName.put(d.name(), d));
        recorded.forEach((name, value) -> {
            ValueDefinition definition = byName.get(name);
            if (definition != null && value != null) {
                String text = String.valueOf(value);
                values.put(name, new ResolvedSetting(name, text, SettingMapping.Source.GIVEN, text, definition.secret()));
            }
        });
        DefinitionPatcher.Patched patched = patcher.apply(packageName, null, definitions, values, Map.of(), objects, namespace);
        return new Patched(patched.objects().stream().map(JsonNode::toString).toList(), patched);
    }

    /** Patched manifest texts and what the patches did. */
    public record Patched(List<String> texts, DefinitionPatcher.Patched result) {
    }

    /** What each target would write (templates run), without the manifests: for checking a package whose manifests are remote. */
    public List<SettingMapping> preview(ResolvedVersion version, Map<String, ResolvedSetting> values) {
        return patcher.preview(version.name(), version.valueDefinitions(), values);
    }

    /** The values to record for a manifest package: text by definition name (references already read). */
    public static Map<String, Object> recordable(Map<String, ResolvedSetting> values) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        values.forEach((name, setting) -> recorded.put(name, setting.value()));
        return recorded;
    }

    private static List<ObjectNode> parse(List<String> texts) {
        List<ObjectNode> objects = new ArrayList<>();
        for (String text : texts) {
            try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document instanceof ObjectNode object) {
                        objects.add(object);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("a manifest of the package is not YAML: " + e.getMessage(), e);
            }
        }
        return objects;
    }
}
