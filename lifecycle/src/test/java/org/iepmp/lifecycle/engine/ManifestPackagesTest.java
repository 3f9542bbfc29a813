package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.iepmp.kube.api.ManifestPackage;
import org.iepmp.kube.api.ObjectRef;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.ChangeKind;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.ResourceChange;
import org.iepmp.lifecycle.api.StepLogEntry;
import org.iepmp.lifecycle.api.StepRecord;
import org.junit.jupiter.api.Test;

/**
 * Plain-manifest packages through the engine on the practice cluster: plan with diffs against the
 * inventory, install, upgrade (prune), a crash-looping version rolled back automatically (what it
 * added pruned), a manual rollback with the package source gone, uninstall; a package mixing a
 * chart and manifests is refused.
 */
class ManifestPackagesTest extends ConsoleOnPracticeSite {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String DASHBOARD = PlantRepository.DASHBOARD;

    @Override
    String namespacePrefix() {
        return "board";
    }

    private OperationRequest request(OperationAction action, String version) {
        return new OperationRequest(action, DASHBOARD, version, null, ns,
                Map.of("viewerPassword", EngineHarness.PASSWORD, "refreshSeconds", 7), null, new Actor("operator", "Wang Wei"),
                new Reason("test", "CHG-7"), true);
    }

    private OperationResult run(OperationRequest request) {
        return harness.engine.execute(harness.engine.plan(request), harness.recorder(), CancellationSignal.NEVER);
    }

    private Optional<ManifestPackage> inventory() {
        return site.drivers.manifests().installed(DASHBOARD, ns, TIMEOUT);
    }

    private ConfigMap configMap(String name) {
        return site.connection.client().configMaps().inNamespace(ns).withName(name).get();
    }

    private String image() {
        Deployment deployment = site.connection.client().apps().deployments().inNamespace(ns).withName("dashboard").get();
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private String viewerPassword() {
        Secret secret = site.connection.client().secrets().inNamespace(ns).withName("dashboard-viewer").get();
        if (secret.getData() != null && secret.getData().get("password") != null) {
            return new String(Base64.getDecoder().decode(secret.getData().get("password")), StandardCharsets.UTF_8);
        }
        return secret.getStringData().get("password");
    }

    @Test
    void installUpgradeFailedUpgradeOfflineRollbackAndUninstall() throws IOException {
        Plan install = harness.engine.plan(request(OperationAction.INSTALL, "1.0.0"));
        assertThat(install.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.INSTALL);
            assertThat(step.fromVersion()).isNull();
            assertThat(step.toVersion()).isEqualTo("1.0.0");
            assertThat(step.chartDigest()).as("the manifests are kept content-addressed").startsWith("sha256:");
            assertThat(step.manifestDiff().resources()).extracting(c -> c.resource().kind(), ResourceChange::kind).containsExactlyInAnyOrder(
                    tuple("ConfigMap", ChangeKind.ADDED), tuple("Secret", ChangeKind.ADDED), tuple("Deployment", ChangeKind.ADDED));
            assertThat(step.manifestDiff().unifiedDiff()).contains("plant/dashboard:1.0.0").contains("refresh: \"7\"")
                    .doesNotContain(EngineHarness.PASSWORD);
            assertThat(step.valuesDiff().changes()).anySatisfy(c -> {
                assertThat(c.path()).isEqualTo("viewerPassword");
                assertThat(c.secret()).isTrue();
                assertThat(c.after()).doesNotContain(EngineHarness.PASSWORD);
            });
        });
        assertThat(inventory()).as("planning changes nothing").isEmpty();
        List<PreflightResult> checks = harness.engine.preflight(install);
        assertThat(checks).filteredOn(c -> c.checkId().equals("resources")).singleElement()
                .satisfies(c -> assertThat(c.params()).startsWith(50L, 32L));
        assertThat(checks).noneMatch(c -> c.status() == PreflightStatus.FAIL);

