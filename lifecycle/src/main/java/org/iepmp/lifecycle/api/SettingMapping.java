package org.iepmp.lifecycle.api;

import java.util.Objects;

/**
 * Where one value of a package's value definitions lands, for the plan: {@code msg = hello → chart
 * value ui.message = "pre-hello-post"}. Secret values are already masked here.
 *
 * @param definition the value definition's name
 * @param given the value as given or defaulted ({@link #MASK} for a secret); a reference shows its command-line form
 * @param source where the value came from
 * @param target a chart value ({@code chart}, dotted {@code path}) or a resource ({@code Kind/name}, {@code path})
 * @param op the JSON patch operation
 * @param json the value written, as JSON ({@link #MASK} for a secret; empty for {@code remove})
 */
public record SettingMapping(String definition, String given, Source source, Target target, String op, String json) {

    /** What a secret shows in a plan, a history row and a support bundle. */
    public static final String MASK = "******";

    public enum Source {
        GIVEN,
        DEFAULT,
        CONFIG_MAP,
        SECRET,
        PACKAGE
    }

    /**
     * @param chart the chart's name for a chart value, else {@code null}
     * @param resource {@code Kind/name} (with {@code namespace/} before the name when the target names one), else {@code null}
     * @param path where: a dotted chart-value path ({@code ui.message}) or the JSON pointer in the resource
     */
    public record Target(String chart, String resource, String path) {
        public boolean chartValue() {
            return chart != null;
        }
    }

    public SettingMapping {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        given = given == null ? "" : given;
        json = json == null ? "" : json;
    }

    /** Language-neutral one-liner for logs: {@code msg = hello -> chart value ui.message = "pre-hello-post"}. */
    public String summary() {
        String where = target.chartValue() ? "chart value " + target.path() : target.resource() + " " + target.path();
        return definition + " = " + given + " -> " + where + ("remove".equals(op) ? " removed" : " = " + json);
    }
}
