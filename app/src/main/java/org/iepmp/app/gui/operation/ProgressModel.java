package org.iepmp.app.gui.operation;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.UiThread;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.LifecycleEngine;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.ProgressEvent;

/**
 * Runs a plan and shows it happening: the engine's progress events, handed from the engine's
 * thread to the UI thread, as a live log; the step running now; Cancel, which asks the engine to
 * stop at its next safe point (it then restores what it had changed) — the task itself is never
 * interrupted mid-step.
 */
public final class ProgressModel {

    private final TaskExecutor executor;
    private final UiThread uiThread;

    private final ObservableList<ProgressEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper stepCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<ProgressEvent.StepStarted> currentStep = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ProgressEvent.StepProgress> currentProgress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OperationResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();

    private AtomicBoolean cancelled = new AtomicBoolean();

    public ProgressModel(TaskExecutor executor, UiThread uiThread) {
        this.executor = executor;
        this.uiThread = uiThread;
    }

    /**
     * Applies {@code plan} in the background; {@code whenDone} gets the result (on the UI thread).
     * An engine error (a changed plan, say) lands in {@link #failureProperty()} instead.
     */
    public void run(LifecycleEngine engine, Plan plan, List<PreflightResult> acceptedWarnings, Consumer<OperationResult> whenDone) {
        if (running.get()) {
            throw new IllegalStateException("an operation is already running");
        }
        AtomicBoolean signal = new AtomicBoolean();
        cancelled = signal;
        events.clear();
        result.set(null);
        failure.set(null);
        currentStep.set(null);
        currentProgress.set(null);
        cancelRequested.set(false);
        stepCount.set(plan.steps().size());
        running.set(true);
        CancellationSignal cancellation = signal::get;
        executor.execute(BackgroundTask.of(context -> engine.apply(plan, acceptedWarnings,
                event -> uiThread.run(() -> show(event)), cancellation)).onSuccess(done -> {
                    result.set(done);
                    whenDone.accept(done);
                }).onFailure(failure::set).onFinished(() -> running.set(false)));
    }

    /** Asks the engine to stop at its next safe point. */
    public void cancel() {
        if (running.get()) {
            cancelled.set(true);
            cancelRequested.set(true);
        }
    }

    private void show(ProgressEvent event) {
        events.add(event);
        if (event instanceof ProgressEvent.StepStarted started) {
            currentStep.set(started);
            currentProgress.set(null);
        } else if (event instanceof ProgressEvent.StepProgress progress) {
            currentProgress.set(progress);
        }
    }

    public ObservableList<ProgressEvent> events() {
        return events;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepCountProperty() {
        return stepCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProgressEvent.StepStarted> currentStepProperty() {
        return currentStep.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProgressEvent.StepProgress> currentProgressProperty() {
        return currentProgress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OperationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
