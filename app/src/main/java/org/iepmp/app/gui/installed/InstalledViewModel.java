package org.iepmp.app.gui.installed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.engine.InstalledRelease;
import org.iepmp.app.engine.InstalledReleases;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.PodLogs;

/**
 * Every release on the connected cluster — ours and other tools' — with health, update
 * availability and origin. Cluster and catalog calls run in the background; a refresh replaces
 * the one before it.
 */
public final class InstalledViewModel {

    static final Duration LIST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(10);

    private final InstalledReleases releases;
    private final TaskExecutor executor;
    private final Consumer<List<InstalledRelease>> installedReleases;

    private final ObservableList<InstalledRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<InstalledRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();

    private final ReadOnlyBooleanWrapper canOperate = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRepair = new ReadOnlyBooleanWrapper();
    private final PodLogViewModel logs;

    private ClusterDrivers drivers;
    private EngineSession session;
    private TaskHandle refreshing;
    private final ReleaseActions actions;

    /** What the Installed view's buttons start (operation flows). */
    public interface ReleaseActions {
        void configure(InstalledRow row);

        /** Opens the guided update wizard for the release. */
        void upgrade(InstalledRow row);

        void rollBack(InstalledRow row);

        void uninstall(InstalledRow row);

        /** Brings a release an interrupted operation left pending back to its last deployed state. */
        void repair(InstalledRow row);
    }

    /**
     * @param installedReleases told every release read (and an empty list when the cluster goes away), so the
     *     catalog shows the same installed versions and updates as this list
     * @param actions what configure, upgrade, roll back and uninstall start
     */
    public InstalledViewModel(Catalog catalog, TaskExecutor executor, Consumer<List<InstalledRelease>> installedReleases,
                              ReleaseActions actions) {
        this.releases = new InstalledReleases(catalog, LIST_TIMEOUT);
        this.actions = actions;
        this.executor = executor;
        this.installedReleases = installedReleases;
        selected.addListener((obs, old, value) -> canOperate.set(value != null && drivers != null));
        // Both: another row may be chosen while operating stays possible.
        canOperate.addListener((obs, old, value) -> updateCanRepair());
        selected.addListener((obs, old, value) -> updateCanRepair());
        this.logs = new PodLogViewModel(this::logReader, executor);
        selected.addListener((obs, old, row) -> showLogsOf(row));
    }

    /** A release is chosen and the cluster's engine is open: configure, roll back and uninstall may start. */
    public ReadOnlyBooleanProperty canOperateProperty() {
        return canOperate.getReadOnlyProperty();
    }

    public void configureSelected() {
        if (canOperate.get()) {
            actions.configure(selected.get());
        }
    }

    public void rollBackSelected() {
        if (canOperate.get()) {
            actions.rollBack(selected.get());
        }
    }

    /** The chosen release was left pending by an interrupted operation: Repair is offered. */
    public ReadOnlyBooleanProperty canRepairProperty() {
        return canRepair.getReadOnlyProperty();
    }

    private void updateCanRepair() {
        InstalledRow row = selected.get();
        canRepair.set(canOperate.get() && row != null && row.release().status().pending());
    }

    public void repairSelected() {
        if (canRepair.get()) {
            actions.repair(selected.get());
        }
    }

    public void uninstallSelected() {
        if (canOperate.get()) {
            actions.uninstall(selected.get());
        }
    }

    /** Opens the update wizard for the chosen release. */
    public void upgradeSelected() {
        if (canOperate.get()) {
            actions.upgrade(selected.get());
        }
    }

    /** The log pane of the chosen release. */
    public PodLogViewModel logs() {
        return logs;
    }

    private PodLogs logReader() {
        ClusterDrivers current = drivers;
        return current == null ? null : current.logs();
    }

    private void showLogsOf(InstalledRow row) {
        if (row == null) {
            logs.show(null, null, List.of());
            return;
        }
        List<String> pods = row.health().map(h -> h.workloads().stream().flatMap(w -> w.pods().stream()).toList())
                .orElse(List.of());
        logs.show(row.release().namespace(), row.release().name(), pods);
    }

    public ObservableList<InstalledRow> rows() {
        return rows;
    }

    public ObjectProperty<InstalledRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /**
     * The connected cluster's engine session changed (or went away): list the releases through its
     * drivers. The session's owner closes the drivers, not this view model.
     */
    public void sessionChanged(EngineSession session) {
        this.session = session;
        drivers = session == null ? null : session.drivers();
        rows.clear();
        selected.set(null);
        connected.set(session != null);
        canOperate.set(false);
        if (session != null) {
            refresh();
        } else {
            installedReleases.accept(List.of());
        }
    }

    public void refresh() {
        ClusterDrivers current = drivers;
        if (current == null) {
            return;
        }
        if (refreshing != null) {
            refreshing.cancel();
        }
        loading.set(true);
        failure.set(null);
        EngineSession reading = session;
        refreshing = executor.execute(BackgroundTask.of(context -> releases.read(reading)).onSuccess(found -> {
            if (reading != session) {
                return;
            }
            List<InstalledRow> read = rowsOf(found);
            InstalledRow keep = selected.get();
            rows.setAll(read);
            selected.set(keep == null ? null : read.stream()
                    .filter(r -> r.release().name().equals(keep.release().name())
                            && r.release().namespace().equals(keep.release().namespace()))
                    .findFirst().orElse(null));
            installedReleases.accept(found);
        }).onFailure(failure::set).onFinished(() -> loading.set(false)));
    }

    private static List<InstalledRow> rowsOf(List<InstalledRelease> found) {
        return found.stream()
                .map(r -> new InstalledRow(r.release(), r.health(), r.update(), r.pkg().map(CatalogPackage::origin))).toList();
    }

    /**
     * The last {@code lines} log lines of every pod of a release, for the support bundle. Slow:
     * call it in the background. A pod whose log cannot be read says so instead of failing the rest.
     */
    public Map<String, List<String>> podLogs(InstalledRow row, int lines) {
        ClusterDrivers current = drivers;
        Map<String, List<String>> result = new java.util.LinkedHashMap<>();
        if (current == null || row.health().isEmpty()) {
            return result;
        }
        for (var workload : row.health().get().workloads()) {
            for (String pod : workload.pods()) {
                try {
                    result.put(pod, current.logs().tail(row.release().namespace(), pod, "", lines, false, HEALTH_TIMEOUT));
                } catch (KubeException e) {
                    result.put(pod, List.of("(log not readable: " + e.code() + ")"));
                }
            }
        }
        return result;
    }

    /** At exit: the drivers belong to the engine session, closed by its owner. */
    public void close() {
        logs.stop();
        drivers = null;
    }
}
