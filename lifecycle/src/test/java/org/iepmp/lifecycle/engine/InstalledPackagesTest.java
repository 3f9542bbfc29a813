package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.kube.api.ReleaseHistoryEntry;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.InstalledPackage;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.PackageKind;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.api.UpdateInfo;
import org.junit.jupiter.api.Test;

/**
 * The inventory both front ends read, on the practice cluster: plain-manifest packages next to Helm releases, current values,
 * the install-of-installed rule, the version actually running after an upgrade Helm finished outside a recorded success, and
 * the ways out of a stuck release (repair of one never deployed, rollback and uninstall of one left pending).
 */
class InstalledPackagesTest extends ConsoleOnPracticeSite {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Override
    String namespacePrefix() {
        return "inv";
    }

    private OperationResult run(OperationRequest request) {
        return harness.engine.execute(harness.engine.plan(request.withAcceptWarnings(true)), harness.recorder(), CancellationSignal.NEVER);
    }

    private List<InstalledPackage> here() {
        // line-app brings its dependency plc-db: only the packages a test names are looked at.
        return harness.engine.installedPackages().stream().filter(p -> p.namespace().equals(ns) && !p.releaseName().equals("plc-db"))
                .toList();
    }

    private OperationRequest dashboard(OperationAction action, String version, Map<String, Object> values) {
        return new OperationRequest(action, PlantRepository.DASHBOARD, version, null, ns, values, null, new Actor("operator", null), null);
    }

