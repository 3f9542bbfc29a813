package org.iepmp.lifecycle.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iepmp.kube.api.GoTemplateCall;
import org.iepmp.kube.api.GoTemplates;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.SettingMapping;

/**
 * The value each target writes, as Glasskube computes it: the value itself (a JSON string) without
 * a template; else the template's output parsed as JSON (Go's {@code encoding/json}: numbers become
 * float64, so {@code 2.0} is written as {@code 2}; trailing text is an error). Every template of
 * an operation goes to Go's engine in one call.
 */
final class TemplateOutputs {

    /** Go's float64 holds every whole number up to 2^53 exactly. */
    private static final double EXACT = 9007199254740992d;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final GoTemplates templates;
    private final Duration timeout;

    TemplateOutputs(GoTemplates templates, Duration timeout) {
        this.templates = templates;
        this.timeout = timeout;
    }

    List<JsonNode> values(List<PlannedTarget> targets) {
        List<GoTemplateCall> calls = new ArrayList<>();
        List<PlannedTarget> templated = new ArrayList<>();
        for (PlannedTarget planned : targets) {
            if (planned.target().templated()) {
                calls.add(new GoTemplateCall(forHelm(planned), planned.setting().value()));
                templated.add(planned);
            }
        }
        List<String> outputs = execute(calls, templated);
        List<JsonNode> values = new ArrayList<>();
        int next = 0;
        for (PlannedTarget planned : targets) {
            values.add(planned.target().templated() ? parse(planned, outputs.get(next++)) : TextNode.valueOf(planned.setting().value()));
        }
        return values;
    }

    private static String forHelm(PlannedTarget planned) {
        try {
            return GlasskubeTemplate.forHelm(planned.target().valueTemplate());
        } catch (GlasskubeTemplate.UnknownFunction e) {
            throw error(LifecycleErrorCode.SETTING_TEMPLATE_FUNCTION, planned, e.getMessage(), e, e.name());
        }
    }

    private List<String> execute(List<GoTemplateCall> calls, List<PlannedTarget> templated) {
        try {
            return templates.executeTemplates(calls, timeout);
        } catch (KubeException e) {
            if (e.code() != KubeErrorCode.TEMPLATE_FAILED) {
                throw e;
            }
            int index = e.params().isEmpty() ? -1 : ((Number) e.params().get(0)).intValue();
            String detail = e.params().size() > 1 ? String.valueOf(e.params().get(1)) : String.valueOf(e.getMessage());
            PlannedTarget failed = index >= 0 && index < templated.size() ? templated.get(index) : templated.get(0);
            if (failed.setting().secret() && !failed.setting().value().isEmpty()) {
                detail = detail.replace(failed.setting().value(), SettingMapping.MASK);
            }
            throw error(LifecycleErrorCode.SETTING_TEMPLATE_INVALID, failed, detail, e, detail);
        }
    }

    private static JsonNode parse(PlannedTarget planned, String output) {
        try {
            JsonNode node = JSON.readTree(output);
            if (node == null || node.isMissingNode()) {
                throw new LifecycleException(LifecycleErrorCode.SETTING_TEMPLATE_NOT_JSON, "empty output", planned.packageName(),
                        planned.setting().name(), planned.describe(), shown(planned, output));
            }
            return asGo(node);
        } catch (JsonProcessingException e) {
            throw error(LifecycleErrorCode.SETTING_TEMPLATE_NOT_JSON, planned, e.getOriginalMessage(), e, shown(planned, output));
        }
    }

    private static String shown(PlannedTarget planned, String output) {
        return planned.setting().secret() ? SettingMapping.MASK : output.strip();
    }

    /** Numbers as Go's {@code json.Unmarshal} into {@code any} leaves them: float64, written back without ".0" when whole. */
    private static JsonNode asGo(JsonNode node) {
        if (node.isNumber()) {
            double d = node.doubleValue();
            return d == Math.rint(d) && Math.abs(d) <= EXACT ? JsonNodeFactory.instance.numberNode((long) d)
                    : JsonNodeFactory.instance.numberNode(d);
        }
        if (node.isContainerNode()) {
            if (node.isObject()) {
                var object = JsonNodeFactory.instance.objectNode();
                node.fields().forEachRemaining(e -> object.set(e.getKey(), asGo(e.getValue())));
                return object;
            }
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> array.add(asGo(e)));
            return array;
        }
        return node;
    }

    static LifecycleException error(LifecycleErrorCode code, PlannedTarget planned, String log, Throwable cause, Object detail) {
        return new LifecycleException(code, planned.packageName() + ": " + planned.setting().name() + " -> " + planned.describe() + ": "
                + (planned.setting().secret() ? "(secret)" : log), cause, planned.packageName(), planned.setting().name(),
                planned.describe(), detail);
    }
}
