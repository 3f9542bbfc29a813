package org.iepmp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.engine.LocalParts;
import org.iepmp.app.gui.operation.FieldModel;
import org.iepmp.app.gui.operation.ValuesFormModel;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Glasskube package's settings on the command line, as a new user tries them: {@code show} says
 * where each lands, {@code install --value} applies every target through its template, the plan
 * shows the mapping, bad input is refused before anything is applied, and the window's form makes
 * the same plan as the command line. On the practice cluster, with the real engine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValueDefinitionsCliTest {

    @TempDir
    static Path dir;

    private static PracticeCluster cluster;
    private static TemplatedPackageFixture fixture;
    private static CliHarness cli;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("kubeconfig.yaml"))
                .withReadinessDelay(Duration.ofMillis(150)));
        fixture = TemplatedPackageFixture.writeTo(Files.createDirectories(dir.resolve("repos")));
        cli = new CliHarness(dir);
        CliHarness.Run added = cli.run("repo", "add", "tmpl-repo", fixture.glasskube.toString(), "--type", "glasskube");
        assertThat(added.exit()).as(added.toString()).isZero();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static CliHarness.Run onCluster(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kubeconfig", cluster.kubeconfig().toString()));
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void showListsEachSettingWithItsRulesAndWhereItLands() throws Exception {
        CliHarness.Run show = cli.run("show", "tmpl");
        assertThat(show.exit()).as(show.toString()).isZero();
        assertThat(show.out()).contains("Where each setting lands:")
                .contains("msg → chart podinfo-lite value /ui/message (add, template \"pre-{{.}}-post\")")
                .contains("twice → chart podinfo-lite value /twice/first (add, as text)")
                .contains("twice → chart podinfo-lite value /twice/second (add, template \"{{ . }}-2\")")
                .contains("at most 40 bytes").contains("at least 1, at most 3");
        JsonNode json = JSON.readTree(cli.run("show", "tmpl", "-o", "json").out());
        JsonNode msg = json.get("values").get(0);
        assertThat(msg.get("name").asText()).isEqualTo("msg");
        assertThat(msg.get("targets").get(0).get("valueTemplate").asText()).isEqualTo("\"pre-{{.}}-post\"");
        assertThat(msg.get("constraints").get("maxLength").asInt()).isEqualTo(40);
    }

    @Test
    @Order(2)
    void badSettingsAreRefusedBeforeAnythingIsApplied() {
        CliHarness.Run unknown = onCluster("install", "tmpl", "--value", "nosuch=1", "--yes");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err()).contains("tmpl has no setting called nosuch");
        CliHarness.Run tooMany = onCluster("install", "tmpl", "--value", "replicas=9", "--yes");
        assertThat(tooMany.exit()).as(tooMany.toString()).isEqualTo(1);
        assertThat(tooMany.err()).contains("replicas of tmpl is 9, above the largest allowed value 3");
        CliHarness.Run noEquals = onCluster("install", "tmpl", "--value", "msg", "--yes");
        assertThat(noEquals.exit()).as(noEquals.toString()).isEqualTo(2);
        CliHarness.Run missingSecret = onCluster("install", "tmpl", "--value", "msg=$SecretRef$tmpl,absent,key", "--yes");
        assertThat(missingSecret.exit()).as(missingSecret.toString()).isEqualTo(1);
        assertThat(missingSecret.err()).contains("msg of tmpl refers to $SecretRef$tmpl,absent,key");
        assertThat(onCluster("list").out()).doesNotContain("tmpl");
    }

    @Test
    @Order(3)
    void theWindowsFormMakesTheSamePlanAsTheCommandLine() throws Exception {
        JsonNode cliPlan = JSON.readTree(onCluster("install", "tmpl", "--value", "msg=hello", "--value", "twice=two", "--dry-run",
                "-o", "json").out()).get("plan").get(0);
        LocalParts parts = new LocalParts(AppPaths.under(dir.resolve("iepmp")), Clock.systemUTC(), CliHarness.FAST);
        parts.catalog().loadCached();
        ResolvedVersion version = parts.catalog().resolve(Optional.empty(), "tmpl", Optional.of("1.0.0"));
        ValuesFormModel form = new ValuesFormModel(version.valueDefinitions(), Map.of(), "tmpl", true, true);
        field(form, "msg").textProperty().set("hello");
        field(form, "twice").textProperty().set("two");
        assertThat(form.validProperty().get()).isTrue();
        OperationRequest request = new OperationRequest(OperationAction.INSTALL, "tmpl", "1.0.0", null, "tmpl", form.values(), null,
                new Actor("tester", null), Reason.NONE).withSettings(form.settings());
        ClusterCandidate candidate = new ClusterCandidate(ClusterSourceKind.PRACTICE, cluster.kubeconfig(), cluster.context(),
                cluster.url(), Optional.empty());
        try (var connection = parts.connector().connect(candidate, Duration.ofSeconds(20));
             EngineSession session = parts.engines().open(connection, cluster.clusterUid())) {
            Plan plan = session.engine().plan(request);
            PlanStep step = plan.steps().get(plan.steps().size() - 1);
            assertThat(mappingsOf(step)).isEqualTo(mappingsOf(cliPlan)).contains(
                    "msg=hello given -> chart podinfo-lite ui.message = \"pre-hello-post\"",
                    "twice=two given -> chart podinfo-lite twice.first = \"two\"",
                    "twice=two given -> chart podinfo-lite twice.second = \"two-2\"",
                    "maybe=kept default -> chart podinfo-lite maybe = \"kept\"",
                    "replicas=1 default -> chart podinfo-lite replicaCount = 1");
            assertThat(valuesOf(step)).isEqualTo(valuesOf(cliPlan));
        } finally {
            parts.storage().close();
        }
    }

    @Test
    @Order(4)
    void installWithValuesAppliesEveryTargetThroughItsTemplate() throws Exception {
        CliHarness.Run install = onCluster("install", "tmpl", "--value", "msg=hello", "--value", "twice=two", "--yes");
        assertThat(install.exit()).as(install.toString()).isZero();
        assertThat(install.out()).contains("msg = hello → chart value ui.message = \"pre-hello-post\"")
                .contains("twice = two → chart value twice.first = \"two\"")
                .contains("twice = two → chart value twice.second = \"two-2\"")
                .contains("maybe = kept (default) → chart value maybe = \"kept\"");
        Map<String, String> env = env();
        assertThat(env).containsEntry("PODINFO_UI_MESSAGE", "pre-hello-post").containsEntry("TWICE_FIRST", "two")
                .containsEntry("TWICE_SECOND", "two-2").containsEntry("MAYBE", "kept").containsEntry("PODINFO_UI_COLOR", "#34577c");
    }

    @Test
    @Order(5)
    void configureChangesOneSettingAndKeepsTheOthers() throws Exception {
        CliHarness.Run configure = onCluster("configure", "tmpl", "--value", "msg=again", "--value", "maybe=", "--yes");
        assertThat(configure.exit()).as(configure.toString()).isZero();
        assertThat(env()).containsEntry("PODINFO_UI_MESSAGE", "pre-again-post").containsEntry("TWICE_SECOND", "two-2")
                .containsEntry("MAYBE", "absent");
    }

    private static Map<String, String> env() {
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
                Files.readString(cluster.kubeconfig()))).build()) {
            Deployment deployment = client.apps().deployments().inNamespace("tmpl").withName("tmpl").get();
            return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, e -> e.getValue() == null ? "" : e.getValue()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FieldModel field(ValuesFormModel form, String name) {
        return form.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> mappingsOf(PlanStep step) {
        return step.settings().stream().map(m -> m.definition() + "=" + m.given() + " " + m.source().name().toLowerCase() + " -> chart "
                + m.target().chart() + " " + m.target().path() + " = " + m.json()).toList();
    }

    private static List<String> mappingsOf(JsonNode step) {
        List<String> lines = new ArrayList<>();
        step.get("settings").forEach(m -> lines.add(m.get("name").asText() + "=" + m.get("value").asText() + " " + m.get("source").asText()
                + " -> chart " + m.get("chart").asText() + " " + m.get("path").asText() + " = " + m.get("json").asText()));
        return lines;
    }

    private static List<String> valuesOf(PlanStep step) {
        return step.valuesDiff().changes().stream().map(c -> c.path() + "=" + c.after()).toList();
    }

    private static List<String> valuesOf(JsonNode step) {
        List<String> lines = new ArrayList<>();
        step.get("values").forEach(c -> lines.add(c.get("path").asText() + "=" + c.get("after").asText()));
        return lines;
    }
}
