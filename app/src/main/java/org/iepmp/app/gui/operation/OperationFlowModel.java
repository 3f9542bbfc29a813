package org.iepmp.app.gui.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;
import org.iepmp.app.task.UiThread;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.LifecycleEngine;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.StepRecord;

/**
 * One operation from the GUI, page by page: (choose a revision | values form) → plan → checks
 * and confirmation → progress → result. Every engine call runs in the background; a page's
 * work that is replaced (Back, a new plan) is dropped when it answers late.
 */
public final class OperationFlowModel {

    /** The pages, in order; a flow shows a subset (see {@link #pages()}). */
    public enum Page { CHOOSE, FORM, PLAN, CHECK, PROGRESS, RESULT }

    private final OperationSpec spec;
    private final LifecycleEngine engine;
    private final TaskExecutor executor;
    private final Actor actor;
    private final List<Page> pages = new ArrayList<>();
    private final PreflightModel preflight;
    private final ProgressModel progress;

    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OperationResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<StepRecord> rollbackChoice = new SimpleObjectProperty<>();
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;

    private TaskHandle planTask;
    private long planGeneration;

    public OperationFlowModel(OperationSpec spec, LifecycleEngine engine, TaskExecutor executor, UiThread uiThread, Actor actor) {
        this.spec = spec;
        this.engine = engine;
        this.executor = executor;
        this.actor = actor;
        this.preflight = new PreflightModel(engine, executor);
        this.progress = new ProgressModel(executor, uiThread);
        if (!spec.rollbackChoices().isEmpty()) {
            pages.add(Page.CHOOSE);
        }
        if (spec.form().isPresent()) {
            pages.add(Page.FORM);
        }
        pages.addAll(List.of(Page.PLAN, Page.CHECK, Page.PROGRESS, Page.RESULT));
        canNext = Bindings.createBooleanBinding(this::nextAllowed, page, planning, plan, rollbackChoice,
                preflight.canConfirmProperty(), spec.form().map(f -> (javafx.beans.Observable) f.validProperty())
                        .orElse(new ReadOnlyBooleanWrapper(true)));
        progress.failureProperty().addListener((obs, old, error) -> {
            if (error != null) {
                failure.set(error);
            }
        });
        canBack = Bindings.createBooleanBinding(() -> page.get() != null && pages.indexOf(page.get()) > 0
                && (page.get() == Page.PLAN || page.get() == Page.CHECK), page);
    }

    /** Opens the first page; without a form or choice that is the plan, made at once. */
    public void start() {
        show(pages.get(0));
    }

    public OperationSpec spec() {
        return spec;
    }

    public List<Page> pages() {
        return List.copyOf(pages);
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OperationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** An engine error while planning or applying (a typed exception, shown on the page). */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty planningProperty() {
        return planning.getReadOnlyProperty();
    }

    /** The dialog should close (Cancel outside the progress page, Close on the result). */
    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    public ObjectProperty<StepRecord> rollbackChoiceProperty() {
        return rollbackChoice;
    }

    public PreflightModel preflight() {
        return preflight;
    }

    public ProgressModel progress() {
        return progress;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }

    public void next() {
        if (!canNext.get()) {
            return;
        }
        switch (page.get()) {
            case CHOOSE -> show(pages.get(pages.indexOf(Page.CHOOSE) + 1));
            case FORM -> show(Page.PLAN);
            case PLAN -> show(Page.CHECK);
            case CHECK -> apply();
            default -> {
                // PROGRESS and RESULT have no "next".
            }
        }
    }

    public void back() {
        if (canBack.get()) {
            show(pages.get(pages.indexOf(page.get()) - 1));
        }
    }

    /** Cancel: stops a running operation at its next safe point, else closes the flow. */
    public void cancel() {
        if (page.get() == Page.PROGRESS && progress.runningProperty().get()) {
            progress.cancel();
            return;
        }
        if (planTask != null) {
            planTask.cancel();
        }
        planGeneration++;
        closeRequested.set(true);
    }

    private boolean nextAllowed() {
        if (page.get() == null) {
            return false;
        }
        return switch (page.get()) {
            case CHOOSE -> rollbackChoice.get() != null;
            case FORM -> spec.form().map(f -> f.validProperty().get()).orElse(true);
            case PLAN -> plan.get() != null && !planning.get();
            case CHECK -> plan.get() != null && preflight.canConfirmProperty().get();
            case PROGRESS, RESULT -> false;
        };
    }

    private void show(Page target) {
        failure.set(null);
        page.set(target);
        if (target == Page.PLAN) {
            makePlan();
        } else if (target == Page.CHECK) {
            preflight.check(plan.get());
        }
    }

    private void makePlan() {
        if (planTask != null) {
            planTask.cancel();
        }
        long generation = ++planGeneration;
        plan.set(null);
        planning.set(true);
        OperationRequest request = request(new org.iepmp.lifecycle.api.Reason("", null));
        planTask = executor.execute(BackgroundTask.of(context -> engine.plan(request)).onSuccess(made -> {
            if (generation == planGeneration) {
                plan.set(made);
            }
        }).onFailure(error -> {
            if (generation == planGeneration) {
                failure.set(error);
            }
        }).onFinished(() -> {
            if (generation == planGeneration) {
                planning.set(false);
            }
        }));
    }

    private void apply() {
        Plan made = plan.get();
        // The reason is given on the check page, after the plan was made; it changes no step.
        Plan confirmed = new Plan(withReason(made.request(), preflight.reason()), made.steps(), made.createdAt());
        show(Page.PROGRESS);
        progress.run(engine, confirmed, preflight.acceptedWarnings(), done -> {
            result.set(done);
            show(Page.RESULT);
        });
    }

    /** The request the current inputs make. */
    OperationRequest request(org.iepmp.lifecycle.api.Reason reason) {
        Map<String, Object> values = spec.form().map(ValuesFormModel::values).orElse(Map.of());
        String namespace = spec.form().filter(ValuesFormModel::namespaceEditable).map(f -> f.namespaceProperty().get().strip())
                .orElse(spec.namespace());
        Long target = spec.rollbackToStepId() != null ? spec.rollbackToStepId()
                : rollbackChoice.get() == null ? null : rollbackChoice.get().id();
        String version = spec.action() == OperationAction.INSTALL || spec.action() == OperationAction.UPGRADE ? spec.version() : null;
        return new OperationRequest(spec.action(), spec.packageName(), version, spec.releaseName(), namespace, values, target, actor,
                reason);
    }

    private static OperationRequest withReason(OperationRequest r, org.iepmp.lifecycle.api.Reason reason) {
        return new OperationRequest(r.action(), r.packageName(), r.version(), r.releaseName(), r.namespace(), r.values(),
                r.rollbackToStepId(), r.actor(), reason, r.acceptWarnings());
    }
}
