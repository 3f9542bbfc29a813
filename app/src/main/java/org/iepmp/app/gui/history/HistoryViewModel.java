package org.iepmp.app.gui.history;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;
import org.iepmp.lifecycle.api.ExportFormat;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.HistoryPage;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.PageCursor;
import org.iepmp.lifecycle.api.StepRecord;

/**
 * The operation history as a filtered, paged table (newest first, keyset paging), the steps of
 * the chosen operation, and audit export. All SQLite work runs in the background; a newer query
 * replaces an older one.
 */
public final class HistoryViewModel {

    public static final int PAGE_SIZE = 50;

    /** The time windows the filter offers. */
    public enum Period {
        ANY(null), DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30));

        private final Duration length;

        Period(Duration length) {
            this.length = length;
        }

        Instant since(Instant now) {
            return length == null ? null : now.minus(length);
        }
    }

    private final Supplier<HistoryStore> history;
    private final TaskExecutor executor;
    private final Clock clock;

    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty packageName = new SimpleStringProperty("");
    private final ObjectProperty<OperationOutcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<String> connectedCluster = new SimpleObjectProperty<>();
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.ANY);
    private final ObservableList<OperationRecord> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<OperationRecord> selected = new SimpleObjectProperty<>();
    private final ObservableList<StepRecord> steps = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> exported = new ReadOnlyObjectWrapper<>();

    private final ReadOnlyObjectWrapper<StepRecord> rollbackTarget = new ReadOnlyObjectWrapper<>();
    private final java.util.function.Consumer<StepRecord> rollbackAction;

    /** Cursors of the pages before the current one, for "previous". */
    private final Deque<PageCursor> previousPages = new ArrayDeque<>();
    private PageCursor currentPage;
    private PageCursor nextPage;
    private TaskHandle querying;

    private Long wantedOperation;

    /** @param rollBack what "roll back to this revision" starts (the operation flow) */
    public HistoryViewModel(Supplier<HistoryStore> history, TaskExecutor executor, Clock clock,
                            java.util.function.Consumer<StepRecord> rollBack) {
        this.history = history;
        this.rollbackAction = rollBack;
        this.executor = executor;
        this.clock = clock;
        for (javafx.beans.Observable input : List.of(text, packageName, outcome, period)) {
            input.addListener(o -> firstPage());
        }
        selected.addListener((obs, old, value) -> loadSteps(value));
        connectedCluster.addListener((obs, old, value) -> loadSteps(selected.get()));
    }

    /**
     * The identity of the cluster the window is connected to ({@code null} while none): a revision can be
     * rolled back to only on the cluster it was recorded on — after leaving practice mode, or after the
     * practice cluster was reset (a new identity), its rows stay readable but offer no rollback.
     */
    public ObjectProperty<String> connectedClusterProperty() {
        return connectedCluster;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty packageNameProperty() {
        return packageName;
    }

    public ObjectProperty<OperationOutcome> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObservableList<OperationRecord> rows() {
        return rows;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ObjectProperty<OperationRecord> selectedProperty() {
        return selected;
    }

    public ObservableList<StepRecord> steps() {
        return steps;
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    /**
     * The revision the chosen operation left the release at, when one can return to it ("roll back
     * to this revision"): a succeeded operation's succeeded step of that release with a recorded chart.
     */
    public ReadOnlyObjectProperty<StepRecord> rollbackTargetProperty() {
        return rollbackTarget.getReadOnlyProperty();
    }

    public void rollBackToSelected() {
        if (rollbackTarget.get() != null) {
            rollbackAction.accept(rollbackTarget.get());
        }
    }

    public HistoryFilter filter() {
        Set<OperationOutcome> outcomes = outcome.get() == null ? Set.of()
                // "Failed" is every failure, also the ones that were rolled back afterwards.
                : outcome.get() == OperationOutcome.FAILED ? Set.of(OperationOutcome.FAILED, OperationOutcome.ROLLED_BACK)
                : Set.of(outcome.get());
        String pkg = packageName.get() == null || packageName.get().isBlank() ? null : packageName.get().trim();
        return new HistoryFilter(null, pkg, period.get().since(clock.instant()), null, outcomes, Set.of(), text.get());
    }

    /** Shows the first page without filters and selects the operation {@code operationId} when it is on it. */
    public void showOperation(long operationId) {
        text.set("");
        packageName.set("");
        outcome.set(null);
        wantedOperation = operationId;
        firstPage();
    }

    public void firstPage() {
        previousPages.clear();
        load(null);
    }

    public void nextPage() {
        if (nextPage != null) {
            previousPages.push(currentPage == null ? FIRST : currentPage);
            load(nextPage);
        }
    }

    public void previousPage() {
        if (!previousPages.isEmpty()) {
            PageCursor back = previousPages.pop();
            load(back == FIRST ? null : back);
        }
    }

    /** Writes every operation matching the filter to {@code target} (temp file, then moved into place). */
    public void export(ExportFormat format, Path target) {
        HistoryFilter filter = filter();
        exported.set(null);
        executor.execute(BackgroundTask.of(context -> {
            Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".iepmp-export", ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                    history.get().export(filter, format, out);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        }).onSuccess(exported::set).onFailure(failure::set));
    }

    /** Marker for "the first page" in the back stack (a null cursor cannot be pushed). */
    private static final PageCursor FIRST = new PageCursor(Instant.EPOCH, Long.MIN_VALUE);

    private void load(PageCursor cursor) {
        if (querying != null) {
            querying.cancel();
        }
        HistoryFilter filter = filter();
        failure.set(null);
        querying = executor.execute(BackgroundTask.of(context -> history.get().query(filter, cursor, PAGE_SIZE))
                .onSuccess(page -> show(page, cursor)).onFailure(failure::set));
    }

    private void show(HistoryPage page, PageCursor cursor) {
        currentPage = cursor;
        nextPage = page.next().orElse(null);
        rows.setAll(page.rows());
        total.set(page.total());
        if (wantedOperation != null) {
            long wanted = wantedOperation;
            wantedOperation = null;
            page.rows().stream().filter(r -> r.id() == wanted).findFirst().ifPresent(selected::set);
        }
        hasNext.set(nextPage != null);
        hasPrevious.set(!previousPages.isEmpty());
    }

    private void loadSteps(OperationRecord operation) {
        steps.clear();
        rollbackTarget.set(null);
        if (operation == null) {
            return;
        }
        executor.execute(BackgroundTask.of(context -> history.get().steps(operation.id())).onSuccess(found -> {
            if (operation.equals(selected.get())) {
                steps.setAll(found);
                boolean here = operation.clusterId() != null && operation.clusterId().equals(connectedCluster.get());
                rollbackTarget.set(operation.outcome() != OperationOutcome.SUCCEEDED || !here ? null : found.stream()
                        .filter(s -> s.outcome() == OperationOutcome.SUCCEEDED && s.toVersion() != null && s.chartDigest() != null
                                && s.releaseName().equals(operation.releaseName())
                                && s.action() != org.iepmp.lifecycle.api.OperationAction.UNINSTALL
                                && s.action() != org.iepmp.lifecycle.api.OperationAction.AUDIT)
                        .reduce((first, second) -> second).orElse(null));
            }
        }).onFailure(failure::set));
    }
}
