package org.iepmp.app.gui.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iepmp.catalog.api.ValueConstraints;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.catalog.api.ValueType;
import org.junit.jupiter.api.Test;

/** The generated form without a stage: live validation, YAML kept in sync both ways, secrets masked. */
class ValuesFormModelTest {

    private static ValueTarget chart(String pointer) {
        return new ValueTarget(ValueTarget.Kind.CHART_VALUE, "line-monitor", null, null, null, "add", pointer, null);
    }

    private static final ValueDefinition LINE = new ValueDefinition("lineName", ValueType.TEXT, "line-1", "Name of the line", null,
            List.of(), List.of(), new ValueConstraints(true, null, null, 2, 20, "[a-z0-9-]+"), List.of(chart("/line/name")), false);
    private static final ValueDefinition REPLICAS = new ValueDefinition("replicas", ValueType.NUMBER, "1", null, null, List.of(),
            List.of(), new ValueConstraints(false, 1.0, 3.0, null, null, null), List.of(chart("/replicaCount")), false);
    private static final ValueDefinition METRICS = new ValueDefinition("metrics", ValueType.BOOLEAN, "false", null, null, List.of(),
            List.of(), null, List.of(chart("/metrics/enabled")), false);
    private static final ValueDefinition LEVEL = new ValueDefinition("logLevel", ValueType.OPTIONS, "info", null, null, List.of(),
            List.of("debug", "info", "warn"), null, List.of(chart("/log/level")), false);
    private static final ValueDefinition PASSWORD = new ValueDefinition("password", ValueType.TEXT, null, null, null, List.of(),
            List.of(), new ValueConstraints(true, null, null, null, null, null), List.of(chart("/mqtt/password")), true);

    private ValuesFormModel form() {
        return new ValuesFormModel(List.of(LINE, REPLICAS, METRICS, LEVEL, PASSWORD), Map.of("image", Map.of("tag", "1.0.0")),
                "line-monitor", true);
    }

    private static FieldModel field(ValuesFormModel form, String name) {
        return form.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void startsFromDefaultsAndTheInitialValues() {
        ValuesFormModel form = form();
        assertThat(field(form, "lineName").textProperty().get()).isEqualTo("line-1");
        assertThat(field(form, "metrics").checkedProperty().get()).isFalse();
        assertThat(form.values()).containsEntry("replicaCount", 1L).containsEntry("image", Map.of("tag", "1.0.0"))
                .containsEntry("line", Map.of("name", "line-1")).containsEntry("log", Map.of("level", "info"))
                .doesNotContainKey("mqtt");
        assertThat(form.validProperty().get()).as("the required secret is empty").isFalse();
        assertThat(field(form, "password").problemProperty().get().key()).isEqualTo("ops.form.problem.required");
    }

    @Test
    void validatesLiveWithKeysAndParameters() {
        ValuesFormModel form = form();
        field(form, "password").textProperty().set("s3cret!");
        assertThat(form.validProperty().get()).isTrue();

        field(form, "replicas").textProperty().set("7");
        assertThat(field(form, "replicas").problemProperty().get()).isEqualTo(FieldProblem.of("ops.form.problem.max", "3"));
        assertThat(form.validProperty().get()).isFalse();
        field(form, "replicas").textProperty().set("two");
        assertThat(field(form, "replicas").problemProperty().get().key()).isEqualTo("ops.form.problem.notNumber");
        field(form, "replicas").textProperty().set("0");
        assertThat(field(form, "replicas").problemProperty().get()).isEqualTo(FieldProblem.of("ops.form.problem.min", "1"));
        field(form, "replicas").textProperty().set("2");
        assertThat(field(form, "replicas").problemProperty().get()).isNull();

        field(form, "lineName").textProperty().set("Line 1");
        assertThat(field(form, "lineName").problemProperty().get().key()).isEqualTo("ops.form.problem.pattern");
        field(form, "lineName").textProperty().set("x");
        assertThat(field(form, "lineName").problemProperty().get()).isEqualTo(FieldProblem.of("ops.form.problem.minLength", 2));
        field(form, "lineName").textProperty().set("");
        assertThat(field(form, "lineName").problemProperty().get().key()).isEqualTo("ops.form.problem.required");
        field(form, "lineName").textProperty().set("line-7");
        field(form, "logLevel").textProperty().set("verbose");
        assertThat(field(form, "logLevel").problemProperty().get().key()).isEqualTo("ops.form.problem.option");
        field(form, "logLevel").textProperty().set("warn");

        form.namespaceProperty().set("Line_Monitor");
        assertThat(form.namespaceProblemProperty().get().key()).isEqualTo("ops.form.problem.namespace");
        form.namespaceProperty().set("line");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.values()).containsEntry("replicaCount", 2L).containsEntry("line", Map.of("name", "line-7"))
                .containsEntry("log", Map.of("level", "warn"));
    }

