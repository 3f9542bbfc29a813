package org.iepmp.app.gui.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;
import org.iepmp.app.gui.operation.UpdateRunModel.PartStatus;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.LifecycleEngine;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.ProgressListener;
import org.iepmp.lifecycle.api.StepResult;
import org.junit.jupiter.api.Test;

/** "Update all" without a stage, over a scripted engine: pages together, one reason, dependency order, stop after a failure. */
class UpdateRunModelTest {

    /** Plans one upgrade step per request; the packages named in {@code rollsBack} fail verification and are restored. */
    private static final class ScriptedEngine implements LifecycleEngine {
        final Set<String> rollsBack;
        final List<String> applied = new ArrayList<>();
        final List<OperationRequest> appliedRequests = new ArrayList<>();
        List<PreflightResult> checks = List.of(new PreflightResult("lock", PreflightStatus.PASS, "lifecycle.preflight.lockFree",
                List.of()));

        ScriptedEngine(Set<String> rollsBack) {
            this.rollsBack = rollsBack;
        }

        @Override
        public Plan plan(OperationRequest request) {
            return new Plan(request, List.of(new PlanStep(1, OperationAction.UPGRADE, request.packageName(), request.releaseName(),
                    request.namespace(), "v1.0.0", request.version(), null, null, null)), Instant.EPOCH);
        }

        @Override
        public List<PreflightResult> preflight(Plan plan) {
            return checks;
        }

        @Override
        public OperationResult apply(Plan plan, List<PreflightResult> acceptedWarnings, ProgressListener listener,
                                     CancellationSignal cancellation) {
            String pkg = plan.request().packageName();
            applied.add(pkg);
            appliedRequests.add(plan.request());
            listener.onEvent(new ProgressEvent.StepStarted(applied.size(), Instant.EPOCH, plan.steps().get(0)));
            boolean fails = rollsBack.contains(pkg);
            OperationResult result = new OperationResult(applied.size(), fails ? OperationOutcome.ROLLED_BACK : OperationOutcome.SUCCEEDED,
                    List.of(new StepResult(1, OperationAction.UPGRADE, pkg, fails ? OperationOutcome.FAILED : OperationOutcome.SUCCEEDED,
                            null)), List.of(), fails ? "VERIFY_FAILED" : null, "lifecycle.result.succeeded", List.of("upgrade"));
            listener.onEvent(new ProgressEvent.OperationFinished(applied.size(), Instant.EPOCH, result));
            return result;
        }
    }

    private static OperationFlowModel flow(LifecycleEngine engine, String pkg) {
        UpgradeOffer offer = new UpgradeOffer("v1.0.0", null, List.of(new UpgradeChoice("v1.1.0", "", false, false, List.of(), true),
                new UpgradeChoice("v1.0.0", "", false, false, List.of(), false),
                new UpgradeChoice("v0.9.0", "", true, false, List.of(), false)), Map.of(), version -> List.of());
        return new OperationFlowModel(OperationSpec.upgrade(pkg, pkg, pkg, offer), engine,
                new DirectTaskExecutor(error -> { throw new AssertionError(error); }), Runnable::run, new Actor("tech", null));
    }

    private static UpdateRunModel run(LifecycleEngine engine, String... packages) {
        List<OperationFlowModel> flows = new ArrayList<>();
        for (String pkg : packages) {
            flows.add(flow(engine, pkg));
        }
        UpdateRunModel run = new UpdateRunModel(flows);
        run.start();
        return run;
    }

    private static void toCheck(UpdateRunModel run) {
        run.next();
        assertThat(run.pageProperty().get()).isEqualTo(Page.PLAN);
        run.next();
        assertThat(run.pageProperty().get()).isEqualTo(Page.CHECK);
    }

    @Test
    void aPackageRolledBackStopsTheRunBeforeThePackagesAfterIt() {
        ScriptedEngine engine = new ScriptedEngine(Set.of("line-monitor"));
        UpdateRunModel run = run(engine, "mqtt-broker", "line-monitor", "line-dashboard");
        toCheck(run);
        run.reasonProperty().set("vendor fixes");
        run.maintenanceConfirmedProperty().set(true);
        assertThat(run.canNextProperty().get()).isTrue();

        run.next();

        assertThat(engine.applied).as("in the run's (dependency) order, none after the failure").containsExactly("mqtt-broker",
                "line-monitor");
        assertThat(run.parts()).extracting(p -> p.statusProperty().get())
                .containsExactly(PartStatus.UPDATED, PartStatus.ROLLED_BACK, PartStatus.NOT_STARTED);
        assertThat(run.pageProperty().get()).isEqualTo(Page.RESULT);
        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.parts().get(2).flow().resultProperty().get()).as("never applied").isNull();
        assertThat(engine.appliedRequests).allSatisfy(request -> {
            assertThat(request.reason().text()).as("one reason for the whole run").isEqualTo("vendor fixes");
            assertThat(request.version()).isEqualTo("v1.1.0");
        });
    }

    @Test
    void allUpdatedWhenNothingFailsAndAnUntickedPackageIsLeftOut() {
        ScriptedEngine engine = new ScriptedEngine(Set.of());
        UpdateRunModel run = run(engine, "mqtt-broker", "line-monitor", "line-dashboard");
        run.parts().get(1).includedProperty().set(false);
        // Any version can be chosen per package, an older one too.
        OperationFlowModel dashboard = run.parts().get(2).flow();
        dashboard.upgradeChoiceProperty().set(dashboard.spec().upgrade().choices().get(2));
        toCheck(run);
        assertThat(run.parts().get(1).flow().pageProperty().get()).as("left out: never planned").isEqualTo(Page.CHOOSE);
        run.reasonProperty().set("planned");
        assertThat(run.canNextProperty().get()).as("the maintenance window").isFalse();
        run.maintenanceConfirmedProperty().set(true);
        run.next();

        assertThat(engine.applied).containsExactly("mqtt-broker", "line-dashboard");
        assertThat(engine.appliedRequests.get(1).version()).isEqualTo("v0.9.0");
        assertThat(run.parts()).extracting(p -> p.statusProperty().get())
                .containsExactly(PartStatus.UPDATED, PartStatus.LEFT_OUT, PartStatus.UPDATED);
    }

    @Test
    void aFailedCheckOfOnePackageBlocksTheWholeRunAndAWarningNeedsOneConsent() {
        ScriptedEngine engine = new ScriptedEngine(Set.of());
        engine.checks = List.of(new PreflightResult("resources", PreflightStatus.FAIL, "lifecycle.preflight.resourcesShort",
                List.of(1, 2, 3, 4)));
        UpdateRunModel run = run(engine, "mqtt-broker", "line-monitor");
        toCheck(run);
        run.reasonProperty().set("planned");
        run.maintenanceConfirmedProperty().set(true);
        assertThat(run.blockedProperty().get()).isTrue();
        assertThat(run.canNextProperty().get()).isFalse();
        run.next();
        assertThat(engine.applied).isEmpty();

        engine.checks = List.of(new PreflightResult("clockSkew", PreflightStatus.WARN, "lifecycle.preflight.clockSkew", List.of(12)));
        run.back();
        assertThat(run.pageProperty().get()).isEqualTo(Page.PLAN);
        run.next();
        assertThat(run.hasWarningsProperty().get()).isTrue();
        assertThat(run.canNextProperty().get()).isFalse();
        run.warningsAcceptedProperty().set(true);
        assertThat(run.canNextProperty().get()).isTrue();
        run.next();
        assertThat(engine.applied).containsExactly("mqtt-broker", "line-monitor");
    }
}
