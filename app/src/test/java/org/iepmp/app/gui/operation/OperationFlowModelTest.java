package org.iepmp.app.gui.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.catalog.api.ValueConstraints;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.catalog.api.ValueType;
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

/** The flow without a stage, over a scripted engine: pages, what blocks Next, what reaches the engine. */
class OperationFlowModelTest {

    /** An engine that plans one install step and answers the preflight it is given. */
    private static final class ScriptedEngine implements LifecycleEngine {
        List<PreflightResult> checks = List.of();
        org.iepmp.lifecycle.api.ManifestDiff diff = null;
        final List<OperationRequest> planned = new ArrayList<>();
        boolean cancelledSeen;
        Plan applied;
        List<PreflightResult> accepted;

        @Override
        public Plan plan(OperationRequest request) {
            planned.add(request);
            return new Plan(request, List.of(new PlanStep(1, OperationAction.INSTALL, request.packageName(), request.releaseName(),
                    request.namespace(), null, request.version(), "sha256:00", null, diff)), Instant.EPOCH);
        }

        @Override
        public List<PreflightResult> preflight(Plan plan) {
            return checks;
        }

        @Override
        public OperationResult apply(Plan plan, List<PreflightResult> acceptedWarnings, ProgressListener listener,
                CancellationSignal cancellation) {
            applied = plan;
            accepted = acceptedWarnings;
            listener.onEvent(new ProgressEvent.StepStarted(7, Instant.EPOCH, plan.steps().get(0)));
            if (cancellation.cancelled()) {
                cancelledSeen = true;
                OperationResult stopped = new OperationResult(7, OperationOutcome.CANCELLED, List.of(), List.of(), "CANCELLED",
                        "lifecycle.result.cancelled", List.of(""));
                listener.onEvent(new ProgressEvent.OperationFinished(7, Instant.EPOCH, stopped));
                return stopped;
            }
            OperationResult result = new OperationResult(7, OperationOutcome.SUCCEEDED,
                    List.of(new StepResult(1, OperationAction.INSTALL, plan.request().packageName(), OperationOutcome.SUCCEEDED, null)),
                    List.of(), null, "lifecycle.result.succeeded", List.of("install"));
            listener.onEvent(new ProgressEvent.OperationFinished(7, Instant.EPOCH, result));
            return result;
        }
    }

    private static final ValueDefinition REPLICAS = new ValueDefinition("replicas", ValueType.NUMBER, "1", null, null, List.of(),
            List.of(), new ValueConstraints(false, 1.0, 3.0, null, null, null),
            List.of(new ValueTarget(ValueTarget.Kind.CHART_VALUE, "m", null, null, null, "add", "/replicaCount", null)), false);

    private final ScriptedEngine engine = new ScriptedEngine();

    private OperationFlowModel flow() {
        ValuesFormModel form = new ValuesFormModel(List.of(REPLICAS), Map.of(), "line-monitor", true);
        OperationFlowModel flow = new OperationFlowModel(OperationSpec.install("line-monitor", "v1.1.0+1", form), engine,
                new DirectTaskExecutor(error -> { throw new AssertionError(error); }), Runnable::run, new Actor("tech", null));
        flow.start();
        return flow;
    }

    private static FieldModel replicas(OperationFlowModel flow) {
        return flow.spec().form().orElseThrow().fields().get(0);
    }

    @Test
    void invalidInputKeepsTheFlowOnTheForm() {
        OperationFlowModel flow = flow();
        assertThat(flow.pages()).containsExactly(OperationFlowModel.Page.FORM, OperationFlowModel.Page.PLAN,
                OperationFlowModel.Page.CHECK, OperationFlowModel.Page.PROGRESS, OperationFlowModel.Page.RESULT);
        flow.spec().form().orElseThrow().yamlProperty().set("replicaCount: [1");
        assertThat(flow.canNextProperty().get()).isFalse();
        flow.next();
        assertThat(flow.pageProperty().get()).isEqualTo(OperationFlowModel.Page.FORM);
        assertThat(engine.planned).isEmpty();

        flow.spec().form().orElseThrow().yamlProperty().set("replicaCount: 9\n");
        assertThat(replicas(flow).problemProperty().get().key()).isEqualTo("ops.form.problem.max");
        assertThat(flow.canNextProperty().get()).isFalse();
        replicas(flow).textProperty().set("2");
        assertThat(flow.canNextProperty().get()).isTrue();
    }

