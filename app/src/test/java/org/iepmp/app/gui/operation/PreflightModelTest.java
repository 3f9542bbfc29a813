package org.iepmp.app.gui.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.Reason;
import org.junit.jupiter.api.Test;

/** The go-ahead after the preflight: what blocks, what must be accepted or confirmed, what a late answer may not change. */
class PreflightModelTest {

    private static final PreflightResult LOCK_FREE = new PreflightResult("lock", PreflightStatus.PASS,
            "lifecycle.preflight.lockFree", List.of());
    private static final PreflightResult CLOCK_SKEW = new PreflightResult("clockSkew", PreflightStatus.WARN,
            "lifecycle.preflight.clockSkew", List.of(12));
    private static final PreflightResult SHORT_OF_RESOURCES = new PreflightResult("resources", PreflightStatus.FAIL,
            "lifecycle.preflight.resourcesShort", List.of(1, 2, 3, 4));

    private final ScriptedLifecycleEngine engine = new ScriptedLifecycleEngine();
    private final PreflightModel model = new PreflightModel(engine, new DirectTaskExecutor(error -> {
        throw new AssertionError(error);
    }));

    @Test
    void passedChecksNeedOnlyAReason() {
        engine.checks = List.of(LOCK_FREE);
        model.check(ScriptedLifecycleEngine.twoStepPlan());

        assertThat(model.results()).containsExactly(LOCK_FREE);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.canConfirmProperty().get()).as("no reason yet").isFalse();
        model.reasonProperty().set("   ");
        assertThat(model.canConfirmProperty().get()).as("a blank reason is none").isFalse();

        model.reasonProperty().set("new sensor on line 2");
        model.ticketProperty().set("CHG-4711");
        assertThat(model.canConfirmProperty().get()).isTrue();
        assertThat(model.reason()).isEqualTo(new Reason("new sensor on line 2", "CHG-4711"));
        assertThat(model.acceptedWarnings()).isEmpty();
    }

    @Test
    void aFailedCheckBlocksWhateverElseIsGiven() {
        engine.checks = List.of(LOCK_FREE, SHORT_OF_RESOURCES, CLOCK_SKEW);
        model.check(ScriptedLifecycleEngine.twoStepPlan());
        model.reasonProperty().set("routine");
        model.warningsAcceptedProperty().set(true);

        assertThat(model.blockedProperty().get()).isTrue();
        assertThat(model.canConfirmProperty().get()).isFalse();
    }

    @Test
    void warningsMustBeAcceptedAndOnlyTheyAreHandedOn() {
        engine.checks = List.of(LOCK_FREE, CLOCK_SKEW);
        model.check(ScriptedLifecycleEngine.twoStepPlan());
        model.reasonProperty().set("routine");

        assertThat(model.hasWarningsProperty().get()).isTrue();
        assertThat(model.canConfirmProperty().get()).isFalse();
        assertThat(model.acceptedWarnings()).isEmpty();

        model.warningsAcceptedProperty().set(true);
        assertThat(model.canConfirmProperty().get()).isTrue();
        assertThat(model.acceptedWarnings()).containsExactly(CLOCK_SKEW);

        model.check(ScriptedLifecycleEngine.twoStepPlan());
        assertThat(model.warningsAcceptedProperty().get()).as("a new check asks again").isFalse();
    }

    @Test
    void theUpdateWizardAlsoNeedsTheMaintenanceWindowConfirmed() {
        engine.checks = List.of(LOCK_FREE);
        model.requireMaintenanceWindow();
        model.check(ScriptedLifecycleEngine.twoStepPlan());
        model.reasonProperty().set("routine");

        assertThat(model.maintenanceRequiredProperty().get()).isTrue();
        assertThat(model.canConfirmProperty().get()).isFalse();
        model.maintenanceConfirmedProperty().set(true);
        assertThat(model.canConfirmProperty().get()).isTrue();
    }

    @Test
    void aCheckThatFailsShowsTheErrorAndAllowsNothing() {
        engine.preflightFailure = new IllegalStateException("cluster unreachable");
        model.check(ScriptedLifecycleEngine.twoStepPlan());
        model.reasonProperty().set("routine");

        assertThat(model.failureProperty().get()).hasMessage("cluster unreachable");
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.canConfirmProperty().get()).isFalse();
    }

    @Test
    void aNewCheckReplacesARunningOneAndItsLateAnswerIsDropped() {
        QueuedExecutor later = new QueuedExecutor();
        PreflightModel slow = new PreflightModel(engine, later);
        engine.checks = List.of(SHORT_OF_RESOURCES);
        slow.check(ScriptedLifecycleEngine.twoStepPlan());
        assertThat(slow.runningProperty().get()).isTrue();
        slow.check(ScriptedLifecycleEngine.twoStepPlan());
        assertThat(later.cancels()).isEqualTo(1);

        engine.checks = List.of(LOCK_FREE);
        later.run(1);
        assertThat(slow.results()).containsExactly(LOCK_FREE);
        assertThat(slow.runningProperty().get()).isFalse();

        engine.checks = List.of(SHORT_OF_RESOURCES);
        later.run(0);
        assertThat(slow.results()).as("the replaced check's answer").containsExactly(LOCK_FREE);
        assertThat(slow.blockedProperty().get()).isFalse();
    }
}
