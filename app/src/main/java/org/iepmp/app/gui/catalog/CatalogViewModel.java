package org.iepmp.app.gui.catalog;

import org.iepmp.app.gui.common.PackageTexts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.engine.InstalledRelease;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.SearchFilter;
import org.iepmp.catalog.api.VersionFacts;

/**
 * Search as you type over the loaded catalog with filters (origin, repository, installed only, update available
 * only), list or cards, and the detail of the chosen package version. A newer search cancels the one it replaces and
 * late answers are dropped, so results never flicker back to an older query.
 *
 * <p>Installed versions and updates come from the engine's readers (what the Installed view lists), never from a
 * version comparison here.
 */
public final class CatalogViewModel {

    /** How the results are shown. */
    public enum Layout {
        LIST,
        CARDS
    }

    private final Catalog catalog;
    private final TaskExecutor executor;
    private final PackageIcons icons;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Origin> origin = new SimpleObjectProperty<>();
    private final ObjectProperty<String> repository = new SimpleObjectProperty<>();
    private final BooleanProperty installedOnly = new SimpleBooleanProperty();
    private final BooleanProperty updatesOnly = new SimpleBooleanProperty();
    private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>(Layout.LIST);
    private final ObservableList<String> repositories = FXCollections.observableArrayList();
    private final ObservableList<CatalogPackage> results = FXCollections.observableArrayList();
    private final ObjectProperty<CatalogPackage> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<String> selectedVersion = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ResolvedVersion> detail = new ReadOnlyObjectWrapper<>();
    private final ObservableList<VersionFacts> versionFacts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Map<String, InstallState>> installed = new ReadOnlyObjectWrapper<>(Map.of());

    private final BooleanProperty installAvailable = new SimpleBooleanProperty();
    private final Consumer<ResolvedVersion> installAction;
    private Consumer<CatalogPackage> openAction = pkg -> { };

    private TaskHandle searching;
    private final PackageTexts packageTexts;
    private TaskHandle resolving;
    private TaskHandle readingFacts;
    private long searchGeneration;
    private long resolveGeneration;

    /** @param install what "Install" starts for the shown version (the operation flow) */
    public CatalogViewModel(Catalog catalog, TaskExecutor executor, Consumer<ResolvedVersion> install) {
        this(catalog, executor, PackageIcons.NONE, install);
    }

    public CatalogViewModel(Catalog catalog, TaskExecutor executor, PackageIcons icons, Consumer<ResolvedVersion> install) {
        this(catalog, executor, icons, PackageTexts.NONE, install);
    }

