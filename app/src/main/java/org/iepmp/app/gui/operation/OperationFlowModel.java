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
    private final ObjectProperty<UpgradeChoice> upgradeChoice = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ValuesFormModel> form = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Resumed> resumed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FollowUp> followUp = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;

    private final ResourcePreviews previews;

    /** What the technician chose on the result page of a resumed operation. */
    public enum FollowUp { ROLL_BACK, RETRY }

    /** Follows the current form's validity (read through it, so the binding keeps being told of changes). */
    private final javafx.beans.property.BooleanProperty formValid = new javafx.beans.property.SimpleBooleanProperty(true);
    private TaskHandle planTask;
    private long planGeneration;
    private String formVersion;

    public OperationFlowModel(OperationSpec spec, LifecycleEngine engine, TaskExecutor executor, UiThread uiThread, Actor actor) {
        this.spec = spec;
        this.engine = engine;
        this.executor = executor;
        this.actor = actor;
        this.preflight = new PreflightModel(engine, executor);
        this.progress = new ProgressModel(executor, uiThread);
        this.previews = new ResourcePreviews(spec, engine, executor, actor, upgradeChoice);
        form.set(spec.form().orElse(null));
        if (!spec.rollbackChoices().isEmpty() || spec.upgrade() != null) {
            pages.add(Page.CHOOSE);
        }
        // The update wizard has five pages: the settings of the chosen version are part of its review page.
        if (spec.form().isPresent() && spec.upgrade() == null) {
            pages.add(Page.FORM);
        }
        pages.addAll(List.of(Page.PLAN, Page.CHECK, Page.PROGRESS, Page.RESULT));
        if (spec.upgrade() != null) {
            preflight.requireMaintenanceWindow();
            upgradeChoice.set(spec.upgrade().choices().stream().filter(UpgradeChoice::recommended).findFirst().orElse(null));
        }
        Runnable followForm = () -> {
            formValid.unbind();
            if (form.get() != null) {
                formValid.bind(form.get().validProperty());
            } else {
                formValid.set(true);
            }
        };
        form.addListener((obs, old, value) -> followForm.run());
        followForm.run();
        canNext = Bindings.createBooleanBinding(this::nextAllowed, page, planning, plan, rollbackChoice, upgradeChoice,
                preflight.canConfirmProperty(), formValid);
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
        show(resumed.get() != null ? Page.RESULT : pages.get(0));
        if (spec.upgrade() != null && resumed.get() == null) {
            upgradeChoice.addListener((obs, old, chosen) -> previews.preview(chosen));
            previews.preview(upgradeChoice.get());
        }
    }

    /** The resources the chosen version adds, changes and removes (the Choose page's risk hint); null before a choice. */
    public ReadOnlyObjectProperty<ResourcePreview> resourcePreviewProperty() {
        return previews.current();
    }

    /** Before {@link #start()}: the flow opens on its result page with what the check after a crash found. */
    public void resumeOnResult(Resumed found) {
        resumed.set(found);
    }

    /** The interrupted operation this flow shows, or {@code null}. */
    public ReadOnlyObjectProperty<Resumed> resumedProperty() {
        return resumed.getReadOnlyProperty();
    }

    /** The way on the technician chose for a resumed operation (the flow closes; the caller opens the next flow). */
    public ReadOnlyObjectProperty<FollowUp> followUpProperty() {
        return followUp.getReadOnlyProperty();
    }

    public void followUp(FollowUp choice) {
        if (resumed.get() == null || page.get() != Page.RESULT) {
            return;
        }
        if (choice == FollowUp.ROLL_BACK && resumed.get().rollbackTarget() == null
                || choice == FollowUp.RETRY && resumed.get().retryVersion() == null) {
            return;
        }
        followUp.set(choice);
        closeRequested.set(true);
    }

    /** The version chosen in the update wizard (null elsewhere). */
    public ObjectProperty<UpgradeChoice> upgradeChoiceProperty() {
        return upgradeChoice;
    }

    /** The values form: the spec's, or in the update wizard the chosen version's (loaded after Choose). */
    public ReadOnlyObjectProperty<ValuesFormModel> formProperty() {
        return form.getReadOnlyProperty();
    }

    /** On the review page: makes the plan again with the settings as they are now. */
    public void replan() {
        if (page.get() == Page.PLAN && (form.get() == null || form.get().validProperty().get())) {
            makePlan();
        }
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
            case CHOOSE -> {
                if (spec.upgrade() != null) {
                    loadFormThenPlan();
                } else {
                    show(pages.get(pages.indexOf(Page.CHOOSE) + 1));
                }
            }
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
            case CHOOSE -> (spec.upgrade() != null ? upgradeChoice.get() != null : rollbackChoice.get() != null) && !planning.get();
            case FORM -> formValid.get();
            case PLAN -> plan.get() != null && !planning.get() && formValid.get();
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

    /** Update wizard, Choose → Review: the chosen version's settings (current values carried over), then its plan. */
    private void loadFormThenPlan() {
        UpgradeChoice chosen = upgradeChoice.get();
        UpgradeOffer offer = spec.upgrade();
        ValuesFormModel current = form.get();
        if (current != null && chosen.version().equals(formVersion)) {
            show(Page.PLAN);
            return;
        }
        long generation = ++planGeneration;
        planning.set(true);
        failure.set(null);
        planTask = executor.execute(BackgroundTask.of(context -> {
            return UpgradeSettings.of(offer, chosen.version());
        }).onSuccess(found -> {
            if (generation == planGeneration) {
                ValuesFormModel made = new ValuesFormModel(found.definitions(), offer.currentValues(), spec.namespace(), false,
                        found.packageSettings());
                made.markNew(found.added(), chosen.version());
                form.set(made);
                formVersion = chosen.version();
                show(Page.PLAN);
            }
        }).onFailure(error -> {
            if (generation == planGeneration) {
                failure.set(error);
            }
        }).onFinished(() -> {
            if (generation == planGeneration && page.get() == Page.CHOOSE) {
                planning.set(false);
            }
        }));
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
        Map<String, Object> values = form.get() == null ? Map.of() : form.get().values();
        String namespace = form.get() != null && form.get().namespaceEditable() ? form.get().namespaceProperty().get().strip()
                : spec.namespace();
        Long target = spec.rollbackToStepId() != null ? spec.rollbackToStepId()
                : rollbackChoice.get() == null ? null : rollbackChoice.get().id();
        String version = spec.upgrade() != null && upgradeChoice.get() != null ? upgradeChoice.get().version()
                : spec.action() == OperationAction.INSTALL || spec.action() == OperationAction.UPGRADE ? spec.version() : null;
        return new OperationRequest(spec.action(), spec.packageName(), version, spec.releaseName(), namespace, values, target, actor,
                reason).withRepository(spec.repository()).withSettings(form.get() == null ? Map.of() : form.get().settings());
    }

    private static OperationRequest withReason(OperationRequest r, org.iepmp.lifecycle.api.Reason reason) {
        return new OperationRequest(r.action(), r.packageName(), r.version(), r.releaseName(), r.namespace(), r.values(),
                r.rollbackToStepId(), r.actor(), reason, r.acceptWarnings(), r.repository(), r.settings());
    }
}
