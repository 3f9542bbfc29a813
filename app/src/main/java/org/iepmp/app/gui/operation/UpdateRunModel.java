package org.iepmp.app.gui.operation;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
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
import javafx.beans.value.ChangeListener;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationResult;

/**
 * "Update all": one wizard run over several packages, in dependency order (a package before the
 * packages that need it). Each package is its own update flow ({@link OperationFlowModel}, one
 * engine operation each, with its own plan, checks and history entry); the run moves them through
 * the pages together — every package chosen, reviewed and checked before anything changes, one
 * reason, ticket and maintenance-window confirmation for all — then applies them one after the
 * other. When one does not end updated (its verification failed and it was rolled back, it failed
 * or it was stopped), the run stops there: the packages after it are not started.
 */
public final class UpdateRunModel {

    /** Where one package of the run stands. */
    public enum PartStatus { LEFT_OUT, WAITING, RUNNING, UPDATED, ROLLED_BACK, FAILED, CANCELLED, NOT_STARTED }

    /** One package of the run: its update flow, whether it takes part, and how far it got. */
    public static final class Part {
        private final OperationFlowModel flow;
        private final BooleanProperty included = new SimpleBooleanProperty(true);
        private final ReadOnlyObjectWrapper<PartStatus> status = new ReadOnlyObjectWrapper<>(PartStatus.WAITING);

        Part(OperationFlowModel flow) {
            this.flow = flow;
        }

        public OperationFlowModel flow() {
            return flow;
        }

        /** Ticked on the Choose page (untick to leave a package out of this run). */
        public BooleanProperty includedProperty() {
            return included;
        }

        public ReadOnlyObjectProperty<PartStatus> statusProperty() {
            return status.getReadOnlyProperty();
        }
    }

    private final List<Part> parts = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Part> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stopRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty ticket = new SimpleStringProperty("");
    private final BooleanProperty maintenanceConfirmed = new SimpleBooleanProperty();
    private final BooleanProperty warningsAccepted = new SimpleBooleanProperty();
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;
    private final BooleanBinding busy;
    private final BooleanBinding blocked;
    private final BooleanBinding hasWarnings;