    public CatalogViewModel(Catalog catalog, TaskExecutor executor, PackageIcons icons, PackageTexts packageTexts,
                            Consumer<ResolvedVersion> install) {
        this.packageTexts = packageTexts;
        this.catalog = catalog;
        this.installAction = install;
        this.executor = executor;
        this.icons = icons;
        query.addListener((obs, old, value) -> search());
        origin.addListener((obs, old, value) -> search());
        repository.addListener((obs, old, value) -> search());
        installedOnly.addListener((obs, old, value) -> search());
        updatesOnly.addListener((obs, old, value) -> search());
        selected.addListener((obs, old, value) -> {
            selectedVersion.set(value == null ? null : value.latestVersion());
            readFacts();
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

    /** Only this repository's packages; {@code null} for all. */
    public ObjectProperty<String> repositoryProperty() {
        return repository;
    }

    /** Names of the loaded repositories, in configured order (the repository filter's choices). */
    public ObservableList<String> repositories() {
        return repositories;
    }

    public BooleanProperty installedOnlyProperty() {
        return installedOnly;
    }

    public BooleanProperty updatesOnlyProperty() {
        return updatesOnly;
    }

    public ObjectProperty<Layout> layoutProperty() {
        return layout;
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

    /** Release date and integrity check of every version of the chosen package, newest first. */
    public ObservableList<VersionFacts> versionFacts() {
        return versionFacts;
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public PackageIcons icons() {
        return icons;
    }

    /** What the engine read from the cluster (the Installed view's list); empty when no cluster is connected. */
    public void setInstalled(List<InstalledRelease> releases) {
        Map<String, InstallState> states = new HashMap<>();
        for (InstalledRelease release : releases) {
            InstallState state = new InstallState(release.packageVersion(), release.update(),
                    release.check().flatMap(c -> c.repository()));
            // Of several releases of one package, the one with an update speaks for the row.
            states.merge(release.packageName(), state, (a, b) -> a.update().isPresent() ? a : b);
        }
        installed.set(Map.copyOf(states));
        if (installedOnly.get() || updatesOnly.get()) {
            search();
        }
    }

    public ReadOnlyObjectProperty<Map<String, InstallState>> installedProperty() {
        return installed.getReadOnlyProperty();
    }

    public Optional<InstallState> installState(String packageName) {
        return Optional.ofNullable(installed.get().get(packageName));
    }

    public Optional<String> installedVersion(String packageName) {
        return installState(packageName).map(InstallState::installedVersion);
    }

    /** The update the engine found for this row, if the row's repository is the one it compared with. */
    public Optional<String> updateOf(CatalogPackage pkg) {
        return installState(pkg.name()).filter(s -> s.updateFrom(pkg.repository())).flatMap(InstallState::update);
    }

    /** Whether installing is possible now (a cluster's engine is open); set by the composition root. */
    public BooleanProperty installAvailableProperty() {
        return installAvailable;
    }

    /** What opening a card does besides selecting it (the view moves to the detail). */
    public void setOpenAction(Consumer<CatalogPackage> action) {
        this.openAction = action;
    }

    /** Opens a package's detail (Enter or a click on a card). */
    public void open(CatalogPackage pkg) {
        selected.set(pkg);
        openAction.accept(pkg);
    }

    /** Installs the version whose detail is shown, from the repository of the chosen row. */
    public void installSelected() {
        ResolvedVersion shown = detail.get();
        if (shown != null && installAvailable.get()) {
            installAction.accept(shown);
        }
    }

    /** Clears every filter but the search text. */
    public void clearFilters() {
        origin.set(null);
        repository.set(null);
        installedOnly.set(false);
        updatesOnly.set(false);
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
        Query current = new Query(query.get() == null ? "" : query.get().trim(), origin.get(), repository.get(),
                installedOnly.get(), updatesOnly.get(), installed.get());
        searching = executor.execute(BackgroundTask.of(context -> run(current)).onSuccess(found -> {
            if (generation != searchGeneration) {
                return;
            }
            if (!repositories.equals(found.repositories())) {
                repositories.setAll(found.repositories());
            }
            CatalogPackage keep = selected.get();
            results.setAll(found.packages());
            if (keep != null && !found.packages().contains(keep)) {
                selected.set(null);
            }
        }).onFailure(error -> {
            if (generation == searchGeneration) {
                failure.set(error);
            }
        }));
    }

    /** One search's inputs, taken on the FX thread. */
    record Query(String text, Origin origin, String repository, boolean installedOnly, boolean updatesOnly,
                 Map<String, InstallState> installed) {
    }

    record Found(List<CatalogPackage> packages, List<String> repositories) {
    }

    /** Adds the packages whose shown (localized) description matches the text: 監控 finds the line monitor. */
    private List<CatalogPackage> withShownTextMatches(List<CatalogPackage> found, Query q) {
        if (q.text().isEmpty()) {
            return found;
        }
        List<CatalogPackage> all = new ArrayList<>(found);
        for (CatalogPackage p : catalog.packages()) {
            if (!all.contains(p) && packageTexts.shownTextMatches(p, q.text())
                    && (q.origin() == null || q.origin() == p.origin())
                    && (q.repository() == null || q.repository().equals(p.repository()))) {
                all.add(p);
            }
        }
        return all;
    }

    public PackageTexts packageTexts() {
        return packageTexts;
    }

    /** The search itself, off the FX thread: the catalog's ranked search, then the engine's installed state. */
    Found run(Query q) {
        List<String> names = new ArrayList<>();
        for (RepositoryStatus status : catalog.statuses()) {
            names.add(status.repository());
        }
        boolean narrowed = !q.text().isEmpty() || q.origin() != null || q.repository() != null;
        List<CatalogPackage> base = narrowed
                ? catalog.search(q.text(), new SearchFilter(q.origin() == null ? Set.of() : Set.of(q.origin()),
                        q.repository() == null ? Set.of() : Set.of(q.repository()), Map.of(), SearchFilter.InstallState.ANY))
                : catalog.packages();
        base = withShownTextMatches(base, q);
        if (!q.installedOnly() && !q.updatesOnly()) {
            return new Found(base, names);
        }
        List<CatalogPackage> kept = new ArrayList<>();
        for (CatalogPackage p : base) {
            InstallState state = q.installed().get(p.name());
            if (state == null) {
                continue;
            }
            if (q.updatesOnly() && !state.updateFrom(p.repository())) {
                continue;
            }
            kept.add(p);
        }
        return new Found(kept, names);
    }

    private void readFacts() {
        if (readingFacts != null) {
            readingFacts.cancel();
        }
        versionFacts.clear();
        CatalogPackage chosen = selected.get();
        if (chosen == null) {
            return;
        }
        readingFacts = executor.execute(BackgroundTask.of(context -> catalog.versionFacts(Optional.of(chosen.repository()),
                chosen.name())).onSuccess(facts -> {
                    if (chosen.equals(selected.get())) {
                        versionFacts.setAll(facts);
                    }
                }).onFailure(error -> {
                    if (chosen.equals(selected.get())) {
                        failure.set(error);
                    }
                }));
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
