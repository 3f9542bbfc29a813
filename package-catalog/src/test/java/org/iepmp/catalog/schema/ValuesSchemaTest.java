package org.iepmp.catalog.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueProblem;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.catalog.api.ValueType;
import org.junit.jupiter.api.Test;

class ValuesSchemaTest {

    private static final String SCHEMA = """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "type": "object",
              "required": ["replicaCount"],
              "properties": {
                "replicaCount": {"type": "integer", "minimum": 1, "maximum": 5, "default": 1, "title": "Replicas"},
                "logLevel": {"type": "string", "enum": ["debug", "info", "warn"], "default": "info"},
                "service": {
                  "type": "object",
                  "required": ["port"],
                  "properties": {
                    "port": {"type": "integer", "minimum": 1, "maximum": 65535},
                    "host/name": {"type": ["string", "null"], "minLength": 3, "maxLength": 63, "pattern": "^[a-z.]+$"}
                  }
                },
                "metrics": {"type": "boolean", "description": "Expose metrics"},
                "adminPassword": {"type": "string", "writeOnly": true},
                "extraArgs": {"type": "array", "items": {"type": "string"}}
              }
            }
            """;

    private final ValuesSchema schema = new ValuesSchema();

    @Test
    void becomesTheSameFormModelAsGlasskubeValueDefinitions() {
        List<ValueDefinition> form = schema.toForm(SCHEMA, "demo");
        assertThat(form).extracting(ValueDefinition::name).containsExactly("replicaCount", "logLevel", "service.port",
                "service.host/name", "metrics", "adminPassword");
        ValueDefinition replicas = form.get(0);
        assertThat(replicas.type()).isEqualTo(ValueType.NUMBER);
        assertThat(replicas.label()).isEqualTo("Replicas");
        assertThat(replicas.defaultValue()).isEqualTo("1");
        assertThat(replicas.constraints().required()).isTrue();
        assertThat(replicas.constraints().min()).isEqualTo(1.0);
        assertThat(replicas.constraints().max()).isEqualTo(5.0);
        assertThat(replicas.targets()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(ValueTarget.Kind.CHART_VALUE);
            assertThat(t.chartName()).isEqualTo("demo");
            assertThat(t.path()).isEqualTo("/replicaCount");
        });
        assertThat(form.get(1).type()).isEqualTo(ValueType.OPTIONS);
        assertThat(form.get(1).options()).containsExactly("debug", "info", "warn");
        assertThat(form.get(2).constraints().required()).isTrue();
        assertThat(form.get(2).targets().get(0).path()).isEqualTo("/service/port");
        ValueDefinition host = form.get(3);
        assertThat(host.type()).isEqualTo(ValueType.TEXT);
        assertThat(host.constraints().pattern()).isEqualTo("^[a-z.]+$");
        assertThat(host.constraints().minLength()).isEqualTo(3);
        assertThat(host.targets().get(0).path()).isEqualTo("/service/host~1name");
        assertThat(form.get(4).type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(form.get(4).description()).isEqualTo("Expose metrics");
        assertThat(form.get(5).secret()).isTrue();
        assertThat(replicas.secret()).isFalse();
    }

    @Test
    void validatesValuesWithTheJsonSchemaLibrary() {
        assertThat(schema.validate(SCHEMA, Map.of("replicaCount", 2, "service", Map.of("port", 8080)))).isEmpty();
        List<ValueProblem> problems = schema.validate(SCHEMA,
                Map.of("replicaCount", 9, "logLevel", "loud", "service", Map.of("port", 0)));
        assertThat(problems).extracting(ValueProblem::path)
                .containsExactlyInAnyOrder("$.logLevel", "$.replicaCount", "$.service.port");
        assertThat(schema.validate(SCHEMA, Map.of())).extracting(ValueProblem::message)
                .anyMatch(m -> m.contains("replicaCount"));
    }

    @Test
    void refusesInvalidSchemasAndRemoteReferences() {
        assertThatThrownBy(() -> schema.toForm("{not json", "demo"))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.INVALID_FIELD));
        assertThatThrownBy(() -> schema.validate("{\"properties\":{\"a\":{\"$ref\":\"http://127.0.0.1:1/x.json\"}}}",
                Map.of()))
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(CatalogErrorCode.UNSUPPORTED));
    }
}
