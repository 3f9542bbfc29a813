package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.ReconciledOperation;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.lock.LocalFileClusterLock;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong, against the practice cluster: a version that crash-loops (automatic rollback),
 * a rollback with the package source gone, preflight that blocks, cancel, a process that dies
 * between steps, removal of a package others need.
 */
class FailureAndRecoveryTest extends ConsoleOnPracticeSite {

    @Override
    String namespacePrefix() {
        return "cell";
    }

    private OperationRequest request(OperationAction action, String pkg, String version) {
        return EngineHarness.request(action, pkg, version, ns).withAcceptWarnings(true);
    }

    private OperationResult run(EngineHarness on, OperationRequest request, CancellationSignal cancel) {
        return on.engine.execute(on.engine.plan(request), on.recorder(), cancel);
    }

    private ReleaseInfo release(String name) {
        return site.helm.status(name, ns, Duration.ofSeconds(20)).orElseThrow();
    }

    @Test
    void aVersionThatCrashLoopsIsRolledBackAutomatically() {
        assertThat(run(harness, request(OperationAction.INSTALL, "line-app", "1.0.0"), CancellationSignal.NEVER).outcome())
                .isEqualTo(OperationOutcome.SUCCEEDED);

        OperationResult result = run(harness, request(OperationAction.UPGRADE, "line-app", "2.0.0"), CancellationSignal.NEVER);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.ROLLED_BACK);
        assertThat(result.errorCode()).isEqualTo("VERIFICATION_FAILED");
        assertThat(result.messageKey()).isEqualTo("lifecycle.result.rolledBack");
        assertThat(result.params()).containsExactly("line-app", "2.0.0", "line-app 1.0.0");
        assertThat(result.steps()).extracting(s -> s.action(), s -> s.outcome())
                .containsExactly(tuple(OperationAction.UPGRADE, OperationOutcome.FAILED));
        assertThat(result.restored()).extracting(s -> s.action(), s -> s.outcome())
                .containsExactly(tuple(OperationAction.ROLLBACK, OperationOutcome.SUCCEEDED));
        ReleaseInfo after = release("line-app");
        assertThat(after.chartVersion()).isEqualTo("1.0.0");
        assertThat(after.status()).isEqualTo(ReleaseStatus.DEPLOYED);
        assertThat(after.revision()).isEqualTo(3);
        // As helm upgrade --atomic leaves them: the failed revision reads failed, not superseded.
        assertThat(site.helm.history("line-app", ns, Duration.ofSeconds(20))).extracting(e -> e.revision(), e -> e.status())
                .containsExactly(tuple(1, ReleaseStatus.SUPERSEDED), tuple(2, ReleaseStatus.FAILED), tuple(3, ReleaseStatus.DEPLOYED));
        assertThat(site.health.health("line-app", ns, Duration.ofSeconds(10)).healthy()).isTrue();
        // The password came back from the sealed history, not from the request.
        assertThat(site.helm.values("line-app", ns, 0, Duration.ofSeconds(20))).contains(EngineHarness.PASSWORD);

