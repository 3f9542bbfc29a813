package org.iepmp.app.gui.operation;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;
import org.iepmp.lifecycle.api.LifecycleEngine;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.Reason;

/**
 * The preflight checks of a plan and the technician's go-ahead: a FAIL blocks, a WARN needs
 * the explicit "I accept the warnings", and the reason (with an optional ticket) is recorded
 * with the operation. A new check replaces a running one; its late answer is dropped.
 */
public final class PreflightModel {

    private final LifecycleEngine engine;
    private final TaskExecutor executor;

    private final ObservableList<PreflightResult> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty warningsAccepted = new SimpleBooleanProperty();
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty ticket = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper maintenanceRequired = new ReadOnlyBooleanWrapper();
    private final BooleanProperty maintenanceConfirmed = new SimpleBooleanProperty();
    private final BooleanBinding blocked;
    private final BooleanBinding hasWarnings;
    private final BooleanBinding canConfirm;

    private TaskHandle checking;
    private long generation;

    public PreflightModel(LifecycleEngine engine, TaskExecutor executor) {
        this.engine = engine;
        this.executor = executor;
        blocked = Bindings.createBooleanBinding(() -> results.stream().anyMatch(PreflightResult::blocks), results);
        hasWarnings = Bindings.createBooleanBinding(() -> results.stream().anyMatch(r -> r.status() == PreflightStatus.WARN),
                results);
        canConfirm = Bindings.createBooleanBinding(() -> checked.get() && !running.get() && !blocked.get()
                && (!hasWarnings.get() || warningsAccepted.get()) && !reason.get().isBlank()
                && (!maintenanceRequired.get() || maintenanceConfirmed.get()),
                checked, running, blocked, hasWarnings, warningsAccepted, reason, maintenanceRequired, maintenanceConfirmed);
    }

    /** Runs the checks of {@code plan} in the background. */
    public void check(Plan plan) {
        if (checking != null) {
            checking.cancel();
        }
        long current = ++generation;
        results.clear();
        checked.set(false);
        failure.set(null);
        warningsAccepted.set(false);
        running.set(true);
        checking = executor.execute(BackgroundTask.of(context -> engine.preflight(plan)).onSuccess(found -> {
            if (current == generation) {
                results.setAll(found);
                checked.set(true);
            }
        }).onFailure(error -> {
            if (current == generation) {
                failure.set(error);
            }
        }).onFinished(() -> {
            if (current == generation) {
                running.set(false);
            }
        }));
    }

    /** The update wizard: the technician must also confirm that this is the plant's maintenance window. */
    public void requireMaintenanceWindow() {
        maintenanceRequired.set(true);
    }

    public ReadOnlyBooleanProperty maintenanceRequiredProperty() {
        return maintenanceRequired.getReadOnlyProperty();
    }

    public BooleanProperty maintenanceConfirmedProperty() {
        return maintenanceConfirmed;
    }

    public ObservableList<PreflightResult> results() {
        return results;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** A check failed: nothing may run. */
    public BooleanBinding blockedProperty() {
        return blocked;
    }

    public BooleanBinding hasWarningsProperty() {
        return hasWarnings;
    }

    public BooleanProperty warningsAcceptedProperty() {
        return warningsAccepted;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty ticketProperty() {
        return ticket;
    }

    /** Checked, nothing failed, warnings accepted (if any), and a reason given. */
    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public Reason reason() {
        return new Reason(reason.get(), ticket.get());
    }

    /** The warnings the technician accepted, for {@link LifecycleEngine#apply}. */
    public List<PreflightResult> acceptedWarnings() {
        return warningsAccepted.get() ? results.stream().filter(r -> r.status() == PreflightStatus.WARN).toList() : List.of();
    }
}