    @Test
    void aPlainManifestPackageIsListedWithItsValuesAndCanBeChangedAndRemoved() {
        assertThat(run(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns)).outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        Map<String, Object> values = Map.of("viewerPassword", EngineHarness.PASSWORD, "refreshSeconds", 7);
        assertThat(run(dashboard(OperationAction.INSTALL, "1.0.0", values)).outcome()).isEqualTo(OperationOutcome.SUCCEEDED);

        assertThat(here()).extracting(InstalledPackage::releaseName, InstalledPackage::kind, InstalledPackage::version,
                InstalledPackage::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("line-app", PackageKind.HELM_RELEASE, "1.0.0",
                        org.iepmp.lifecycle.api.ReleaseStatus.DEPLOYED),
                org.assertj.core.groups.Tuple.tuple(PlantRepository.DASHBOARD, PackageKind.MANIFESTS, "1.0.0",
                        org.iepmp.lifecycle.api.ReleaseStatus.DEPLOYED));
        assertThat(harness.engine.installedAs(PlantRepository.DASHBOARD, null)).singleElement()
                .satisfies(p -> assertThat(p.namespace()).isEqualTo(ns));
        assertThat(harness.engine.currentValues(PlantRepository.DASHBOARD, ns)).containsEntry("refreshSeconds", "7")
                .containsEntry("viewerPassword", EngineHarness.PASSWORD);
        assertThat(harness.engine.checkUpdates()).filteredOn(u -> u.namespace().equals(ns) && u.releaseName().equals(PlantRepository.DASHBOARD))
                .singleElement().satisfies(u -> assertThat(u.latest()).contains("2.0.0"));

        // Installing it again changes its settings, starting from what runs now, not from the defaults.
        Map<String, Object> start = harness.engine.installStartingValues(PlantRepository.DASHBOARD, ns);
        assertThat(start).containsEntry("refreshSeconds", "7");
        Map<String, Object> changed = new java.util.LinkedHashMap<>(start);
        changed.put("refreshSeconds", "3");
        Plan again = harness.engine.plan(dashboard(OperationAction.INSTALL, "1.0.0", changed));
        assertThat(again.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.CONFIGURE);
            assertThat(step.valuesDiff().changes()).extracting(c -> c.path()).containsExactly("refreshSeconds");
        });
        assertThat(harness.engine.installStartingValues("not-here", ns)).isEmpty();

        assertThat(run(dashboard(OperationAction.UNINSTALL, null, Map.of())).outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(here()).extracting(InstalledPackage::releaseName).containsExactly("line-app");
        assertThat(harness.engine.currentValues(PlantRepository.DASHBOARD, ns)).isEmpty();
    }

    @Test
    void anUpgradeHelmFinishedWithoutARecordedSuccessCountsAsTheVersionRunning() {
        assertThat(run(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns)).outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        // Helm wrote 2.0.0 (the newest), then the process died before the history row: the history still says 1.0.0.
        site.helm.upgrade(InstallRequest.of(repository.charts.resolve("line-app-2.0.0.tgz"), "line-app", ns, HelmValues.NONE, TIMEOUT));

        assertThat(harness.engine.installedAs("line-app", ns)).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo("2.0.0");
            assertThat(p.chartVersion()).isEqualTo("2.0.0");
        });
        UpdateInfo update = harness.engine.checkUpdates().stream().filter(u -> u.namespace().equals(ns)).findFirst().orElseThrow();
        assertThat(update.installedVersion()).isEqualTo("2.0.0");
        assertThat(update.updateAvailable()).as("no offer to update to the version already running").isFalse();
        assertThat(harness.engine.currentValues("line-app", ns)).as("Helm's values: the recorded ones are of 1.0.0")
                .doesNotContainKey("adminPassword");
    }

    @Test
    void aStuckInstallThatNeverDeployedIsRepairedByRemovingIt() {
        site.helm.install(InstallRequest.of(repository.charts.resolve("line-app-1.0.0.tgz"), "line-app", ns, HelmValues.NONE, TIMEOUT));
        new HelmStorage(site.connection.client()).setStatus("line-app", ns, "pending-install");
        assertThat(harness.engine.stuckReleases()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("line-app");
            assertThat(r.namespace()).isEqualTo(ns);
        });
        assertThat(here()).singleElement().satisfies(p -> assertThat(p.stuck()).isTrue());

        Plan repair = harness.engine.plan(new OperationRequest(OperationAction.REPAIR, "line-app", null, null, ns, null, null,
                new Actor("operator", null), null));
        assertThat(repair.steps()).singleElement().satisfies(step -> assertThat(step.action()).isEqualTo(OperationAction.UNINSTALL));
        assertThat(harness.engine.preflight(repair)).noneMatch(c -> c.status() == PreflightStatus.FAIL);
        OperationResult result = harness.engine.execute(repair, harness.recorder(), CancellationSignal.NEVER);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(site.helm.status("line-app", ns, TIMEOUT)).isEmpty();
        assertThat(harness.engine.stuckReleases()).noneMatch(r -> r.namespace().equals(ns));
        assertThat(harness.history.operation(result.operationId())).hasValueSatisfying(op -> {
            assertThat(op.action()).isEqualTo(OperationAction.REPAIR);
            assertThat(op.outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        });
    }

    @Test
    void aReleaseLeftPendingCanBeRolledBackAndItsInterruptedRevisionReadsFailed() {
        run(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns));
        run(EngineHarness.request(OperationAction.UPGRADE, "line-app", "1.1.0", ns));
        new HelmStorage(site.connection.client()).setStatus("line-app", ns, "pending-upgrade");

        List<StepRecord> targets = harness.engine.rollbackTargets("line-app", ns);
        StepRecord first = targets.get(targets.size() - 1);
        Plan rollback = harness.engine.plan(new OperationRequest(OperationAction.ROLLBACK, "line-app", first.toVersion(), null, ns, null,
                first.id(), new Actor("operator", null), null));
        assertThat(harness.engine.preflight(rollback)).filteredOn(c -> c.checkId().equals("releaseStuck"))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(PreflightStatus.PASS));
        OperationResult result = harness.engine.execute(rollback, harness.recorder(), CancellationSignal.NEVER);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        ReleaseInfo now = site.helm.status("line-app", ns, TIMEOUT).orElseThrow();
        assertThat(now.status()).isEqualTo(ReleaseStatus.DEPLOYED);
        assertThat(now.chartVersion()).isEqualTo("1.0.0");
        // The interrupted revision reads failed (the restoring upgrade would leave it superseded).
        assertThat(site.helm.history("line-app", ns, TIMEOUT)).extracting(ReleaseHistoryEntry::revision, ReleaseHistoryEntry::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, ReleaseStatus.SUPERSEDED),
                        org.assertj.core.groups.Tuple.tuple(2, ReleaseStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple(3, ReleaseStatus.DEPLOYED));
    }

    @Test
    void aReleaseLeftPendingCanBeUninstalled() {
        run(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns));
        new HelmStorage(site.connection.client()).setStatus("line-app", ns, "pending-upgrade");
        OperationResult result = run(new OperationRequest(OperationAction.UNINSTALL, "line-app", null, null, ns, null, null,
                new Actor("operator", null), null));
        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(here()).isEmpty();
    }
}
