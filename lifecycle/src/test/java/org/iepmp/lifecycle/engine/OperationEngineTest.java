package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.ChangeKind;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.ResourceChange;
import org.iepmp.lifecycle.api.StepLogEntry;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.api.UpdateInfo;
import org.iepmp.lifecycle.api.ValueChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against the practice cluster with the real helm-java driver and fabric8 health:
 * plan, install with a dependency, upgrade, downgrade, update check. One cluster for the class;
 * each test works in its own namespace with its own history, archive store and lock.
 */
class OperationEngineTest {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    @TempDir
    static Path shared;
    static PracticeSite site;
    static PlantRepository repository;

    @TempDir
    Path dir;
    EngineHarness harness;
    String ns;

    @BeforeAll
    static void startSite() throws Exception {
        site = new PracticeSite(shared.resolve("site"));
        repository = PlantRepository.write(shared.resolve("repo"));
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @BeforeEach
    void openHarness() {
        harness = new EngineHarness(dir, site, repository, EngineHarness.SETTINGS);
        ns = "line" + NAMESPACES.incrementAndGet();
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private OperationResult run(OperationAction action, String pkg, String version) {
        Plan plan = harness.engine.plan(EngineHarness.request(action, pkg, version, ns).withAcceptWarnings(true));
        return harness.engine.execute(plan, harness.recorder(), CancellationSignal.NEVER);
    }

    private ReleaseInfo release(String name) {
        return site.helm.status(name, ns, Duration.ofSeconds(20)).orElseThrow();
    }

    @Test
    void installPutsTheDependencyFirstAndRecordsBothSteps() {
        Plan plan = harness.engine.plan(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns));

        assertThat(plan.steps()).extracting(PlanStep::packageName).containsExactly("plc-db", "line-app");
        assertThat(plan.steps()).extracting(PlanStep::action).containsOnly(OperationAction.INSTALL);
        PlanStep app = plan.steps().get(1);
        assertThat(app.fromVersion()).isNull();
        assertThat(app.toVersion()).isEqualTo("1.0.0");
        assertThat(app.chartDigest()).startsWith("sha256:");
        assertThat(app.manifestDiff().resources()).extracting(c -> c.resource().kind(), ResourceChange::kind)
                .contains(org.assertj.core.groups.Tuple.tuple("Deployment", ChangeKind.ADDED),
                        org.assertj.core.groups.Tuple.tuple("Secret", ChangeKind.ADDED));
        assertThat(app.manifestDiff().unifiedDiff()).contains("plant/line-app:1.0.0").doesNotContain(EngineHarness.PASSWORD);
        ValueChange password = app.valuesDiff().changes().stream().filter(c -> c.path().equals("adminPassword")).findFirst().orElseThrow();
        assertThat(password.secret()).isTrue();
        assertThat(password.after()).startsWith("******").doesNotContain(EngineHarness.PASSWORD);
        assertThat(app.valuesDiff().changes()).extracting(ValueChange::path).contains("greeting", "site", "replicaCount");
        // Planning changed nothing on the cluster.
        assertThat(site.helm.status("line-app", ns, Duration.ofSeconds(20))).isEmpty();

        OperationResult result = harness.engine.execute(harness.engine.plan(plan.request().withAcceptWarnings(true)),
                harness.recorder(), CancellationSignal.NEVER);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(result.steps()).extracting(s -> s.packageName()).containsExactly("plc-db", "line-app");
        assertThat(release("plc-db").status()).isEqualTo(ReleaseStatus.DEPLOYED);
        assertThat(release("line-app").chartVersion()).isEqualTo("1.0.0");
        assertThat(site.health.health("line-app", ns, Duration.ofSeconds(10)).healthy()).isTrue();
        OperationRecord record = harness.history.operation(result.operationId()).orElseThrow();
        assertThat(record.outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(record.maskedValuesJson()).doesNotContain(EngineHarness.PASSWORD);
        assertThat(record.preflight()).isNotEmpty();
        List<StepRecord> steps = harness.history.steps(result.operationId());
        assertThat(steps).extracting(StepRecord::packageName, StepRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("plc-db", OperationOutcome.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("line-app", OperationOutcome.SUCCEEDED));
        assertThat(steps.get(1).log()).extracting(StepLogEntry::key).contains("lifecycle.log.healthy");
        assertThat(harness.events).filteredOn(e -> e instanceof ProgressEvent.StepProgress p
                && p.messageKey().equals("lifecycle.progress.healthy")).hasSize(2);
        assertThat(harness.events.get(harness.events.size() - 1)).isInstanceOf(ProgressEvent.OperationFinished.class);
    }

    @Test
    void installsThePackageFromTheRepositoryTheTechnicianChose() {
        // "plant" (Glasskube) and "plant-charts" (Helm) both offer line-app: the Glasskube package needs plc-db first,
        // the bare chart needs nothing. The request names the row chosen in the catalog, and the plan follows it.
        Plan plan = harness.engine.plan(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns)
                .withRepository("plant-charts").withAcceptWarnings(true));

        assertThat(plan.request().repository()).isEqualTo("plant-charts");
        assertThat(plan.steps()).extracting(PlanStep::packageName).containsExactly("line-app");
        OperationResult result = harness.engine.execute(plan, harness.recorder(), CancellationSignal.NEVER);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(release("line-app").chartVersion()).isEqualTo("1.0.0");
        assertThat(site.helm.status("plc-db", ns, Duration.ofSeconds(20))).as("the chart row has no dependency").isEmpty();
        assertThat(harness.engine.plan(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns + "b"))
                .steps()).as("without a choice the first repository (Glasskube) still answers")
                .extracting(PlanStep::packageName).containsExactly("plc-db", "line-app");
    }

    @Test
    void comparesWithTheRepositoryThatOffersTheInstalledVersionNotMerelyTheFirst() throws Exception {
        // A mirror configured before the plant repositories lists line-app only as 5.0.0.
        Path mirror = java.nio.file.Files.createDirectories(dir.resolve("mirror"));
        java.nio.file.Files.writeString(mirror.resolve("index.yaml"), "apiVersion: v1\nentries:\n  line-app:\n"
                + "  - name: line-app\n    version: 5.0.0\n    urls: [line-app-5.0.0.tgz]\n");
        var store = new org.iepmp.catalog.config.FileRepositoryStore(dir.resolve("config"));
        List<org.iepmp.catalog.api.RepositoryDefinition> plant = store.list();
        plant.forEach(d -> store.remove(d.name()));
        store.save(org.iepmp.catalog.api.RepositoryDefinition.directory("mirror", mirror.toString(),
                org.iepmp.catalog.api.RepositoryType.HELM, org.iepmp.catalog.api.Origin.CUSTOMER), java.util.Optional.empty());
        plant.forEach(d -> store.save(d, java.util.Optional.empty()));
        harness.catalog.refresh();
        Plan install = harness.engine.plan(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.1.0", ns)
                .withRepository("plant").withAcceptWarnings(true));
        assertThat(harness.engine.execute(install, harness.recorder(), CancellationSignal.NEVER).outcome())
                .isEqualTo(OperationOutcome.SUCCEEDED);

        UpdateInfo update = harness.engine.checkUpdates().stream()
                .filter(u -> u.namespace().equals(ns) && u.releaseName().equals("line-app")).findFirst().orElseThrow();

        assertThat(update.repository()).as("the mirror does not offer 1.1.0").contains("plant");
        assertThat(update.latest()).contains("2.0.0");
    }

    @Test
    void upgradeThenDowngradeLeaveTheDependencyAloneAndShowTheDiff() {
        assertThat(run(OperationAction.INSTALL, "line-app", "1.0.0").outcome()).isEqualTo(OperationOutcome.SUCCEEDED);

        Plan upgrade = harness.engine.plan(EngineHarness.request(OperationAction.UPGRADE, "line-app", "1.1.0", ns));
        assertThat(upgrade.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.UPGRADE);
            assertThat(step.fromVersion()).isEqualTo("1.0.0");
            assertThat(step.toVersion()).isEqualTo("1.1.0");
            assertThat(step.manifestDiff().resources()).extracting(c -> c.resource().kind(), ResourceChange::kind)
                    .contains(org.assertj.core.groups.Tuple.tuple("Service", ChangeKind.ADDED),
                            org.assertj.core.groups.Tuple.tuple("Deployment", ChangeKind.CHANGED));
            assertThat(step.manifestDiff().unifiedDiff()).contains("-        image: plant/line-app:1.0.0")
                    .contains("+        image: plant/line-app:1.1.0");
            // Same user values as before: the values did not change.
            assertThat(step.valuesDiff().isEmpty()).as(step.valuesDiff().toString()).isTrue();
        });
        OperationResult upgraded = harness.engine.execute(harness.engine.plan(upgrade.request().withAcceptWarnings(true)),
                harness.recorder(), CancellationSignal.NEVER);
        assertThat(upgraded.outcome()).as(upgraded.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(release("line-app").chartVersion()).isEqualTo("1.1.0");

        List<UpdateInfo> updates = harness.engine.checkUpdates().stream().filter(u -> u.namespace().equals(ns)).toList();
        assertThat(updates).filteredOn(u -> u.packageName().equals("line-app")).singleElement().satisfies(u -> {
            assertThat(u.installedVersion()).isEqualTo("1.1.0");
            assertThat(u.latest()).contains("2.0.0");
            assertThat(u.latestSameMajor()).isEmpty();
            assertThat(u.repository()).contains("plant");
        });
        assertThat(updates).filteredOn(u -> u.packageName().equals("plc-db")).singleElement()
                .satisfies(u -> assertThat(u.updateAvailable()).isFalse());

        OperationResult downgraded = run(OperationAction.UPGRADE, "line-app", "1.0.0");
        assertThat(downgraded.outcome()).as(downgraded.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(release("line-app").chartVersion()).isEqualTo("1.0.0");
        assertThat(release("plc-db").revision()).isEqualTo(1);
        assertThat(harness.engine.rollbackTargets("line-app", ns)).extracting(StepRecord::toVersion)
                .containsExactly("1.0.0", "1.1.0", "1.0.0");

        // Same version, new values.
        OperationRequest configure = new OperationRequest(OperationAction.CONFIGURE, "line-app", null, null, ns,
                java.util.Map.of("adminPassword", EngineHarness.PASSWORD, "greeting", "shift B"), null,
                new org.iepmp.lifecycle.api.Actor("operator", null), null, true);
        Plan plan = harness.engine.plan(configure);
        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.CONFIGURE);
            assertThat(step.toVersion()).isEqualTo("1.0.0");
            assertThat(step.valuesDiff().changes()).extracting(ValueChange::path, ValueChange::before, ValueChange::after)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("greeting", "hello line 3", "shift B"));
            assertThat(step.manifestDiff().resources()).extracting(c -> c.resource().kind()).containsExactly("ConfigMap");
        });
        assertThat(harness.engine.execute(plan, harness.recorder(), CancellationSignal.NEVER).outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(site.helm.values("line-app", ns, 0, Duration.ofSeconds(20))).contains("shift B");
    }
}