    @Test
    void aFailedCheckBlocksAndAWarningNeedsConsentAndAReason() {
        engine.checks = List.of(new PreflightResult("lock", PreflightStatus.PASS, "lifecycle.preflight.lockFree", List.of()),
                new PreflightResult("resources", PreflightStatus.FAIL, "lifecycle.preflight.resourcesShort", List.of(1, 2, 3, 4)));
        OperationFlowModel flow = flow();
        flow.next();
        assertThat(flow.pageProperty().get()).isEqualTo(OperationFlowModel.Page.PLAN);
        assertThat(flow.planProperty().get().steps()).hasSize(1);
        flow.next();
        assertThat(flow.pageProperty().get()).isEqualTo(OperationFlowModel.Page.CHECK);
        flow.preflight().reasonProperty().set("new sensor");
        flow.preflight().warningsAcceptedProperty().set(true);
        assertThat(flow.preflight().blockedProperty().get()).isTrue();
        assertThat(flow.canNextProperty().get()).as("a FAIL blocks whatever else is given").isFalse();
        flow.next();
        assertThat(engine.applied).isNull();

        engine.checks = List.of(new PreflightResult("clockSkew", PreflightStatus.WARN, "lifecycle.preflight.clockSkew", List.of(12)));
        flow.back();
        flow.next();
        assertThat(flow.preflight().hasWarningsProperty().get()).isTrue();
        assertThat(flow.preflight().warningsAcceptedProperty().get()).as("asked again after a new check").isFalse();
        assertThat(flow.canNextProperty().get()).isFalse();
        flow.preflight().warningsAcceptedProperty().set(true);
        flow.preflight().reasonProperty().set(" ");
        assertThat(flow.canNextProperty().get()).as("a reason is required").isFalse();
        flow.preflight().reasonProperty().set("new sensor");
        flow.preflight().ticketProperty().set("CHG-1");
        assertThat(flow.canNextProperty().get()).isTrue();

        flow.next();
        assertThat(flow.pageProperty().get()).isEqualTo(OperationFlowModel.Page.RESULT);
        assertThat(engine.applied.request().reason().text()).isEqualTo("new sensor");
        assertThat(engine.applied.request().reason().ticket()).isEqualTo("CHG-1");
        assertThat(engine.applied.request().values()).containsEntry("replicaCount", 1L);
        assertThat(engine.accepted).extracting(PreflightResult::checkId).containsExactly("clockSkew");
        assertThat(flow.progress().events()).hasSize(2);
        assertThat(flow.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(flow.canBackProperty().get()).isFalse();
    }

    @Test
    void cancelWhileRunningReachesTheEngineAndDoesNotCloseTheFlow() {
        OperationFlowModel flow = flow();
        flow.next();
        flow.next();
        flow.preflight().reasonProperty().set("try");
        // The technician presses Stop as soon as the first step starts (events reach the UI thread first).
        flow.progress().events().addListener((javafx.collections.ListChangeListener<ProgressEvent>) change -> {
            if (flow.progress().events().size() == 1) {
                flow.cancel();
            }
        });
        flow.next();
        assertThat(engine.cancelledSeen).isTrue();
        assertThat(flow.progress().cancelRequestedProperty().get()).isTrue();
        assertThat(flow.closeRequestedProperty().get()).as("Stop is not Close").isFalse();
        assertThat(flow.pageProperty().get()).isEqualTo(OperationFlowModel.Page.RESULT);
        assertThat(flow.resultProperty().get().outcome()).isEqualTo(OperationOutcome.CANCELLED);
        flow.cancel();
        assertThat(flow.closeRequestedProperty().get()).as("on the result, Cancel closes").isTrue();
    }

    @Test
    void theUpdateWizardChoosesAVersionCarriesValuesOverAndNeedsTheMaintenanceWindow() {
        List<String> formsAskedFor = new ArrayList<>();
        UpgradeOffer offer = new UpgradeOffer("v1.1.0+1", null, List.of(
                new UpgradeChoice("v1.2.0+1", "", false, false, List.of(), false),
                new UpgradeChoice("v1.1.0+1", "", false, false, List.of(), false),
                new UpgradeChoice("v1.0.0+1", "", true, false, List.of(), true)),
                Map.of("replicaCount", 2), version -> {
                    formsAskedFor.add(version);
                    return List.of(REPLICAS);
                });
        OperationFlowModel flow = new OperationFlowModel(OperationSpec.upgrade("line-monitor", "line-monitor", "line-monitor", offer),
                engine, new DirectTaskExecutor(error -> { throw new AssertionError(error); }), Runnable::run, new Actor("tech", null));
        flow.start();
        assertThat(flow.pages()).containsExactly(OperationFlowModel.Page.CHOOSE, OperationFlowModel.Page.PLAN,
                OperationFlowModel.Page.CHECK, OperationFlowModel.Page.PROGRESS, OperationFlowModel.Page.RESULT);
        assertThat(flow.upgradeChoiceProperty().get().version()).as("the recommended one, a downgrade here").isEqualTo("v1.0.0+1");
        flow.upgradeChoiceProperty().set(offer.choices().get(0));
        flow.next();
        assertThat(flow.pageProperty().get()).isEqualTo(OperationFlowModel.Page.PLAN);
        assertThat(formsAskedFor).as("the chosen version's, and the installed one's to tell new settings")
                .containsExactly("v1.2.0+1", "v1.1.0+1");
        assertThat(engine.planned).last().satisfies(request -> {
            assertThat(request.version()).isEqualTo("v1.2.0+1");
            assertThat(request.values()).containsEntry("replicaCount", 2L);
        });
        flow.formProperty().get().yamlProperty().set("replicaCount: 3\n");
        int before = engine.planned.size();
        flow.replan();
        assertThat(engine.planned).hasSize(before + 1);
        assertThat(engine.planned.get(before).values()).containsEntry("replicaCount", 3L);

        flow.next();
        flow.preflight().reasonProperty().set("vendor fix");
        assertThat(flow.canNextProperty().get()).as("the maintenance window is confirmed too").isFalse();
        flow.preflight().maintenanceConfirmedProperty().set(true);
        assertThat(flow.canNextProperty().get()).isTrue();
        flow.back();
        flow.back();
        assertThat(flow.pageProperty().get()).isEqualTo(OperationFlowModel.Page.CHOOSE);
        flow.next();
        assertThat(formsAskedFor).as("the same version's form is kept with its edits").containsExactly("v1.2.0+1", "v1.1.0+1");
        assertThat(flow.formProperty().get().values()).containsEntry("replicaCount", 3L);
    }

    @Test
    void theChoosePageTellsWhichResourcesTheChosenVersionRemovesAndMarksNewSettings() {
        engine.diff = new org.iepmp.lifecycle.api.ManifestDiff("", List.of(
                new org.iepmp.lifecycle.api.ResourceChange(new org.iepmp.lifecycle.api.ResourceRef("v1", "ConfigMap", "m", "old-counters"),
                        org.iepmp.lifecycle.api.ChangeKind.REMOVED),
                new org.iepmp.lifecycle.api.ResourceChange(new org.iepmp.lifecycle.api.ResourceRef("apps/v1", "Deployment", "m", "monitor"),
                        org.iepmp.lifecycle.api.ChangeKind.CHANGED)));
        ValueDefinition lineName = new ValueDefinition("lineName", ValueType.TEXT, "line-1", null, null, List.of(), List.of(),
                new ValueConstraints(false, null, null, null, null, null), REPLICAS.targets(), false);
        UpgradeOffer offer = new UpgradeOffer("v1.0.0+1", null, List.of(
                new UpgradeChoice("v1.1.0+1", "", false, false, List.of(), true),
                new UpgradeChoice("v1.0.0+1", "", false, false, List.of(), false)),
                Map.of("replicaCount", 2), version -> version.equals("v1.1.0+1") ? List.of(REPLICAS, lineName) : List.of(REPLICAS));
        OperationFlowModel flow = new OperationFlowModel(OperationSpec.upgrade("line-monitor", "line-monitor", "line-monitor", offer),
                engine, new DirectTaskExecutor(error -> { throw new AssertionError(error); }), Runnable::run, new Actor("tech", null));
        flow.start();
        assertThat(flow.pageProperty().get()).isEqualTo(OperationFlowModel.Page.CHOOSE);
        ResourcePreview preview = flow.resourcePreviewProperty().get();
        assertThat(preview.version()).isEqualTo("v1.1.0+1");
        assertThat(preview.known()).isTrue();
        assertThat(preview.removed()).containsExactly("ConfigMap/old-counters");
        assertThat(preview.changed()).isEqualTo(1);
        assertThat(engine.planned).singleElement().satisfies(request -> assertThat(request.values()).containsEntry("replicaCount", 2));
        flow.upgradeChoiceProperty().set(offer.choices().get(1));
        flow.upgradeChoiceProperty().set(offer.choices().get(0));
        assertThat(engine.planned).as("each version planned once").hasSize(2);

        flow.next();
        assertThat(flow.formProperty().get().newIn("lineName")).contains("v1.1.0+1");
        assertThat(flow.formProperty().get().newIn("replicas")).isEmpty();
    }

    @Test
    void aResumedOperationOpensOnItsResultAndOffersRollBackAndRetry() {
        UpgradeOffer nothing = new UpgradeOffer("v1.0.0+1", null, List.of(), Map.of(), version -> List.of());
        OperationFlowModel flow = new OperationFlowModel(OperationSpec.upgrade("line-monitor", "line-monitor", "line-monitor", nothing),
                engine, new DirectTaskExecutor(error -> { throw new AssertionError(error); }), Runnable::run, new Actor("tech", null));
        org.iepmp.lifecycle.api.OperationRecord record = new org.iepmp.lifecycle.api.OperationRecord(9, "c", new Actor("tech", null),
                org.iepmp.lifecycle.api.Reason.NONE, OperationAction.UPGRADE, "line-monitor", "line-monitor", "line-monitor", null,
                "v1.0.0+1", "v1.1.0+1", null, "{}", "", List.of(), OperationOutcome.INTERRUPTED, null, null, Instant.EPOCH, null, null);
        flow.resumeOnResult(new Resumed(record, new org.iepmp.lifecycle.api.Reconciliation("lifecycle.recovery.x", List.of(),
                Instant.EPOCH, false), null, "v1.1.0+1"));
        flow.start();
        assertThat(flow.pageProperty().get()).isEqualTo(OperationFlowModel.Page.RESULT);
        flow.followUp(OperationFlowModel.FollowUp.ROLL_BACK);
        assertThat(flow.closeRequestedProperty().get()).as("no earlier revision recorded: no roll back").isFalse();
        flow.followUp(OperationFlowModel.FollowUp.RETRY);
        assertThat(flow.followUpProperty().get()).isEqualTo(OperationFlowModel.FollowUp.RETRY);
        assertThat(flow.closeRequestedProperty().get()).isTrue();
        assertThat(engine.planned).isEmpty();
    }
}
