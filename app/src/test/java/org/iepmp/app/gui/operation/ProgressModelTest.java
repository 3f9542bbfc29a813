package org.iepmp.app.gui.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.junit.jupiter.api.Test;

/** Applying a plan as the technician watches it: the live log, the step running now, Cancel, the result. */
class ProgressModelTest {

    private final ScriptedLifecycleEngine engine = new ScriptedLifecycleEngine();
    private final List<Runnable> handedToUi = new ArrayList<>();
    private final List<OperationResult> done = new ArrayList<>();

    private ProgressModel direct() {
        return new ProgressModel(new DirectTaskExecutor(error -> {
            throw new AssertionError(error);
        }), Runnable::run);
    }

    @Test
    void showsEveryEventTheStepRunningNowAndTheResult() {
        ProgressModel model = direct();
        List<PreflightResult> warnings = List.of(new PreflightResult("clockSkew", PreflightStatus.WARN,
                "lifecycle.preflight.clockSkew", List.of(12)));

        model.run(engine, ScriptedLifecycleEngine.twoStepPlan(), warnings, done::add);

        assertThat(engine.accepted).containsExactly(warnings);
        assertThat(model.stepCountProperty().get()).isEqualTo(2);
        assertThat(model.events()).hasSize(4);
        assertThat(model.currentStepProperty().get().step().releaseName()).isEqualTo("line-monitor");
        assertThat(model.currentProgressProperty().get().params()).containsExactly("line-monitor");
        assertThat(model.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(done).containsExactly(model.resultProperty().get());
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aNewStepClearsTheProgressOfTheStepBefore() {
        ProgressModel model = new ProgressModel(new DirectTaskExecutor(error -> {
            throw new AssertionError(error);
        }), handedToUi::add);
        model.run(engine, ScriptedLifecycleEngine.twoStepPlan(), List.of(), done::add);

        handedToUi.get(0).run();
        assertThat(model.currentStepProperty().get().step().sequence()).isEqualTo(1);
        assertThat(model.currentProgressProperty().get()).isNull();
        handedToUi.get(1).run();
        assertThat(model.currentProgressProperty().get().sequence()).isEqualTo(1);
        handedToUi.get(2).run();
        assertThat(model.currentStepProperty().get().step().sequence()).isEqualTo(2);
        assertThat(model.currentProgressProperty().get()).as("the first step's progress is not the second's").isNull();
    }

    @Test
    void cancelAsksTheEngineToStopAtItsNextSafePoint() {
        ProgressModel model = direct();
        engine.duringApply = model::cancel;

        model.run(engine, ScriptedLifecycleEngine.twoStepPlan(), List.of(), done::add);

        assertThat(model.cancelRequestedProperty().get()).isTrue();
        assertThat(model.resultProperty().get().outcome()).isEqualTo(OperationOutcome.CANCELLED);
        assertThat(model.events()).as("stopped after the first step").hasSize(2);
    }

    @Test
    void cancelWhenNothingRunsDoesNothing() {
        ProgressModel model = direct();
        model.cancel();
        assertThat(model.cancelRequestedProperty().get()).isFalse();

        model.run(engine, ScriptedLifecycleEngine.twoStepPlan(), List.of(), done::add);
        model.cancel();
        assertThat(model.cancelRequestedProperty().get()).isFalse();
        assertThat(model.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
    }

    @Test
    void anEngineErrorIsShownInsteadOfAResult() {
        ProgressModel model = direct();
        engine.applyFailure = new IllegalStateException("plan changed");

        model.run(engine, ScriptedLifecycleEngine.twoStepPlan(), List.of(), done::add);

        assertThat(model.failureProperty().get()).hasMessage("plan changed");
        assertThat(model.resultProperty().get()).isNull();
        assertThat(done).isEmpty();
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void eventsReachTheModelOnlyThroughTheUiThreadAndOneRunAtATime() {
        QueuedExecutor background = new QueuedExecutor();
        ProgressModel model = new ProgressModel(background, handedToUi::add);

        model.run(engine, ScriptedLifecycleEngine.twoStepPlan(), List.of(), done::add);
        assertThat(model.runningProperty().get()).isTrue();
        assertThatThrownBy(() -> model.run(engine, ScriptedLifecycleEngine.twoStepPlan(), List.of(), done::add))
                .isInstanceOf(IllegalStateException.class);

        background.run(0);
        assertThat(model.events()).as("not yet on the UI thread").isEmpty();
        handedToUi.forEach(Runnable::run);
        assertThat(model.events()).hasSize(4);
    }
}