    @Test
    void fieldsWriteTheYamlAndTheYamlWritesTheFields() {
        ValuesFormModel form = form();
        field(form, "replicas").textProperty().set("3");
        field(form, "metrics").checkedProperty().set(true);
        assertThat(form.yamlProperty().get()).contains("replicaCount: 3").contains("enabled: true").contains("tag: 1.0.0");

        form.yamlProperty().set("replicaCount: 2\nline:\n  name: packing\nmetrics:\n  enabled: false\nextra:\n  keep: yes-please\n");
        assertThat(form.yamlProblemProperty().get()).isNull();
        assertThat(field(form, "replicas").textProperty().get()).isEqualTo("2");
        assertThat(field(form, "lineName").textProperty().get()).isEqualTo("packing");
        assertThat(field(form, "metrics").checkedProperty().get()).isFalse();
        assertThat(field(form, "logLevel").textProperty().get()).as("removed from the YAML").isEmpty();
        assertThat(form.values()).containsEntry("extra", Map.of("keep", "yes-please")).doesNotContainKey("image")
                .doesNotContainKey("log");

        field(form, "lineName").textProperty().set("assembly");
        assertThat(form.yamlProperty().get()).contains("name: assembly").contains("keep: yes-please");
    }

    @Test
    void invalidYamlSaysWhereAndLeavesTheFieldsAlone() {
        ValuesFormModel form = form();
        field(form, "password").textProperty().set("s3cret!");
        form.yamlProperty().set("replicaCount: 2\nline:\n  name: [unclosed\n");
        FieldProblem problem = form.yamlProblemProperty().get();
        assertThat(problem).isNotNull();
        assertThat(problem.key()).isEqualTo("ops.form.yaml.invalid");
        assertThat((Integer) problem.params().get(0)).isGreaterThanOrEqualTo(3);
        assertThat(form.validProperty().get()).isFalse();
        assertThat(field(form, "replicas").textProperty().get()).as("unchanged").isEqualTo("1");

        form.yamlProperty().set("- just\n- a list\n");
        assertThat(form.yamlProblemProperty().get().key()).isEqualTo("ops.form.yaml.notMapping");

        form.yamlProperty().set("replicaCount: 3\n");
        assertThat(form.yamlProblemProperty().get()).isNull();
        assertThat(field(form, "replicas").textProperty().get()).isEqualTo("3");
    }

    @Test
    void secretsAreMaskedInTheYamlAndKeptWhenTheMaskComesBack() {
        ValuesFormModel form = form();
        field(form, "password").textProperty().set("hunter2");
        assertThat(form.yamlProperty().get()).doesNotContain("hunter2").contains("password: '" + ValuesFormModel.MASK + "'");
        assertThat(form.values()).containsEntry("mqtt", Map.of("password", "hunter2"));

        form.yamlProperty().set(form.yamlProperty().get().replace("replicaCount: 1", "replicaCount: 2"));
        assertThat(field(form, "password").textProperty().get()).isEqualTo("hunter2");
        assertThat(form.values()).containsEntry("mqtt", Map.of("password", "hunter2")).containsEntry("replicaCount", 2L);

        form.yamlProperty().set(form.yamlProperty().get().replace(ValuesFormModel.MASK, "new-secret"));
        assertThat(field(form, "password").textProperty().get()).isEqualTo("new-secret");
        field(form, "lineName").textProperty().set("assembly");
        assertThat(form.yamlProperty().get()).as("rewritten from the fields, masked again").doesNotContain("new-secret");
        assertThat(form.values()).containsEntry("mqtt", Map.of("password", "new-secret"));
    }

    @Test
    void packageSettingsAreCheckedByGlasskubesRulesAndSentByNameWhenChanged() {
        ValuesFormModel form = new ValuesFormModel(List.of(LINE, REPLICAS, METRICS, LEVEL, PASSWORD), Map.of("image", Map.of("tag", "1.0.0")),
                "line-monitor", true, true);
        // Nothing changed yet: the defaults apply in the engine, nothing is sent; the YAML holds the raw chart values only.
        assertThat(form.settings()).isEmpty();
        assertThat(form.values()).isEqualTo(Map.of("image", Map.of("tag", "1.0.0")));
        assertThat(form.yamlProperty().get()).doesNotContain("line");
        field(form, "replicas").textProperty().set("2.5");
        assertThat(field(form, "replicas").problemProperty().get().key()).isEqualTo("ops.form.problem.notWholeNumber");
        field(form, "replicas").textProperty().set("2");
        // Glasskube's pattern is found anywhere in the text, not matched as a whole.
        field(form, "lineName").textProperty().set("Line 7-a");
        assertThat(field(form, "lineName").valid()).isTrue();
        // Lengths count bytes, as Go's len does: seven Chinese characters are 21 bytes.
        field(form, "lineName").textProperty().set("第三條產線測試");
        assertThat(field(form, "lineName").problemProperty().get().key()).isEqualTo("ops.form.problem.maxLengthBytes");
        field(form, "lineName").textProperty().set("line-7");
        field(form, "password").textProperty().set("$SecretRef$plant,mqtt");
        assertThat(field(form, "password").problemProperty().get().key()).isEqualTo("ops.form.problem.reference");
        field(form, "password").textProperty().set("$SecretRef$plant,mqtt,password");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.settings()).containsOnlyKeys("lineName", "replicas", "password")
                .containsEntry("lineName", new org.iepmp.lifecycle.api.SettingValue.Literal("line-7"))
                .containsEntry("password", new org.iepmp.lifecycle.api.SettingValue.SecretKey("plant", "mqtt", "password"));
    }
}
