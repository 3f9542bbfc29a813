package org.iepmp.app.words;

import java.util.ArrayList;
import java.util.List;
import org.iepmp.catalog.api.ValueConstraints;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.i18n.api.Messages;

/** A package setting's rules and the places its value lands, in words (for {@code iepmp show}). */
public final class DefinitionWords {

    private DefinitionWords() {
    }

    /** {@code required, 1–3}, {@code one of: a, b}, or empty. */
    public static String constraints(Messages messages, ValueDefinition definition) {
        ValueConstraints rules = definition.constraints();
        List<String> parts = new ArrayList<>();
        if (rules.required()) {
            parts.add(messages.get("ops.setting.rule.required"));
        }
        if (rules.min() != null) {
            parts.add(messages.get("ops.setting.rule.min", plain(rules.min())));
        }
        if (rules.max() != null) {
            parts.add(messages.get("ops.setting.rule.max", plain(rules.max())));
        }
        if (rules.minLength() != null) {
            parts.add(messages.get("ops.setting.rule.minLength", rules.minLength()));
        }
        if (rules.maxLength() != null) {
            parts.add(messages.get("ops.setting.rule.maxLength", rules.maxLength()));
        }
        if (rules.pattern() != null) {
            parts.add(messages.get("ops.setting.rule.pattern", rules.pattern()));
        }
        if (!definition.options().isEmpty()) {
            parts.add(messages.get("ops.setting.rule.options", String.join(", ", definition.options())));
        }
        return String.join(", ", parts);
    }

    /** One line per target: {@code chart value ui.message (add, template "pre-{{.}}-post")}. */
    public static List<String> targets(Messages messages, ValueDefinition definition) {
        List<String> lines = new ArrayList<>();
        for (ValueTarget target : definition.targets()) {
            String how = target.templated() ? messages.get("ops.setting.how.template", target.patchOp(), target.valueTemplate().strip())
                    : messages.get("ops.setting.how.plain", target.patchOp());
            if (target.kind() == ValueTarget.Kind.CHART_VALUE) {
                lines.add(messages.get("ops.setting.where.chart", target.chartName(), target.path(), how));
            } else {
                String namespace = target.resourceNamespace() == null ? "" : target.resourceNamespace() + "/";
                lines.add(messages.get("ops.setting.where.resource", target.resourceApiVersion() + " " + target.resourceKind() + "/"
                        + namespace + target.resourceName(), target.path(), how));
            }
        }
        return lines;
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
