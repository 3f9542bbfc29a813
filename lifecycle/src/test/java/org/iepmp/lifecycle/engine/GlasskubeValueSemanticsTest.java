package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iepmp.catalog.api.ChartReference;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.ValueConstraints;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.catalog.api.ValueType;
import org.iepmp.errors.CodedException;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.SettingMapping;
import org.iepmp.catalog.api.SettingProblem;
import org.iepmp.catalog.api.SettingRules;
import org.iepmp.lifecycle.api.SettingValue;
import org.iepmp.lifecycle.settings.DefinitionPatcher;
import org.iepmp.lifecycle.settings.PackageSettings;
import org.iepmp.lifecycle.settings.ResolvedSetting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Glasskube's value semantics, case by case, with the cases of Glasskube's own tests
 * ({@code internal/resourcepatch/patch_test.go}, {@code internal/manifestvalues/validate_test.go},
 * {@code resolver_test.go}, {@code flags/flags_test.go}) as facts: templates run in Helm's real Go
 * engine, references are read from the practice cluster through the kube-adapter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlasskubeValueSemanticsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PracticeSite site;
    private PackageSettings settings;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        site = new PracticeSite(dir);
        settings = new PackageSettings(site.helm, site.drivers.values(), TIMEOUT);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    // ----- resourcepatch: what each target writes

    static Stream<Arguments> chartTargets() {
        return Stream.of(
                Arguments.of("no template: the value as text", null, "2", "{\"spec\":{\"replicas\":\"2\"}}"),
                Arguments.of("template {{.}}: JSON number", "{{.}}", "2", "{\"spec\":{\"replicas\":2}}"),
                Arguments.of("template with if/eq gives an object", "{{if eq . \"2\"}} {\"foo\":{{.}}} {{else}} {\"bar\":{{.}}} {{end}}",
                        "2", "{\"spec\":{\"replicas\":{\"foo\":2}}}"),
                Arguments.of("else branch", "{{if eq . \"2\"}} {\"foo\":{{.}}} {{else}} {\"bar\":{{.}}} {{end}}", "3",
                        "{\"spec\":{\"replicas\":{\"bar\":3}}}"),
                Arguments.of("{{if .}} on empty text is null", "{{if .}}\"{{.}}\"{{else}}null{{end}}", "", "{\"spec\":{\"replicas\":null}}"),
                Arguments.of("{{if .}} on text", "{{if .}}\"{{.}}\"{{else}}null{{end}}", "x", "{\"spec\":{\"replicas\":\"x\"}}"),
                Arguments.of("the value is text: \"false\" is true for if", "{{ if . }}\"1\"{{else}}\"0\"{{end}}", "false",
                        "{\"spec\":{\"replicas\":\"1\"}}"),
                Arguments.of("base64 is Go's StdEncoding", "\"{{ base64 . }}\"", "hello", "{\"spec\":{\"replicas\":\"aGVsbG8=\"}}"),
                Arguments.of("pipeline into base64", "\"{{ . | base64 }}\"", "a b", "{\"spec\":{\"replicas\":\"YSBi\"}}"),
                Arguments.of("printf", "{{ printf \"%q\" . }}", "x\"y", "{\"spec\":{\"replicas\":\"x\\\"y\"}}"),
                Arguments.of("with", "{{ with . }}\"{{ . }}-db-cluster-rw\"{{ else }}null{{ end }}", "app",
                        "{\"spec\":{\"replicas\":\"app-db-cluster-rw\"}}"),
                Arguments.of("len, variables and index", "{{ $n := len . }}[{{ $n }},{{ index . 1 }}]", "abc",
                        "{\"spec\":{\"replicas\":[3,98]}}"),
                Arguments.of("a float is written as Go writes float64", "{{.}}", "2.0", "{\"spec\":{\"replicas\":2}}"),
                Arguments.of("a string literal holding base64 is not a function", "\"base64 {{ . }}\"", "x",
                        "{\"spec\":{\"replicas\":\"base64 x\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chartTargets")
    void aChartTargetWritesWhatGlasskubeWrites(String name, String template, String value, String expected) {
        ResolvedVersion version = chartPackage(definition("foo", ValueType.TEXT, null, target("add", "/spec/replicas", template)));
        DefinitionPatcher.Patched patched = settings.chart(version, resolved(version, Map.of("foo", value)),
                Map.of("spec", new LinkedHashMap<>()), "default");
        assertThat(json(patched.chartValues())).isEqualTo(expected);
    }

    @Test
    void aValueNotGivenWithoutDefaultPatchesNothing() {
        ResolvedVersion version = chartPackage(definition("foo", ValueType.TEXT, null, target("add", "/spec/replicas", null)));
        DefinitionPatcher.Patched patched = settings.chart(version, resolved(version, Map.of()), Map.of("spec", Map.of()), "default");
        assertThat(patched.mappings()).isEmpty();
        assertThat(json(patched.chartValues())).isEqualTo("{\"spec\":{}}");
    }

    @Test
    void everyTargetOfADefinitionIsApplied() {
        ResolvedVersion version = chartPackage(definition("twice", ValueType.TEXT, null, target("add", "/a", null),
                target("add", "/b", "\"{{.}}-2\""), target("replace", "/c", "{\"x\":\"{{.}}\"}")));
        DefinitionPatcher.Patched patched = settings.chart(version, resolved(version, Map.of("twice", "two")),
                Map.of("c", "old"), "default");
        assertThat(json(patched.chartValues())).isEqualTo("{\"c\":{\"x\":\"two\"},\"a\":\"two\",\"b\":\"two-2\"}");
        assertThat(patched.mappings()).extracting(SettingMapping::summary).containsExactly(
                "twice = two -> chart value a = \"two\"", "twice = two -> chart value b = \"two-2\"",
                "twice = two -> chart value c = {\"x\":\"two\"}");
    }

    @Test
    void removeTakesTheValueAway() {
        ResolvedVersion version = chartPackage(definition("off", ValueType.BOOLEAN, null, target("remove", "/ingress", null)));
        DefinitionPatcher.Patched patched = settings.chart(version, resolved(version, Map.of("off", "true")),
                Map.of("ingress", Map.of("enabled", true), "keep", 1), "default");
        assertThat(json(patched.chartValues())).isEqualTo("{\"keep\":1}");
    }

    @Test
    void aResourceTargetPatchesTheSelectedObjectOnly() {
        ValueTarget deployment = new ValueTarget(ValueTarget.Kind.RESOURCE_PATCH, null, "apps/v1", "Deployment", "foo", "add",
                "/spec/replicas", null, "foo");
        ResolvedVersion version = manifestPackage(definition("foo", ValueType.TEXT, null, deployment));
        String manifests = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: foo, namespace: foo}
                spec: {}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: foo, namespace: bar}
                spec: {}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: foo, namespace: foo}
                """;
        DefinitionPatcher.Patched patched = settings.manifests(version, resolved(version, Map.of("foo", "2")), List.of(manifests), "foo");
        assertThat(patched.objects().get(0).path("spec").path("replicas").asText()).isEqualTo("2");
        assertThat(patched.objects().get(0).path("spec").path("replicas").isTextual()).isTrue();
        assertThat(patched.objects().get(1).path("spec").has("replicas")).isFalse();
        assertThat(patched.objects().get(2).has("spec")).isFalse();
        assertThat(patched.mappings().get(0).target().resource()).isEqualTo("Deployment/foo/foo");
    }

    // ----- bad input: each a typed error naming package, definition and target, at plan time

    static Stream<Arguments> badTargets() {
        return Stream.of(
                Arguments.of("template does not parse", target("add", "/a", "{{ if . }"), LifecycleErrorCode.SETTING_TEMPLATE_INVALID),
                Arguments.of("template fails while executing", target("add", "/a", "{{ index . 5 }}"),
                        LifecycleErrorCode.SETTING_TEMPLATE_INVALID),
                Arguments.of("output is not JSON", target("add", "/a", "{{ . }}-post"), LifecycleErrorCode.SETTING_TEMPLATE_NOT_JSON),
                Arguments.of("output with trailing text", target("add", "/a", "1 2"), LifecycleErrorCode.SETTING_TEMPLATE_NOT_JSON),
                Arguments.of("a Sprig function Glasskube lacks", target("add", "/a", "\"{{ upper . }}\""),
                        LifecycleErrorCode.SETTING_TEMPLATE_FUNCTION),
                Arguments.of("slice, which Sprig redefines for lists in Helm's engine", target("add", "/a", "\"{{ slice . 1 }}\""),
                        LifecycleErrorCode.SETTING_TEMPLATE_FUNCTION),
                Arguments.of("Helm's include Glasskube lacks", target("add", "/a", "{{ include \"x\" . }}"),
                        LifecycleErrorCode.SETTING_TEMPLATE_FUNCTION),
                Arguments.of("list index past the end", target("add", "/list/5", null), LifecycleErrorCode.SETTING_PATCH_FAILED),
                Arguments.of("missing parent", target("add", "/missing/child", null), LifecycleErrorCode.SETTING_PATCH_FAILED),
                Arguments.of("replace of nothing", target("replace", "/nothing", null), LifecycleErrorCode.SETTING_PATCH_FAILED),
                Arguments.of("unsupported op", target("move", "/a", null), LifecycleErrorCode.SETTING_PATCH_OP),
                Arguments.of("another chart", new ValueTarget(ValueTarget.Kind.CHART_VALUE, "other", null, null, null, "add", "/a", null),
                        LifecycleErrorCode.SETTING_TARGET_CHART_UNKNOWN),
                Arguments.of("a resource in a chart package", new ValueTarget(ValueTarget.Kind.RESOURCE_PATCH, null, "v1", "ConfigMap",
                        "x", "add", "/data/a", null), LifecycleErrorCode.SETTING_TARGET_RESOURCE_UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTargets")
    void badTargetsFailWithATypedErrorNamingPackageAndDefinition(String name, ValueTarget target, LifecycleErrorCode code) {
        ResolvedVersion version = chartPackage(definition("msg", ValueType.TEXT, null, target));
        assertThatThrownBy(() -> settings.chart(version, resolved(version, Map.of("msg", "hello")),
                Map.of("list", List.of(1, 2)), "default"))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.params()).startsWith("tmpl", "msg");
                });
    }

    @Test
    void aResourceTheManifestsLackIsAnError() {
        ValueTarget missing = new ValueTarget(ValueTarget.Kind.RESOURCE_PATCH, null, "v1", "ConfigMap", "absent", "add", "/data/a",
                null);
        ResolvedVersion version = manifestPackage(definition("msg", ValueType.TEXT, null, missing));
        assertThatThrownBy(() -> settings.manifests(version, resolved(version, Map.of("msg", "x")),
                List.of("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: present}\n"), "default"))
                .isInstanceOfSatisfying(LifecycleException.class,
                        e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.SETTING_TARGET_RESOURCE_UNKNOWN));
    }

    @Test
    void aSecretNeverAppearsInTheMappingOrTheErrors() {
        ResolvedVersion version = chartPackage(new ValueDefinition("password", ValueType.TEXT, null, null, null, List.of(), List.of(),
                ValueConstraints.NONE, List.of(target("add", "/pw", "\"{{ base64 . }}\"")), true));
        DefinitionPatcher.Patched patched = settings.chart(version, resolved(version, Map.of("password", "hunter2")), Map.of(), "d");
        assertThat(patched.mappings().get(0).summary()).doesNotContain("hunter2").doesNotContain("aHVudGVyMg==")
                .contains(SettingMapping.MASK);
        assertThat(patched.secretChartPaths()).containsExactly("pw");
        assertThat(patched.secretTexts()).contains("hunter2", "aHVudGVyMg==");
        ResolvedVersion broken = chartPackage(new ValueDefinition("password", ValueType.TEXT, null, null, null, List.of(), List.of(),
                ValueConstraints.NONE, List.of(target("add", "/pw", "{{ . }}")), true));
        assertThatThrownBy(() -> settings.chart(broken, resolved(broken, Map.of("password", "hunter2")), Map.of(), "d"))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.params().toString()).doesNotContain("hunter2"));
    }

    // ----- manifestvalues/validate_test.go

    static Stream<Arguments> rules() {
        ValueDefinition text = new ValueDefinition("minmaxstr", ValueType.TEXT, null, null, null, List.of(), List.of(),
                new ValueConstraints(false, null, null, 5, 10, null), List.of(), false);
        ValueDefinition number = new ValueDefinition("minmax", ValueType.NUMBER, null, null, null, List.of(), List.of(),
                new ValueConstraints(false, 5d, 10d, null, null, null), List.of(), false);
        ValueDefinition pattern = new ValueDefinition("pattern", ValueType.TEXT, null, null, null, List.of(), List.of(),
                new ValueConstraints(false, null, null, null, null, "a{2,3}b+"), List.of(), false);
        ValueDefinition options = new ValueDefinition("options", ValueType.OPTIONS, null, null, null, List.of(), List.of("foo", "bar"),
                ValueConstraints.NONE, List.of(), false);
        ValueDefinition bool = new ValueDefinition("bool", ValueType.BOOLEAN, null, null, null, List.of(), List.of(),
                ValueConstraints.NONE, List.of(), false);
        return Stream.of(
                Arguments.of(text, "aaa", SettingProblem.Kind.MIN_LENGTH), Arguments.of(text, "aaaaaaaaaaa", SettingProblem.Kind.MAX_LENGTH),
                Arguments.of(text, "aaaaaaaaaa", null), Arguments.of(text, "設定值", null),
                Arguments.of(number, "1", SettingProblem.Kind.MIN), Arguments.of(number, "11", SettingProblem.Kind.MAX),
                Arguments.of(number, "7", null), Arguments.of(number, "7.5", SettingProblem.Kind.NOT_NUMBER),
                Arguments.of(pattern, "ab", SettingProblem.Kind.PATTERN), Arguments.of(pattern, "aaab", null),
                Arguments.of(pattern, "xxaaabyy", null),
                Arguments.of(options, "test", SettingProblem.Kind.OPTION), Arguments.of(options, "foo", null),
                Arguments.of(bool, "test", SettingProblem.Kind.NOT_BOOLEAN), Arguments.of(bool, "true", null),
                Arguments.of(bool, "false", null), Arguments.of(bool, "1", null), Arguments.of(bool, "T", null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rules")
    void valuesAreCheckedAsGlasskubeChecksThem(ValueDefinition definition, String value, SettingProblem.Kind expected) {
        List<SettingProblem> problems = SettingRules.check(definition, value);
        if (expected == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(SettingProblem::kind).contains(expected);
        }
    }

    @Test
    void requiredUnknownAndDefaultsAreCheckedBeforeAnythingIsApplied() {
        ValueDefinition required = new ValueDefinition("test", ValueType.TEXT, null, null, null, List.of(), List.of(),
                new ValueConstraints(true, null, null, null, null, null), List.of(), false);
        ResolvedVersion version = chartPackage(required);
        assertThat(code(() -> settings.resolve(version, Map.of(), n -> true))).isEqualTo(LifecycleErrorCode.SETTING_REQUIRED);
        assertThat(settings.resolve(version, Map.of("test", new SettingValue.Literal("test")), n -> true)).containsKey("test");
        assertThat(code(() -> settings.resolve(version, Map.of("nope", new SettingValue.Literal("x")), n -> true)))
                .isEqualTo(LifecycleErrorCode.SETTING_UNKNOWN);
        ValueDefinition badDefault = new ValueDefinition("replicas", ValueType.NUMBER, "9", null, null, List.of(), List.of(),
                new ValueConstraints(false, 1d, 3d, null, null, null), List.of(), false);
        assertThat(code(() -> settings.resolve(chartPackage(badDefault), Map.of(), n -> true)))
                .isEqualTo(LifecycleErrorCode.SETTING_DEFAULT_INVALID);
        ValueDefinition withDefault = new ValueDefinition("replicas", ValueType.NUMBER, "2", null, null, List.of(), List.of(),
                ValueConstraints.NONE, List.of(), false);
        Map<String, ResolvedSetting> defaulted = settings.resolve(chartPackage(withDefault), Map.of(), n -> true);
        assertThat(defaulted.get("replicas").value()).isEqualTo("2");
        assertThat(defaulted.get("replicas").source()).isEqualTo(SettingMapping.Source.DEFAULT);
        assertThat(settings.resolve(chartPackage(withDefault), Map.of(), n -> false)).isEmpty();
    }

    // ----- flags_test.go: the command line's reference forms

    @Test
    void referenceFormsParseAsGlasskubeParsesThem() {
        assertThat(SettingValue.parse("foo", "foo")).isEqualTo(new SettingValue.Literal("foo"));
        assertThat(SettingValue.parse("foo", "$ConfigMapRef$foo,bar,data")).isEqualTo(new SettingValue.ConfigMapKey("foo", "bar", "data"));
        assertThat(SettingValue.parse("foo", "$SecretRef$foo,bar,data")).isEqualTo(new SettingValue.SecretKey("foo", "bar", "data"));
        assertThat(SettingValue.parse("foo", "$PackageRef$foo,data")).isEqualTo(new SettingValue.PackageValue("foo", "data"));
        assertThat(SettingValue.parse("foo", "$SecretRef$ns,name,key,with,commas"))
                .isEqualTo(new SettingValue.SecretKey("ns", "name", "key,with,commas"));
        for (String bad : List.of("$ConfigMapRef$foo,bar", "$SecretRef$foo,bar", "$PackageRef$foo")) {
            assertThat(code(() -> SettingValue.parse("foo", bad))).isEqualTo(LifecycleErrorCode.SETTING_REFERENCE_INVALID);
        }
    }

    // ----- resolver_test.go: references read from the cluster

    @Test
    void referencesAreReadFromTheCluster() {
        var client = site.connection.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("test").endMetadata().build()).create();
        client.configMaps().inNamespace("test").resource(new ConfigMapBuilder().withNewMetadata().withName("test").endMetadata()
                .addToData("test", "from-configmap").build()).create();
        // Glasskube base64-decodes the Secret's value once more: the stored value is base64 text.
        client.secrets().inNamespace("test").resource(new SecretBuilder().withNewMetadata().withName("test").endMetadata()
                .addToData("test", b64(b64("from-secret"))).addToData("plain", b64("not base64!")).build()).create();
        ValueDefinition definition = definition("test", ValueType.TEXT, null, target("add", "/v", null));
        ResolvedVersion version = chartPackage(definition);
        assertThat(settings.resolve(version, Map.of("test", SettingValue.parse("test", "$ConfigMapRef$test,test,test")), n -> true)
                .get("test").value()).isEqualTo("from-configmap");
        ResolvedSetting secret = settings.resolve(version, Map.of("test", SettingValue.parse("test", "$SecretRef$test,test,test")),
                n -> true).get("test");
        assertThat(secret.value()).isEqualTo("from-secret");
        assertThat(secret.secret()).isTrue();
        assertThat(secret.shown()).isEqualTo(SettingMapping.MASK);
        assertThat(code(() -> settings.resolve(version, Map.of("test", SettingValue.parse("test", "$SecretRef$test,absent,test")),
                n -> true))).isEqualTo(LifecycleErrorCode.SETTING_REFERENCE_NOT_FOUND);
        assertThat(code(() -> settings.resolve(version, Map.of("test", SettingValue.parse("test", "$SecretRef$test,test,nokey")),
                n -> true))).isEqualTo(LifecycleErrorCode.SETTING_REFERENCE_KEY_MISSING);
        assertThat(code(() -> settings.resolve(version, Map.of("test", SettingValue.parse("test", "$SecretRef$test,test,plain")),
                n -> true))).isEqualTo(LifecycleErrorCode.SETTING_REFERENCE_NOT_BASE64);
    }

    @Test
    void aPackageReferenceReadsTheValueOfAGlasskubeClusterPackage() {
        var client = site.connection.client();
        client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder().withNewMetadata()
                .withName("clusterpackages.packages.glasskube.dev").endMetadata().withNewSpec().withGroup("packages.glasskube.dev")
                .withScope("Cluster").withNewNames().withKind("ClusterPackage").withPlural("clusterpackages")
                .withSingular("clusterpackage").endNames().addNewVersion().withName("v1alpha1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion().endSpec().build()).serverSideApply();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("pkgref").endMetadata().build()).serverSideApply();
        client.configMaps().inNamespace("pkgref").resource(new ConfigMapBuilder().withNewMetadata().withName("cm").endMetadata()
                .addToData("k", "via-package").build()).create();
        GenericKubernetesResource clusterPackage = new GenericKubernetesResource();
        clusterPackage.setApiVersion("packages.glasskube.dev/v1alpha1");
        clusterPackage.setKind("ClusterPackage");
        clusterPackage.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("other").build());
        clusterPackage.setAdditionalProperty("spec", Map.of("values", Map.of(
                "literal", Map.of("value", "plain-text"),
                "fromConfigMap", Map.of("valueFrom", Map.of("configMapRef", Map.of("namespace", "pkgref", "name", "cm", "key", "k"))))));
        client.genericKubernetesResources("packages.glasskube.dev/v1alpha1", "ClusterPackage").resource(clusterPackage).create();
        ResolvedVersion version = chartPackage(definition("test", ValueType.TEXT, null, target("add", "/v", null)));
        assertThat(settings.resolve(version, Map.of("test", SettingValue.parse("test", "$PackageRef$other,literal")), n -> true)
                .get("test").value()).isEqualTo("plain-text");
        assertThat(settings.resolve(version, Map.of("test", SettingValue.parse("test", "$PackageRef$other,fromConfigMap")), n -> true)
                .get("test").value()).isEqualTo("via-package");
        assertThat(code(() -> settings.resolve(version, Map.of("test", SettingValue.parse("test", "$PackageRef$other,absent")),
                n -> true))).isEqualTo(LifecycleErrorCode.SETTING_REFERENCE_KEY_MISSING);
    }

    // ----- helpers

    private Map<String, ResolvedSetting> resolved(ResolvedVersion version, Map<String, String> values) {
        Map<String, SettingValue> given = new LinkedHashMap<>();
        values.forEach((k, v) -> given.put(k, new SettingValue.Literal(v)));
        return settings.resolve(version, given, n -> false);
    }

    private static Object code(Runnable call) {
        try {
            call.run();
        } catch (CodedException e) {
            return e.code();
        }
        return "no error";
    }

    static ValueTarget target(String op, String path, String template) {
        return new ValueTarget(ValueTarget.Kind.CHART_VALUE, "tmpl-chart", null, null, null, op, path, template);
    }

    static ValueDefinition definition(String name, ValueType type, String defaultValue, ValueTarget... targets) {
        return new ValueDefinition(name, type, defaultValue, null, null, List.of(), List.of(), ValueConstraints.NONE, List.of(targets),
                false);
    }

    private static ResolvedVersion chartPackage(ValueDefinition... definitions) {
        return new ResolvedVersion("tmpl", "1.0.0", "plant", Origin.VENDOR, "", new ChartReference("http://charts.invalid", "tmpl-chart",
                "1.0.0", Map.of(), List.of(), null), List.of(), List.of(definitions), List.of(), List.of(), null, null, List.of(), null);
    }

    private static ResolvedVersion manifestPackage(ValueDefinition... definitions) {
        return new ResolvedVersion("tmpl", "1.0.0", "plant", Origin.VENDOR, "", null, List.of("m.yaml"), List.of(definitions), List.of(),
                List.of(), null, null, List.of(), null);
    }

    private static String json(Map<String, Object> tree) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