        OperationRecord record = harness.history.operation(result.operationId()).orElseThrow();
        assertThat(record.outcome()).isEqualTo(OperationOutcome.ROLLED_BACK);
        assertThat(record.errorMessage()).contains("Deployment line-app-web").contains("crashing");
        List<StepRecord> steps = harness.history.steps(result.operationId());
        assertThat(steps).extracting(StepRecord::sequence, StepRecord::action, StepRecord::fromVersion, StepRecord::toVersion,
                StepRecord::outcome).containsExactly(
                        tuple(1, OperationAction.UPGRADE, "1.0.0", "2.0.0", OperationOutcome.FAILED),
                        tuple(2, OperationAction.ROLLBACK, "2.0.0", "1.0.0", OperationOutcome.SUCCEEDED));
        assertThat(steps.get(0).log()).anySatisfy(entry -> {
            assertThat(entry.key()).isEqualTo("lifecycle.log.podsWaitingWithLog");
            assertThat(entry.params().get(2)).asString().startsWith("Deployment line-app-web");
            assertThat(entry.params().get(4)).asString().contains("FATAL: config schema v2 not found");
        });
        assertThat(harness.events).anyMatch(e -> e instanceof ProgressEvent.RollbackStarted r && r.failedSequence() == 1);
        assertThat(harness.events).anyMatch(e -> e instanceof ProgressEvent.StepProgress p
                && p.messageKey().equals("kube.health.crashing"));
    }

    @Test
    void aFailedFreshInstallRemovesEveryStepItAppliedInReverseOrder() {
        OperationResult result = run(harness, request(OperationAction.INSTALL, "line-app", "2.0.0"), CancellationSignal.NEVER);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.ROLLED_BACK);
        assertThat(result.steps()).extracting(s -> s.packageName(), s -> s.outcome()).containsExactly(
                tuple("plc-db", OperationOutcome.SUCCEEDED), tuple("line-app", OperationOutcome.FAILED));
        assertThat(result.restored()).extracting(s -> s.sequence(), s -> s.action(), s -> s.packageName(), s -> s.outcome())
                .containsExactly(tuple(3, OperationAction.UNINSTALL, "line-app", OperationOutcome.SUCCEEDED),
                        tuple(4, OperationAction.UNINSTALL, "plc-db", OperationOutcome.SUCCEEDED));
        assertThat(result.params()).containsExactly("line-app", "2.0.0", "line-app removed, plc-db removed");
        assertThat(site.helm.status("line-app", ns, Duration.ofSeconds(20))).isEmpty();
        assertThat(site.helm.status("plc-db", ns, Duration.ofSeconds(20))).isEmpty();
        assertThat(harness.history.steps(result.operationId())).hasSize(4);
    }

    @Test
    void manualRollbackNeedsNoPackageSource() throws IOException {
        run(harness, request(OperationAction.INSTALL, "line-app", "1.0.0"), CancellationSignal.NEVER);
        run(harness, request(OperationAction.UPGRADE, "line-app", "1.1.0"), CancellationSignal.NEVER);
        assertThat(release("line-app").chartVersion()).isEqualTo("1.1.0");
        harness.close();
        deleteTree(dir.resolve("repo"));

        // A restarted console whose package sources are gone (USB stick removed, vendor offline).
        harness = new EngineHarness(dir.resolve("console"), site, repository, EngineHarness.SETTINGS);
        List<StepRecord> targets = harness.engine.rollbackTargets("line-app", ns);
        assertThat(targets).extracting(StepRecord::toVersion).containsExactly("1.1.0", "1.0.0");
        StepRecord first = targets.get(1);
        OperationRequest rollback = new OperationRequest(OperationAction.ROLLBACK, "line-app", null, null, ns, null, first.id(),
                new org.iepmp.lifecycle.api.Actor("operator", null), null).withAcceptWarnings(true);

        Plan plan = harness.engine.plan(rollback);
        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.ROLLBACK);
            assertThat(step.fromVersion()).isEqualTo("1.1.0");
            assertThat(step.toVersion()).isEqualTo("1.0.0");
            assertThat(step.manifestDiff().resources()).extracting(c -> c.resource().kind(), c -> c.kind())
                    .contains(tuple("Service", org.iepmp.lifecycle.api.ChangeKind.REMOVED));
        });
        OperationResult result = harness.engine.execute(plan, harness.recorder(), CancellationSignal.NEVER);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(release("line-app").chartVersion()).isEqualTo("1.0.0");
        assertThat(site.helm.values("line-app", ns, 0, Duration.ofSeconds(20))).contains(EngineHarness.PASSWORD);
        assertThat(harness.engine.rollbackTargets("line-app", ns).get(0).action()).isEqualTo(OperationAction.ROLLBACK);
    }

    @Test
    void preflightFailuresBlockAndWarningsWaitForConsent() {
        Plan hog = harness.engine.plan(request(OperationAction.INSTALL, "hog", "1.0.0"));
        List<PreflightResult> checks = harness.engine.preflight(hog);
        assertThat(checks).extracting(PreflightResult::checkId).contains("clusterReachable", "nodesReady", "clockSkew", "resources",
                "diskPressure", "images", "permissions", "lock", "releaseStuck");
        assertThat(checks).filteredOn(c -> c.checkId().equals("resources")).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(PreflightStatus.FAIL);
            // Compared with what the node still has free (the kube-adapter's preflight facts).
            assertThat(c.messageKey()).isEqualTo("lifecycle.preflight.resourcesShort");
            assertThat(c.params()).startsWith(64_000L, 64L);
            assertThat((Long) c.params().get(2)).isLessThan(64_000L);
        });

        OperationResult blocked = harness.engine.execute(hog, harness.recorder(), CancellationSignal.NEVER);
        assertThat(blocked.outcome()).isEqualTo(OperationOutcome.FAILED);
        assertThat(blocked.errorCode()).isEqualTo("PREFLIGHT_FAILED");
        assertThat(site.helm.status("hog", ns, Duration.ofSeconds(20))).isEmpty();
        assertThat(harness.history.operation(blocked.operationId()).orElseThrow().preflight())
                .anyMatch(c -> c.checkId().equals("resources") && c.blocks());

        // Another console holds the cluster.
        LocalFileClusterLock other = new LocalFileClusterLock(harness.paths.locksDir(),
                new ProcessIdentity("vendor", "support-laptop", 4242, "s1"), Clock.systemUTC());
        Plan app = harness.engine.plan(request(OperationAction.INSTALL, "line-app", "1.0.0"));
        try (ClusterLockHandle held = other.acquire(site.cluster.clusterUid(), Duration.ofMinutes(1))) {
            assertThat(harness.engine.preflight(app)).filteredOn(c -> c.checkId().equals("lock")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.status()).isEqualTo(PreflightStatus.FAIL);
                        assertThat(c.params()).startsWith("vendor", "support-laptop");
                    });
            assertThat(harness.engine.execute(app, harness.recorder(), CancellationSignal.NEVER).errorCode()).isEqualTo("PREFLIGHT_FAILED");
        }

        // An air-gapped site: the images are not on the node, a warning the user must accept.
        try (EngineHarness airGapped = new EngineHarness(dir.resolve("air"), site, repository,
                EngineHarness.SETTINGS.withAirGapped(true))) {
            Plan unconfirmed = airGapped.engine.plan(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns));
            assertThat(airGapped.engine.preflight(unconfirmed)).filteredOn(c -> c.checkId().equals("images")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.status()).isEqualTo(PreflightStatus.WARN);
                        assertThat(c.params().get(0).toString()).contains("plant/line-app:1.0.0", "plant/plc-db:1.0.0");
                    });
            OperationResult waiting = airGapped.engine.execute(unconfirmed, airGapped.recorder(), CancellationSignal.NEVER);
            assertThat(waiting.errorCode()).isEqualTo("PREFLIGHT_WARNINGS");
            assertThat(waiting.messageKey()).isEqualTo("lifecycle.result.warningsNotAccepted");
        }
        assertThat(site.helm.status("line-app", ns, Duration.ofSeconds(20))).isEmpty();
    }

    @Test
    void cancelWhileWaitingRestoresThePreviousVersion() {
        run(harness, request(OperationAction.INSTALL, "line-app", "1.0.0"), CancellationSignal.NEVER);
        AtomicBoolean cancel = new AtomicBoolean();
        harness.events.clear();
        Plan plan = harness.engine.plan(request(OperationAction.UPGRADE, "line-app", "2.0.0"));

        OperationResult result = harness.engine.execute(plan, event -> {
            harness.events.add(event);
            if (event instanceof ProgressEvent.StepProgress p && p.messageKey().equals("lifecycle.progress.waiting")) {
                cancel.set(true);
            }
        }, cancel::get);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.CANCELLED);
        assertThat(result.messageKey()).isEqualTo("lifecycle.result.cancelled");
        assertThat(result.restored()).extracting(s -> s.outcome()).containsExactly(OperationOutcome.SUCCEEDED);
        assertThat(release("line-app").chartVersion()).isEqualTo("1.0.0");
        assertThat(harness.history.steps(result.operationId())).extracting(StepRecord::outcome)
                .containsExactly(OperationOutcome.CANCELLED, OperationOutcome.SUCCEEDED);
        assertThat(harness.history.operation(result.operationId()).orElseThrow().outcome()).isEqualTo(OperationOutcome.CANCELLED);

        // Cancelled before it began: nothing happens, and the history says so.
        OperationResult early = run(harness, request(OperationAction.UPGRADE, "line-app", "1.1.0"), () -> true);
        assertThat(early.outcome()).isEqualTo(OperationOutcome.CANCELLED);
        assertThat(early.restored()).isEmpty();
        assertThat(release("line-app").chartVersion()).isEqualTo("1.0.0");
    }

    @Test
    void cancelWhileHelmIsApplyingLetsTheCallFinishThenRestores() {
        run(harness, request(OperationAction.INSTALL, "line-app", "1.0.0"), CancellationSignal.NEVER);
        // The API server is slow to create the Service 1.1.0 adds: Helm's upgrade call is still running when the user cancels.
        site.cluster.injectFault(org.iepmp.practice.api.ApiFault.slow("POST", "/namespaces/" + ns + "/services", Duration.ofSeconds(2), 1));
        AtomicBoolean cancel = new AtomicBoolean();
        harness.events.clear();
        Plan plan = harness.engine.plan(request(OperationAction.UPGRADE, "line-app", "1.1.0"));

        OperationResult result = harness.engine.execute(plan, event -> {
            harness.events.add(event);
            if (event instanceof ProgressEvent.StepProgress p && p.messageKey().equals("lifecycle.progress.applying")) {
                cancel.set(true);
            }
        }, cancel::get);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.CANCELLED);
        assertThat(result.messageKey()).isEqualTo("lifecycle.result.cancelledDuringApply");
        assertThat(result.params()).containsExactly("line-app 1.1.0", "line-app 1.0.0");
        // The cancel was acknowledged while Helm ran, before the step ended.
        int acknowledged = indexOf(e -> e instanceof ProgressEvent.StepProgress p && p.messageKey().equals("lifecycle.progress.cancelWaitsForApply"));
        int stepEnded = indexOf(e -> e instanceof ProgressEvent.StepFinished f && f.result().sequence() == 1);
        assertThat(acknowledged).isNotNegative().isLessThan(stepEnded);
        assertThat(((ProgressEvent.StepProgress) harness.events.get(acknowledged)).params()).containsExactly("line-app 1.1.0", 60L);
        // Helm finished its upgrade (revision 2), then the console restored 1.0.0 (revision 3): nothing left pending.
        ReleaseInfo after = release("line-app");
        assertThat(after.chartVersion()).isEqualTo("1.0.0");
        assertThat(after.status()).isEqualTo(ReleaseStatus.DEPLOYED);
        assertThat(after.revision()).isEqualTo(3);
        assertThat(site.connection.client().services().inNamespace(ns).withName("line-app-web").get()).isNull();
        List<StepRecord> steps = harness.history.steps(result.operationId());
        assertThat(steps).extracting(StepRecord::action, StepRecord::outcome).containsExactly(
                tuple(OperationAction.UPGRADE, OperationOutcome.CANCELLED), tuple(OperationAction.ROLLBACK, OperationOutcome.SUCCEEDED));
        assertThat(steps.get(0).log()).anySatisfy(entry -> {
            assertThat(entry.key()).isEqualTo("lifecycle.log.cancelWaitsForApply");
            assertThat(entry.params().get(0)).isEqualTo("line-app 1.1.0");
        });
        assertThat(steps.get(0).errorCode()).isEqualTo("CANCELLED");
        assertThat(harness.history.operation(result.operationId()).orElseThrow().outcome()).isEqualTo(OperationOutcome.CANCELLED);

        // A UI that cancels its background task by interrupting the thread gets the same: the interrupt
        // is taken as the cancel, the Helm call still runs to its end, then the step is undone.
        OperationResult interrupted = harness.engine.execute(harness.engine.plan(request(OperationAction.UPGRADE, "line-app", "1.1.0")),
                event -> {
                    if (event instanceof ProgressEvent.StepProgress p && p.messageKey().equals("lifecycle.progress.applying")) {
                        Thread.currentThread().interrupt();
                    }
                }, CancellationSignal.NEVER);
        assertThat(Thread.interrupted()).as("the interrupt was consumed as the cancel").isFalse();
        assertThat(interrupted.outcome()).as(interrupted.toString()).isEqualTo(OperationOutcome.CANCELLED);
        assertThat(interrupted.messageKey()).isEqualTo("lifecycle.result.cancelledDuringApply");
        assertThat(release("line-app").chartVersion()).isEqualTo("1.0.0");
        assertThat(release("line-app").status()).isEqualTo(ReleaseStatus.DEPLOYED);
    }

    private int indexOf(java.util.function.Predicate<ProgressEvent> which) {
        for (int i = 0; i < harness.events.size(); i++) {
            if (which.test(harness.events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aProcessKilledBetweenStepsIsReconciledAtTheNextStart() {
        Plan plan = harness.engine.plan(request(OperationAction.INSTALL, "line-app", "1.0.0"));
        assertThatThrownBy(() -> harness.engine.execute(plan, event -> {
            if (event instanceof ProgressEvent.StepFinished f && f.result().sequence() == 1) {
                throw new SimulatedKill();
            }
        }, CancellationSignal.NEVER)).isInstanceOf(SimulatedKill.class);
        long operationId = harness.history.query(org.iepmp.lifecycle.api.HistoryFilter.ALL, null, 10).rows().get(0).id();
        harness.close();

        harness = new EngineHarness(dir.resolve("console"), site, repository, EngineHarness.SETTINGS);
        List<ReconciledOperation> reconciled = harness.engine.recoverInterrupted();

        assertThat(reconciled).singleElement().satisfies(r -> {
            assertThat(r.operationId()).isEqualTo(operationId);
            assertThat(r.reconciliation().sentenceKey()).isEqualTo("lifecycle.reconcile.installNotApplied");
        });
        OperationRecord record = harness.history.operation(operationId).orElseThrow();
        assertThat(record.outcome()).isEqualTo(OperationOutcome.INTERRUPTED);
        assertThat(harness.history.steps(operationId)).extracting(StepRecord::packageName, StepRecord::outcome)
                .containsExactly(tuple("plc-db", OperationOutcome.SUCCEEDED));
        assertThat(release("plc-db").status()).isEqualTo(ReleaseStatus.DEPLOYED);
        assertThat(harness.engine.recoverInterrupted()).isEmpty();

        // The console carries on: the dependency is there, so only the package itself is planned.
        Plan again = harness.engine.plan(request(OperationAction.INSTALL, "line-app", "1.0.0"));
        assertThat(again.steps()).extracting(s -> s.packageName()).containsExactly("line-app");
    }

    @Test
    void removingAPackageOthersNeedAsksFirst() {
        run(harness, request(OperationAction.INSTALL, "line-app", "1.0.0"), CancellationSignal.NEVER);
        Plan remove = harness.engine.plan(EngineHarness.request(OperationAction.UNINSTALL, "plc-db", null, ns));
        assertThat(remove.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.UNINSTALL);
            assertThat(step.fromVersion()).isEqualTo("1.0.0");
            assertThat(step.manifestDiff().resources()).extracting(c -> c.kind()).containsOnly(org.iepmp.lifecycle.api.ChangeKind.REMOVED);
        });
        assertThat(harness.engine.preflight(remove)).filteredOn(c -> c.checkId().equals("dependents")).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(PreflightStatus.WARN);
                    assertThat(c.params()).containsExactly("plc-db", "line-app");
                });
        assertThat(harness.engine.execute(remove, harness.recorder(), CancellationSignal.NEVER).errorCode()).isEqualTo("PREFLIGHT_WARNINGS");
        assertThat(release("plc-db").status()).isEqualTo(ReleaseStatus.DEPLOYED);

        // The user saw the warnings and said yes to them.
        List<PreflightResult> seen = harness.engine.preflight(remove);
        OperationResult removed = harness.engine.apply(remove, seen.stream().filter(c -> c.status() == PreflightStatus.WARN).toList(),
                harness.recorder(), CancellationSignal.NEVER);
        assertThat(removed.outcome()).as(removed.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(site.helm.status("plc-db", ns, Duration.ofSeconds(20))).isEmpty();
    }

    @Test
    void aReleaseStuckInPendingUpgradeIsRepairedToItsLastDeployedVersion() {
        run(harness, request(OperationAction.INSTALL, "line-app", "1.0.0"), CancellationSignal.NEVER);
        run(harness, request(OperationAction.UPGRADE, "line-app", "1.1.0"), CancellationSignal.NEVER);
        // As a Helm killed mid-upgrade leaves it.
        new HelmStorage(site.connection.client()).setStatus("line-app", ns, "pending-upgrade");
        assertThat(harness.engine.stuckReleases()).anyMatch(r -> r.name().equals("line-app") && r.namespace().equals(ns));
        Plan upgrade = harness.engine.plan(request(OperationAction.UPGRADE, "line-app", "1.0.0"));
        assertThat(harness.engine.preflight(upgrade)).filteredOn(c -> c.checkId().equals("releaseStuck")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(PreflightStatus.FAIL));

        OperationRequest repair = new OperationRequest(OperationAction.REPAIR, "line-app", null, null, ns, null, null,
                new org.iepmp.lifecycle.api.Actor("operator", null), null);
        Plan plan = harness.engine.plan(repair);
        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.REPAIR);
            assertThat(step.toVersion()).isEqualTo("1.1.0");
        });
        OperationResult result = harness.engine.execute(plan, harness.recorder(), CancellationSignal.NEVER);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        ReleaseInfo repaired = release("line-app");
        assertThat(repaired.status()).isEqualTo(ReleaseStatus.DEPLOYED);
        assertThat(repaired.chartVersion()).isEqualTo("1.1.0");
        assertThat(repaired.revision()).isEqualTo(3);
        assertThat(harness.engine.stuckReleases()).noneMatch(r -> r.namespace().equals(ns));
        // A healthy release is not "repaired".
        assertThatThrownBy(() -> harness.engine.plan(repair)).isInstanceOfSatisfying(
                org.iepmp.lifecycle.api.LifecycleException.class,
                e -> assertThat(e.code()).isEqualTo(org.iepmp.lifecycle.api.LifecycleErrorCode.REPAIR_NOT_POSSIBLE));
    }

    /** Stands for the end of the process: not an exception the engine may catch. */
    static final class SimulatedKill extends Error {
        private static final long serialVersionUID = 1L;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
