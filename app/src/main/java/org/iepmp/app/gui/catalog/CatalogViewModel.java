package org.iepmp.app.gui.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.SearchFilter;

/**
 * Search as you type over the loaded catalog, with origin filter, and the detail of the chosen
 * package version. A newer search cancels the one it replaces and late answers are dropped, so
 * results never flicker back to an older query.
 */
public final class CatalogViewModel {

    private final Catalog catalog;
    private final TaskExecutor executor;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Origin> origin = new SimpleObjectProperty<>();
    private final ObservableList<CatalogPackage> results = FXCollections.observableArrayList();
    private final ObjectProperty<CatalogPackage> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<String> selectedVersion = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ResolvedVersion> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Map<String, String>> installed = new ReadOnlyObjectWrapper<>(Map.of());

    private final javafx.beans.property.BooleanProperty installAvailable = new javafx.beans.property.SimpleBooleanProperty();
    private java.util.function.Consumer<ResolvedVersion> installAction = version -> { };

    private TaskHandle searching;
    private TaskHandle resolving;
    private long searchGeneration;
    private long resolveGeneration;

    public CatalogViewModel(Catalog catalog, TaskExecutor executor) {
        this.catalog = catalog;
        this.executor = executor;
        query.addListener((obs, old, value) -> search());
        origin.addListener((obs, old, value) -> search());
        selected.addListener((obs, old, value) -> {
            selectedVersion.set(value == null ? null : value.latestVersion());
            resolveSelected();
        });
        selectedVersion.addListener((obs, old, value) -> resolveSelected());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<Origin> originProperty() {
        return origin;
    }

    public ObservableList<CatalogPackage> results() {
        return results;
    }

    public ObjectProperty<CatalogPackage> selectedProperty() {
        return selected;
    }

    public ObjectProperty<String> selectedVersionProperty() {
        return selectedVersion;
    }

    public ReadOnlyObjectProperty<ResolvedVersion> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Installed package versions (name → version) for the "installed" column; set by whoever knows the cluster. */
    public void setInstalled(Map<String, String> versions) {
        installed.set(Map.copyOf(versions));
    }

    public Optional<String> installedVersion(String packageName) {
        return Optional.ofNullable(installed.get().get(packageName));
    }

    /** Whether installing is possible now (a cluster's engine is open); set by the composition root. */
    public javafx.beans.property.BooleanProperty installAvailableProperty() {
        return installAvailable;
    }

    /** What "Install" starts for the shown version (the operation flow). */
    public void setInstallAction(java.util.function.Consumer<ResolvedVersion> action) {
        this.installAction = action;
    }

    /** Installs the version whose detail is shown. */
    public void installSelected() {
        ResolvedVersion shown = detail.get();
        if (shown != null && installAvailable.get()) {
            installAction.accept(shown);
        }
    }

    /** Called when the repositories changed: run the current search again. */
    public void reload() {
        search();
    }

    public void search() {
        if (searching != null) {
            searching.cancel();
        }
        long generation = ++searchGeneration;
        String text = query.get() == null ? "" : query.get().trim();
        SearchFilter filter = new SearchFilter(origin.get() == null ? Set.of() : Set.of(origin.get()), Set.of(),
                installed.get(), SearchFilter.InstallState.ANY);
        searching = executor.execute(BackgroundTask.of(context -> text.isEmpty() && origin.get() == null
                ? catalog.packages() : catalog.search(text, filter)).onSuccess(found -> {
                    if (generation != searchGeneration) {
                        return;
                    }
                    CatalogPackage keep = selected.get();
                    results.setAll(found);
                    if (keep != null && !found.contains(keep)) {
                        selected.set(null);
                    }
                }).onFailure(failure::set));
    }

    private void resolveSelected() {
        if (resolving != null) {
            resolving.cancel();
        }
        CatalogPackage chosen = selected.get();
        String version = selectedVersion.get();
        detail.set(null);
        failure.set(null);
        if (chosen == null) {
            loading.set(false);
            return;
        }
        long generation = ++resolveGeneration;
        loading.set(true);
        resolving = executor.execute(BackgroundTask.of(context -> catalog.resolve(Optional.of(chosen.repository()),
                chosen.name(), Optional.ofNullable(version))).onSuccess(resolved -> {
                    if (generation == resolveGeneration) {
                        detail.set(resolved);
                    }
                }).onFailure(error -> {
                    if (generation == resolveGeneration) {
                        failure.set(error);
                    }
                }).onFinished(() -> {
                    if (generation == resolveGeneration) {
                        loading.set(false);
                    }
                }));
    }

    List<String> versionsOfSelected() {
        return selected.get() == null ? List.of() : selected.get().versions();
    }
}