        OperationResult installed = harness.engine.execute(install, harness.recorder(), CancellationSignal.NEVER);
        assertThat(installed.outcome()).as(installed.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(inventory()).hasValueSatisfying(p -> {
            assertThat(p.version()).isEqualTo("1.0.0");
            assertThat(p.complete()).isTrue();
            assertThat(p.objects()).extracting(ObjectRef::kind).containsExactlyInAnyOrder("ConfigMap", "Secret", "Deployment");
        });
        assertThat(site.helm.status(DASHBOARD, ns, TIMEOUT)).as("not a Helm release").isEmpty();
        assertThat(configMap("dashboard-config").getData()).containsEntry("refresh", "7");
        assertThat(viewerPassword()).isEqualTo(EngineHarness.PASSWORD);
        assertThat(harness.history.operation(installed.operationId()).orElseThrow().maskedValuesJson())
                .doesNotContain(EngineHarness.PASSWORD);
        assertThat(harness.history.steps(installed.operationId()).get(0).log()).extracting(StepLogEntry::key)
                .contains("lifecycle.log.healthy");
        assertThat(harness.engine.checkUpdates()).filteredOn(u -> u.namespace().equals(ns)).singleElement().satisfies(u -> {
            assertThat(u.packageName()).isEqualTo(DASHBOARD);
            assertThat(u.installedVersion()).isEqualTo("1.0.0");
            assertThat(u.latest()).contains("2.0.0");
            assertThat(u.latestSameMajor()).contains("1.1.0");
        });

        Plan upgrade = harness.engine.plan(request(OperationAction.UPGRADE, "1.1.0"));
        assertThat(upgrade.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.UPGRADE);
            assertThat(step.fromVersion()).isEqualTo("1.0.0");
            assertThat(step.manifestDiff().resources()).extracting(c -> c.resource().kind(), ResourceChange::kind).containsExactlyInAnyOrder(
                    tuple("Service", ChangeKind.ADDED), tuple("Deployment", ChangeKind.CHANGED));
            assertThat(step.manifestDiff().unifiedDiff()).contains("-        image: plant/dashboard:1.0.0")
                    .contains("+        image: plant/dashboard:1.1.0");
            assertThat(step.valuesDiff().isEmpty()).as(step.valuesDiff().toString()).isTrue();
        });
        assertThat(harness.engine.execute(upgrade, harness.recorder(), CancellationSignal.NEVER).outcome())
                .isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(image()).isEqualTo("plant/dashboard:1.1.0");
        assertThat(site.connection.client().services().inNamespace(ns).withName("dashboard").get()).isNotNull();

        // 2.0.0 crash-loops: its objects are applied, it fails verification, 1.1.0 is applied again and
        // what 2.0.0 added is pruned.
        OperationResult broken = run(request(OperationAction.UPGRADE, "2.0.0"));
        assertThat(broken.outcome()).as(broken.toString()).isEqualTo(OperationOutcome.ROLLED_BACK);
        assertThat(broken.errorCode()).isEqualTo("VERIFICATION_FAILED");
        assertThat(broken.params()).containsExactly(DASHBOARD, "2.0.0", DASHBOARD + " 1.1.0");
        assertThat(broken.restored()).extracting(s -> s.action(), s -> s.outcome())
                .containsExactly(tuple(OperationAction.ROLLBACK, OperationOutcome.SUCCEEDED));
        assertThat(inventory()).hasValueSatisfying(p -> {
            assertThat(p.version()).isEqualTo("1.1.0");
            assertThat(p.objects()).extracting(ObjectRef::name).doesNotContain("dashboard-extra");
        });
        assertThat(configMap("dashboard-extra")).isNull();
        assertThat(image()).isEqualTo("plant/dashboard:1.1.0");
        assertThat(viewerPassword()).as("restored from the sealed history").isEqualTo(EngineHarness.PASSWORD);
        assertThat(harness.history.steps(broken.operationId()).get(0).log()).flatExtracting(StepLogEntry::params)
                .anySatisfy(param -> assertThat(param).asString().contains("FATAL: config schema v2 not found"));

        // A restarted console with the package source gone: the rollback comes from the archive store.
        harness.close();
        deleteTree(dir.resolve("repo"));
        harness = new EngineHarness(dir.resolve("console"), site, repository, EngineHarness.SETTINGS);
        StepRecord first = harness.engine.rollbackTargets(DASHBOARD, ns).stream().filter(s -> "1.0.0".equals(s.toVersion()))
                .findFirst().orElseThrow();
        OperationRequest rollback = new OperationRequest(OperationAction.ROLLBACK, DASHBOARD, null, null, ns, null, first.id(),
                new Actor("operator", null), null, true);
        Plan back = harness.engine.plan(rollback);
        assertThat(back.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.ROLLBACK);
            assertThat(step.fromVersion()).isEqualTo("1.1.0");
            assertThat(step.toVersion()).isEqualTo("1.0.0");
            assertThat(step.manifestDiff().resources()).extracting(c -> c.resource().kind(), ResourceChange::kind)
                    .contains(tuple("Service", ChangeKind.REMOVED), tuple("Deployment", ChangeKind.CHANGED));
        });
        OperationResult rolledBack = harness.engine.execute(back, harness.recorder(), CancellationSignal.NEVER);
        assertThat(rolledBack.outcome()).as(rolledBack.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(image()).isEqualTo("plant/dashboard:1.0.0");
        assertThat(site.connection.client().services().inNamespace(ns).withName("dashboard").get()).isNull();
        assertThat(inventory().orElseThrow().version()).isEqualTo("1.0.0");

        Plan remove = harness.engine.plan(new OperationRequest(OperationAction.UNINSTALL, DASHBOARD, null, null, ns, null, null,
                new Actor("operator", null), null, true));
        assertThat(remove.steps()).singleElement().satisfies(step -> {
            assertThat(step.fromVersion()).isEqualTo("1.0.0");
            assertThat(step.manifestDiff().resources()).extracting(ResourceChange::kind).hasSize(3).containsOnly(ChangeKind.REMOVED);
        });
        assertThat(harness.engine.execute(remove, harness.recorder(), CancellationSignal.NEVER).outcome())
                .isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(inventory()).isEmpty();
        assertThat(configMap("dashboard-config")).isNull();
        assertThat(site.connection.client().apps().deployments().inNamespace(ns).withName("dashboard").get()).isNull();
    }

    @Test
    void aFailedFreshInstallRemovesEverythingItApplied() {
        OperationResult result = run(request(OperationAction.INSTALL, "2.0.0"));

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.ROLLED_BACK);
        assertThat(result.restored()).extracting(s -> s.action(), s -> s.outcome())
                .containsExactly(tuple(OperationAction.UNINSTALL, OperationOutcome.SUCCEEDED));
        assertThat(inventory()).isEmpty();
        assertThat(configMap("dashboard-config")).isNull();
        assertThat(configMap("dashboard-extra")).isNull();
    }

    @Test
    void aVersionWithAChartAndManifestsIsRefusedWithATypedError() {
        assertThatThrownBy(() -> harness.engine.plan(new OperationRequest(OperationAction.INSTALL, "mixed-bag", "1.0.0", null, ns, null,
                null, new Actor("operator", null), null, true)))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.code()).isEqualTo(LifecycleErrorCode.MIXED_CONTENT);
                    assertThat(e.params()).containsExactly("mixed-bag", "1.0.0");
                });
        assertThat(site.helm.status("mixed-bag", ns, TIMEOUT)).isEmpty();
    }

    @Test
    void thePlanComparesWithWhatTheInventorySaysIsApplied() {
        assertThat(run(request(OperationAction.INSTALL, "1.1.0")).outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        // An apply interrupted on the way left one more object in the inventory than the manifests name.
        ConfigMap inventory = configMap("iepmp-manifest-" + DASHBOARD);
        String objects = inventory.getData().get("objects");
        inventory.getData().put("objects", objects.substring(0, objects.length() - 1)
                + ",{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"namespace\":\"" + ns + "\",\"name\":\"left-over\"}]");
        inventory.getData().put("state", "applying");
        inventory.getMetadata().setManagedFields(null);
        site.connection.client().configMaps().inNamespace(ns).resource(inventory).update();

        // A console without this history (another laptop): the applied manifests come from the catalog.
        try (EngineHarness other = new EngineHarness(dir.resolve("other"), site, repository, EngineHarness.SETTINGS)) {
            Plan plan = other.engine.plan(request(OperationAction.UPGRADE, "1.0.0"));
            PlanStep step = plan.steps().get(0);
            assertThat(step.fromVersion()).isEqualTo("1.1.0");
            assertThat(step.manifestDiff().resources()).extracting(c -> c.resource().name(), ResourceChange::kind)
                    .contains(tuple("dashboard", ChangeKind.REMOVED), tuple("left-over", ChangeKind.REMOVED))
                    .doesNotContain(tuple("dashboard-config", ChangeKind.REMOVED));
        }

        // The interrupted apply is repaired by applying the recorded version again, which prunes the leftover.
        assertThat(inventory().orElseThrow().complete()).isFalse();
        Plan repair = harness.engine.plan(new OperationRequest(OperationAction.REPAIR, DASHBOARD, null, null, ns, null, null,
                new Actor("operator", null), null, true));
        assertThat(repair.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.REPAIR);
            assertThat(step.toVersion()).isEqualTo("1.1.0");
        });
        OperationResult repaired = harness.engine.execute(repair, harness.recorder(), CancellationSignal.NEVER);
        assertThat(repaired.outcome()).as(repaired.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(inventory()).hasValueSatisfying(p -> {
            assertThat(p.complete()).isTrue();
            assertThat(p.objects()).extracting(ObjectRef::name).doesNotContain("left-over");
        });
        assertThat(viewerPassword()).isEqualTo(EngineHarness.PASSWORD);
    }

    @Test
    void aManifestDependencyIsInstalledFirstAndItsRemovalWarnsAboutItsUser() {
        Plan plan = harness.engine.plan(new OperationRequest(OperationAction.INSTALL, "dashboard-addon", "1.0.0", null, ns, null, null,
                new Actor("operator", null), null, true));
        assertThat(plan.steps()).extracting(PlanStep::packageName, PlanStep::toVersion)
                .containsExactly(tuple(DASHBOARD, "1.1.0"), tuple("dashboard-addon", "1.0.0"));
        OperationResult installed = harness.engine.execute(plan, harness.recorder(), CancellationSignal.NEVER);
        assertThat(installed.outcome()).as(installed.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(inventory().orElseThrow().version()).isEqualTo("1.1.0");

        Plan remove = harness.engine.plan(new OperationRequest(OperationAction.UNINSTALL, DASHBOARD, null, null, ns, null, null,
                new Actor("operator", null), null, false));
        assertThat(harness.engine.preflight(remove)).filteredOn(c -> c.checkId().equals("dependents")).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(PreflightStatus.WARN);
                    assertThat(c.params()).containsExactly(DASHBOARD, "dashboard-addon");
                });
        // Installed again: the dependency is satisfied, only the package itself is planned.
        Plan again = harness.engine.plan(new OperationRequest(OperationAction.UPGRADE, "dashboard-addon", "1.0.0", null, ns, null, null,
                new Actor("operator", null), null, true));
        assertThat(again.steps()).extracting(PlanStep::packageName).containsExactly("dashboard-addon");
    }

    @Test
    void thePracticeCatalogsManifestPackageInstallsAndUpgrades() throws IOException {
        org.iepmp.practice.api.PracticeCatalog.Layout layout = org.iepmp.practice.api.PracticeCatalog.create().writeTo(dir.resolve("practice"));
        try (EngineHarness practice = new EngineHarness(dir.resolve("practice-console"), site,
                PlantRepository.of(layout.helmRepository(), layout.glasskubeRepository()), EngineHarness.SETTINGS)) {
            OperationRequest install = new OperationRequest(OperationAction.INSTALL, "plant-dashboard-config", "v1.0.0+1", null, ns,
                    Map.of("title", "Line 2"), null, new Actor("operator", null), null, true);
            OperationResult installed = practice.engine.execute(practice.engine.plan(install), practice.recorder(), CancellationSignal.NEVER);
            assertThat(installed.outcome()).as(installed.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
            assertThat(configMap("plant-dashboard-config").getData()).containsEntry("title", "Line 2").containsEntry("refresh", "10");

            OperationRequest upgrade = new OperationRequest(OperationAction.UPGRADE, "plant-dashboard-config", "v1.1.0+1", null, ns,
                    Map.of("title", "Line 2"), null, new Actor("operator", null), null, true);
            OperationResult upgraded = practice.engine.execute(practice.engine.plan(upgrade), practice.recorder(), CancellationSignal.NEVER);
            assertThat(upgraded.outcome()).as(upgraded.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
            assertThat(configMap("plant-dashboard-config").getData()).containsEntry("refresh", "5").containsEntry("note", "faster refresh");
            assertThat(site.drivers.manifests().installed("plant-dashboard-config", ns, TIMEOUT).orElseThrow().version())
                    .isEqualTo("v1.1.0+1");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
