package org.iepmp.lifecycle.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.kube.api.GoTemplates;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.SettingMapping;

/**
 * Applies the values of a package's definitions as Glasskube's {@code resourcepatch} does: for each
 * definition with a value (in name order), every target in order: the value, or its template's
 * output parsed as JSON, is written with the target's JSON patch operation ({@code add},
 * {@code replace}, {@code remove}; RFC 6902, so a missing parent or a list index past the end is an
 * error) into the values of the package's chart or into each manifest object the target selects
 * (same apiVersion, kind and name, and namespace when the target names one). A target naming a
 * chart or resource the package does not have is an error here, where Glasskube would skip it.
 */
public final class DefinitionPatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPS = Set.of("add", "replace", "remove");

    private final TemplateOutputs outputs;

    public DefinitionPatcher(GoTemplates templates, Duration timeout) {
        this.outputs = new TemplateOutputs(templates, timeout);
    }

    /** What the values did: chart values or manifest objects patched, the plan's mapping, what to mask. */
    public record Patched(Map<String, Object> chartValues, List<ObjectNode> objects, List<SettingMapping> mappings,
            Set<String> secretChartPaths, Set<String> secretTexts) {
    }

    /**
     * @param chartName the package's chart, or {@code null} for a manifest package
     * @param chartValues the values to patch (chart packages), else ignored
     * @param objects the manifest objects to patch (manifest packages; patched in place), else empty
     * @param namespace the namespace objects without one land in
     */
    public Patched apply(String packageName, String chartName, List<ValueDefinition> definitions, Map<String, ResolvedSetting> values,
            Map<String, Object> chartValues, List<ObjectNode> objects, String namespace) {
        List<PlannedTarget> planned = planned(packageName, chartName, definitions, values);
        List<JsonNode> written = outputs.values(planned);
        JsonNode tree = JSON.valueToTree(chartValues == null ? Map.of() : chartValues);
        List<SettingMapping> mappings = new ArrayList<>();
        Set<String> secretPaths = new LinkedHashSet<>();
        Set<String> secretTexts = new LinkedHashSet<>();
        for (int i = 0; i < planned.size(); i++) {
            PlannedTarget target = planned.get(i);
            JsonNode value = written.get(i);
            if (target.target().kind() == ValueTarget.Kind.CHART_VALUE) {
                tree = patch(target, tree, value);
            } else {
                patchObjects(target, objects, namespace, value);
            }
            boolean secret = target.setting().secret();
            String json = "remove".equals(target.target().patchOp()) ? "" : value.toString();
            if (secret) {
                secretTexts.add(target.setting().value());
                secretTexts.add(value.isTextual() ? value.asText() : json);
                if (target.target().kind() == ValueTarget.Kind.CHART_VALUE) {
                    secretPaths.add(JsonPointers.dotted(target.target().path()));
                }
            }
            mappings.add(new SettingMapping(target.setting().name(), target.setting().shown(), target.setting().source(),
                    target.mappingTarget(), target.target().patchOp(), secret && !json.isEmpty() ? SettingMapping.MASK : json));
        }
        secretTexts.removeIf(String::isEmpty);
        @SuppressWarnings("unchecked")
        Map<String, Object> patchedValues = tree.isObject() ? JSON.convertValue(tree, LinkedHashMap.class) : new LinkedHashMap<>();
        return new Patched(patchedValues, objects, mappings, secretPaths, secretTexts);
    }

    /**
     * What each target of the values would write, without patching anything (templates run, outputs
     * parsed): for a manifest package whose manifests are not at hand.
     */
    public List<SettingMapping> preview(String packageName, List<ValueDefinition> definitions, Map<String, ResolvedSetting> values) {
        List<PlannedTarget> planned = planned(packageName, null, definitions, values, false);
        List<JsonNode> written = outputs.values(planned);
        List<SettingMapping> mappings = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            PlannedTarget target = planned.get(i);
            mappings.add(new SettingMapping(target.setting().name(), target.setting().shown(), target.setting().source(),
                    target.mappingTarget(), target.target().patchOp(), target.setting().secret() ? SettingMapping.MASK
                            : written.get(i).toString()));
        }
        return mappings;
    }

    private static List<PlannedTarget> planned(String packageName, String chartName, List<ValueDefinition> definitions,
            Map<String, ResolvedSetting> values) {
        return planned(packageName, chartName, definitions, values, true);
    }

    private static List<PlannedTarget> planned(String packageName, String chartName, List<ValueDefinition> definitions,
            Map<String, ResolvedSetting> values, boolean checkChart) {
        Map<String, ValueDefinition> byName = new LinkedHashMap<>();
        definitions.forEach(d -> byName.put(d.name(), d));
        List<PlannedTarget> planned = new ArrayList<>();
        for (ResolvedSetting setting : values.values()) {
            ValueDefinition definition = byName.get(setting.name());
            for (ValueTarget target : definition.targets()) {
                PlannedTarget one = new PlannedTarget(packageName, setting, target);
                if (!OPS.contains(target.patchOp())) {
                    throw TemplateOutputs.error(LifecycleErrorCode.SETTING_PATCH_OP, one, "op " + target.patchOp(), null,
                            target.patchOp());
                }
                if (checkChart && target.kind() == ValueTarget.Kind.CHART_VALUE
                        && (chartName == null || !chartName.equals(target.chartName()))) {
                    throw new LifecycleException(LifecycleErrorCode.SETTING_TARGET_CHART_UNKNOWN, packageName + ": " + setting.name()
                            + " targets chart " + target.chartName(), packageName, setting.name(), target.chartName(),
                            chartName == null ? "-" : chartName);
                }
                if (checkChart && target.kind() == ValueTarget.Kind.RESOURCE_PATCH && chartName != null) {
                    throw unknownResource(one);
                }
                planned.add(one);
            }
        }
        return planned;
    }

    private static JsonNode patch(PlannedTarget target, JsonNode document, JsonNode value) {
        ArrayNode operations = JSON.createArrayNode();
        ObjectNode operation = operations.addObject().put("op", target.target().patchOp()).put("path", target.target().path());
        if (!"remove".equals(target.target().patchOp())) {
            operation.set("value", value.deepCopy());
        }
        try {
            return JsonPatch.apply(operations, document);
        } catch (JsonPatchException | IllegalArgumentException e) {
            throw TemplateOutputs.error(LifecycleErrorCode.SETTING_PATCH_FAILED, target, e.getMessage(), e, e.getMessage());
        }
    }

    private static void patchObjects(PlannedTarget target, List<ObjectNode> objects, String namespace, JsonNode value) {
        int matched = 0;
        for (int i = 0; i < objects.size(); i++) {
            if (selects(target.target(), objects.get(i), namespace)) {
                objects.set(i, (ObjectNode) patch(target, objects.get(i), value));
                matched++;
            }
        }
        if (matched == 0) {
            throw unknownResource(target);
        }
    }

    /** Glasskube's match: the same group/version and kind, the same name, and the namespace when the target names one. */
    private static boolean selects(ValueTarget target, ObjectNode object, String namespace) {
        String objectNamespace = object.path("metadata").path("namespace").asText("");
        return String.valueOf(target.resourceApiVersion()).equals(object.path("apiVersion").asText())
                && target.resourceKind().equals(object.path("kind").asText())
                && target.resourceName().equals(object.path("metadata").path("name").asText())
                && (target.resourceNamespace() == null || target.resourceNamespace().equals(
                        objectNamespace.isEmpty() ? namespace : objectNamespace));
    }

    private static LifecycleException unknownResource(PlannedTarget target) {
        String resource = target.target().resourceApiVersion() + " " + target.resource();
        return new LifecycleException(LifecycleErrorCode.SETTING_TARGET_RESOURCE_UNKNOWN, target.packageName() + ": "
                + target.setting().name() + " targets " + resource + ", which the package does not contain", target.packageName(),
                target.setting().name(), resource);
    }
}
