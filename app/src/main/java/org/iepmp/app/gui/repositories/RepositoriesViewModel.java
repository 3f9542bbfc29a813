package org.iepmp.app.gui.repositories;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.RepositoryTester;

/**
 * The configured repositories with the outcome of their last refresh; add, edit, remove,
 * enable, test and refresh. Every store and catalog call runs in the background.
 */
public final class RepositoriesViewModel {

    private final RepositoryStore store;
    private final Catalog catalog;
    private final RepositoryTester tester;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Runnable onCatalogChanged;

    private final ObservableList<RepositoryRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TestVerdict> lastTest = new ReadOnlyObjectWrapper<>();

    /** The result of "Test connection" for the repository named. */
    public record TestVerdict(String repository, RepositoryStatus status) {
        public boolean passed() {
            return status.state() == RepositoryStatus.State.FRESH;
        }
    }

    public RepositoriesViewModel(RepositoryStore store, Catalog catalog, RepositoryTester tester, TaskExecutor executor,
                                 Clock clock, Runnable onCatalogChanged) {
        this.store = store;
        this.catalog = catalog;
        this.tester = tester;
        this.executor = executor;
        this.clock = clock;
        this.onCatalogChanged = onCatalogChanged;
    }

    public ObservableList<RepositoryRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestVerdict> lastTestProperty() {
        return lastTest.getReadOnlyProperty();
    }

    public Clock clock() {
        return clock;
    }

    /** At start: the cached catalog only, no network, so the window is useful at once (and offline). */
    public void loadCached() {
        run(() -> catalog.loadCached());
    }

    /** "Refresh now": fetch every enabled repository. */
    public void refreshAll() {
        run(() -> catalog.refresh());
    }

    public void save(RepositoryForm form) {
        RepositoryDefinition definition = form.toDefinition();
        Optional<Credentials> credentials = form.credentials();
        run(() -> {
            // The list the form checked may be older than the file: adding never replaces another's repository.
            Optional<RepositoryDefinition> existing = form.editing() ? Optional.empty() : store.find(definition.name());
            if (existing.isPresent()) {
                throw new CatalogException(CatalogErrorCode.REPOSITORY_EXISTS, "repository " + definition.name() + " exists",
                        definition.name(), existing.get().location());
            }
            store.save(definition, credentials);
            return catalog.refresh();
        });
    }

    public void remove(String name) {
        run(() -> {
            store.remove(name);
            return catalog.refresh();
        });
    }

    public void setEnabled(RepositoryDefinition definition, boolean enabled) {
        if (definition.enabled() == enabled) {
            return;
        }
        run(() -> {
            store.save(definition.withEnabled(enabled), Optional.empty());
            return catalog.refresh();
        });
    }

    /**
     * Sets the form's format from what is at its location (read in the background: a folder's index);
     * leaves the technician's choice when nothing tells, or when the location changed meanwhile.
     */
    public void detectFormat(RepositoryForm form) {
        org.iepmp.catalog.api.Transport transport = form.transportProperty().get();
        String location = form.locationProperty().get();
        executor.execute(BackgroundTask.of(context -> RepositoryFormats.detect(transport, location)).onSuccess(found -> {
            if (java.util.Objects.equals(location, form.locationProperty().get())
                    && transport == form.transportProperty().get()) {
                found.ifPresent(form.typeProperty()::set);
            }
        }).onFailure(error -> LOG_DETECT.debug("Format detection of {} failed", location, error)));
    }

    private static final org.slf4j.Logger LOG_DETECT = org.slf4j.LoggerFactory.getLogger(RepositoriesViewModel.class);

    /** Fetches the form's repository into a scratch cache; saves nothing. */
    public void test(RepositoryForm form) {
        RepositoryDefinition definition = form.toDefinition();
        Optional<Credentials> credentials = form.credentials().or(() -> form.editing()
                ? store.credentials(definition.name()) : Optional.empty());
        lastTest.set(null);
        busy.set(true);
        executor.execute(BackgroundTask.of(context -> tester.test(definition, credentials))
                .onSuccess(status -> lastTest.set(new TestVerdict(definition.name(), status)))
                .onFailure(failure::set)
                .onFinished(() -> busy.set(false)));
    }

    /** The stored credentials of a repository, for the edit form (read in the background). */
    public void editForm(RepositoryDefinition definition, java.util.function.Consumer<RepositoryForm> open) {
        executor.execute(BackgroundTask.of(context -> RepositoryForm.of(definition, store.credentials(definition.name())))
                .onSuccess(open).onFailure(failure::set));
    }

    private interface CatalogCall {
        List<RepositoryStatus> call() throws Exception;
    }

    private void run(CatalogCall call) {
        busy.set(true);
        failure.set(null);
        executor.execute(BackgroundTask.of(context -> {
            List<RepositoryStatus> statuses = call.call();
            return new Loaded(store.list(), statuses);
        }).onSuccess(loaded -> {
            Map<String, RepositoryStatus> byName = loaded.statuses().stream()
                    .collect(Collectors.toMap(RepositoryStatus::repository, Function.identity(), (a, b) -> a));
            rows.setAll(loaded.definitions().stream()
                    .map(d -> new RepositoryRow(d, Optional.ofNullable(byName.get(d.name())))).toList());
            onCatalogChanged.run();
        }).onFailure(failure::set).onFinished(() -> busy.set(false)));
    }

    private record Loaded(List<RepositoryDefinition> definitions, List<RepositoryStatus> statuses) {
    }
}
