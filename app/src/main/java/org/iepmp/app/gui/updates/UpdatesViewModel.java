package org.iepmp.app.gui.updates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.gui.notify.Notice;
import org.iepmp.app.gui.notify.Notifier;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Origin;
import org.iepmp.lifecycle.api.UpdateInfo;

/**
 * What can be updated on the connected cluster: a check runs on connect, after the catalog
 * changed, periodically and on demand; a newer check replaces a running one. New updates (not
 * seen by an earlier check) raise one notice. Updating itself is the wizard's job ({@link UpdateLauncher}).
 */
public final class UpdatesViewModel {

    /** The notes one version publishes (its description, Markdown); empty text when it has none. */
    public record VersionNotes(String version, String markdown) {
    }

    private final Catalog catalog;
    private final TaskExecutor executor;
    private final UpdateSource source;
    private final UpdateLauncher launcher;
    private final Notifier notifier;
    private final Runnable showUpdates;
    private final Clock clock;

    private final ObservableList<UpdateRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper upToDate = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Instant> lastChecked = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<UpdateRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<VersionNotes> notes = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper notesLoading = new ReadOnlyBooleanWrapper();

    /** Updates already announced (release → version), so a periodic check does not repeat its notice. */
    private final Set<String> announced = new HashSet<>();
    private TaskHandle running;
    private TaskHandle notesTask;
    private long generation;

    public UpdatesViewModel(Catalog catalog, TaskExecutor executor, UpdateSource source, UpdateLauncher launcher,
                            Notifier notifier, Runnable showUpdates, Clock clock) {
        this.catalog = catalog;
        this.executor = executor;
        this.source = source;
        this.launcher = launcher;
        this.notifier = notifier;
        this.showUpdates = showUpdates;
        this.clock = clock;
        selected.addListener((obs, old, value) -> loadNotes(value));
    }

    public ObservableList<UpdateRow> rows() {
        return rows;
    }

    /** How many releases can be updated (the badge). */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** How many releases were compared and are current (or come from no configured repository). */
    public ReadOnlyIntegerProperty upToDateProperty() {
        return upToDate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastCheckedProperty() {
        return lastChecked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ObjectProperty<UpdateRow> selectedProperty() {
        return selected;
    }

    public ObservableList<VersionNotes> notes() {
        return notes;
    }

    public ReadOnlyBooleanProperty notesLoadingProperty() {
        return notesLoading.getReadOnlyProperty();
    }

    public boolean canLaunch() {
        return launcher.available();
    }

    /** A cluster was connected (check now) or went away (nothing to show). */
    public void connectionChanged(boolean nowConnected) {
        connected.set(nowConnected);
        generation++;
        if (running != null) {
            running.cancel();
            running = null;
        }
        rows.clear();
        count.set(0);
        upToDate.set(0);
        lastChecked.set(null);
        failure.set(null);
        announced.clear();
        checking.set(false);
        if (nowConnected) {
            check();
        }
    }

    /** Compares installed releases with the catalog, in the background; does nothing while no cluster is connected. */
    public void check() {
        if (!connected.get()) {
            return;
        }
        if (running != null) {
            running.cancel();
        }
        long mine = ++generation;
        checking.set(true);
        running = executor.execute(BackgroundTask.of(context -> compare()).onSuccess(result -> {
            if (mine != generation) {
                return;
            }
            failure.set(null);
            show(result);
        }).onFailure(error -> {
            if (mine == generation) {
                failure.set(error);
            }
        }).onFinished(() -> {
            if (mine == generation) {
                checking.set(false);
                running = null;
            }
        }));
    }

    private record Comparison(List<UpdateRow> updates, int current) {
    }

    private Comparison compare() {
        List<UpdateInfo> all = source.checkUpdates();
        Map<String, Origin> origins = new HashMap<>();
        for (CatalogPackage p : catalog.packages()) {
            origins.putIfAbsent(p.repository(), p.origin());
        }
        List<UpdateRow> updates = new ArrayList<>();
        for (UpdateInfo info : all) {
            if (info.updateAvailable()) {
                updates.add(new UpdateRow(info, info.repository().map(origins::get)));
            }
        }
        updates.sort((a, b) -> a.info().releaseName().compareToIgnoreCase(b.info().releaseName()));
        return new Comparison(updates, all.size() - updates.size());
    }

    private void show(Comparison result) {
        UpdateRow keep = selected.get();
        rows.setAll(result.updates());
        count.set(result.updates().size());
        upToDate.set(result.current());
        lastChecked.set(clock.instant());
        selected.set(keep == null ? null : result.updates().stream().filter(r -> sameRelease(r, keep)).findFirst().orElse(null));
        int fresh = 0;
        for (UpdateRow row : result.updates()) {
            if (announced.add(key(row))) {
                fresh++;
            }
        }
        if (fresh > 0) {
            notifier.notify(Notice.of(Notice.Kind.INFO, "updates.notice.available.title", "updates.notice.available.text",
                    result.updates().size()).withAction("updates.notice.available.show", showUpdates));
        }
    }

    private static boolean sameRelease(UpdateRow a, UpdateRow b) {
        return a.info().releaseName().equals(b.info().releaseName()) && a.info().namespace().equals(b.info().namespace());
    }

    private static String key(UpdateRow row) {
        return row.info().namespace() + "/" + row.info().releaseName() + "@" + row.latest();
    }

    private void loadNotes(UpdateRow row) {
        if (notesTask != null) {
            notesTask.cancel();
            notesTask = null;
        }
        notes.clear();
        notesLoading.set(false);
        if (row == null) {
            return;
        }
        List<String> versions = new ArrayList<>();
        versions.add(row.latest());
        row.saferSameMajor().ifPresent(versions::add);
        notesLoading.set(true);
        notesTask = executor.execute(BackgroundTask.of(context -> {
            List<VersionNotes> read = new ArrayList<>();
            for (String version : versions) {
                String text = catalog.resolve(row.info().repository(), row.info().packageName(), Optional.of(version))
                        .description();
                read.add(new VersionNotes(version, text));
            }
            return read;
        }).onSuccess(read -> {
            if (selected.get() == row) {
                notes.setAll(read);
            }
        }).onFailure(error -> {
            // Missing notes are no reason to interrupt the technician: the pane says there are none.
            if (selected.get() == row) {
                notes.setAll(versions.stream().map(v -> new VersionNotes(v, "")).toList());
            }
        }).onFinished(() -> {
            if (selected.get() == row) {
                notesLoading.set(false);
            }
        }));
    }

    /** Opens the update wizard for one release. */
    public void update(UpdateRow row) {
        if (launcher.available()) {
            launcher.launch(List.of(row.info()));
        }
    }

    /** Opens the update wizard for every listed release, in one run. */
    public void updateAll() {
        if (launcher.available() && !rows.isEmpty()) {
            launcher.launch(rows.stream().map(UpdateRow::info).toList());
        }
    }
}