    /** @param flows one update flow per package, already in dependency order (see {@link UpdateOrder}) */
    public UpdateRunModel(List<OperationFlowModel> flows) {
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one package");
        }
        List<Observable> watched = new ArrayList<>(List.of(page, running));
        for (OperationFlowModel flow : flows) {
            Part part = new Part(flow);
            parts.add(part);
            // One reason, ticket, maintenance-window confirmation and warning consent for the whole run.
            flow.preflight().reasonProperty().bindBidirectional(reason);
            flow.preflight().ticketProperty().bindBidirectional(ticket);
            flow.preflight().maintenanceConfirmedProperty().bindBidirectional(maintenanceConfirmed);
            part.included.addListener((obs, old, in) -> part.status.set(in ? PartStatus.WAITING : PartStatus.LEFT_OUT));
            watched.addAll(List.of(part.included, flow.pageProperty(), flow.canNextProperty(), flow.planningProperty(),
                    flow.preflight().runningProperty(), flow.preflight().results(), flow.preflight().blockedProperty(),
                    flow.preflight().hasWarningsProperty()));
        }
        // One consent for the warnings of all packages (a package without warnings hands none to the engine).
        warningsAccepted.addListener((obs, old, accepted) -> parts.forEach(p -> p.flow.preflight().warningsAcceptedProperty()
                .set(accepted)));
        Observable[] all = watched.toArray(Observable[]::new);
        busy = Bindings.createBooleanBinding(() -> included().stream().anyMatch(p -> p.flow.planningProperty().get()
                || p.flow.preflight().runningProperty().get()), all);
        blocked = Bindings.createBooleanBinding(() -> included().stream().anyMatch(p -> p.flow.preflight().blockedProperty().get()),
                all);
        hasWarnings = Bindings.createBooleanBinding(() -> included().stream()
                .anyMatch(p -> p.flow.preflight().hasWarningsProperty().get()), all);
        canNext = Bindings.createBooleanBinding(this::nextAllowed, all);
        // Not while a package is still loading its settings or planning: its late answer would move it on alone.
        canBack = Bindings.createBooleanBinding(() -> (page.get() == Page.PLAN || page.get() == Page.CHECK) && !busy.get(), page, busy);
    }

    /** Opens the Choose page: every package with its proposed version. */
    public void start() {
        parts.forEach(p -> p.flow.start());
        page.set(Page.CHOOSE);
    }

    public List<Part> parts() {
        return List.copyOf(parts);
    }

    /** The packages taking part, in the order they run. */
    public List<Part> included() {
        return parts.stream().filter(p -> p.included.get()).toList();
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** The five pages of the run (the same as one package's update wizard). */
    public List<Page> pages() {
        return List.of(Page.CHOOSE, Page.PLAN, Page.CHECK, Page.PROGRESS, Page.RESULT);
    }

    /** The package being applied now (on the Apply page), else the last one applied. */
    public ReadOnlyObjectProperty<Part> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty stopRequestedProperty() {
        return stopRequested.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty ticketProperty() {
        return ticket;
    }

    public BooleanProperty maintenanceConfirmedProperty() {
        return maintenanceConfirmed;
    }

    public BooleanProperty warningsAcceptedProperty() {
        return warningsAccepted;
    }

    /** A package is planning or being checked. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** A check of some package failed: nothing may run. */
    public BooleanBinding blockedProperty() {
        return blocked;
    }

    public BooleanBinding hasWarningsProperty() {
        return hasWarnings;
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
                parts.stream().filter(p -> !p.included.get()).forEach(p -> p.status.set(PartStatus.LEFT_OUT));
                // Each package loads its chosen version's settings and makes its plan (in the background).
                included().forEach(p -> p.flow.next());
                page.set(Page.PLAN);
            }
            case PLAN -> {
                warningsAccepted.set(false);
                included().forEach(p -> p.flow.next());
                page.set(Page.CHECK);
            }
            case CHECK -> apply();
            default -> {
                // PROGRESS and RESULT have no "next".
            }
        }
    }

    public void back() {
        if (!canBack.get()) {
            return;
        }
        included().forEach(p -> p.flow.back());
        page.set(page.get() == Page.CHECK ? Page.PLAN : Page.CHOOSE);
    }

    /** Cancel: while applying, stops the package running now (it restores itself) and starts no more; else closes. */
    public void cancel() {
        if (running.get()) {
            stopRequested.set(true);
            if (current.get() != null) {
                current.get().flow.cancel();
            }
            return;
        }
        parts.forEach(p -> {
            if (p.flow.pageProperty().get() != Page.RESULT) {
                p.flow.cancel();
            }
        });
        closeRequested.set(true);
    }

    private boolean nextAllowed() {
        if (page.get() == null || running.get()) {
            return false;
        }
        List<Part> in = included();
        if (in.isEmpty()) {
            return false;
        }
        Page now = page.get();
        return switch (now) {
            case CHOOSE, PLAN, CHECK -> in.stream().allMatch(p -> p.flow.pageProperty().get() == now && p.flow.canNextProperty().get());
            default -> false;
        };
    }

    private void apply() {
        page.set(Page.PROGRESS);
        running.set(true);
        stopRequested.set(false);
        runFrom(0);
    }

    /** Applies the next package from {@code index} on, or ends the run. */
    private void runFrom(int index) {
        List<Part> in = included();
        if (index >= in.size()) {
            running.set(false);
            page.set(Page.RESULT);
            return;
        }
        Part part = in.get(index);
        if (stopRequested.get()) {
            in.subList(index, in.size()).forEach(p -> p.status.set(PartStatus.NOT_STARTED));
            runFrom(in.size());
            return;
        }
        current.set(part);
        part.status.set(PartStatus.RUNNING);
        ChangeListener<Object>[] watcher = new ChangeListener[1];
        watcher[0] = (obs, old, value) -> {
            OperationResult done = part.flow.resultProperty().get();
            boolean failed = part.flow.failureProperty().get() != null && part.flow.pageProperty().get() == Page.PROGRESS
                    && !part.flow.progress().runningProperty().get();
            if (done == null && !failed) {
                return;
            }
            part.flow.resultProperty().removeListener(watcher[0]);
            part.flow.failureProperty().removeListener(watcher[0]);
            part.flow.progress().runningProperty().removeListener(watcher[0]);
            part.status.set(done == null ? PartStatus.FAILED : statusOf(done.outcome()));
            if (part.status.get() != PartStatus.UPDATED) {
                // The run stops with the first package that did not end updated: the next ones need it, or may.
                stopRequested.set(true);
            }
            runFrom(index + 1);
        };
        part.flow.resultProperty().addListener(watcher[0]);
        part.flow.failureProperty().addListener(watcher[0]);
        part.flow.progress().runningProperty().addListener(watcher[0]);
        part.flow.next();
    }

    private static PartStatus statusOf(OperationOutcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> PartStatus.UPDATED;
            case ROLLED_BACK -> PartStatus.ROLLED_BACK;
            case CANCELLED -> PartStatus.CANCELLED;
            default -> PartStatus.FAILED;
        };
    }
}
