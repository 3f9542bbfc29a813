package org.iepmp.app.gui.operation;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.LifecycleEngine;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.Reason;

/**
 * The update wizard's Choose page: plans each chosen version in the background (once per version)
 * to tell what it would add, change and remove, with the current values carried over. A late
 * answer for a version no longer chosen is kept for later but not shown.
 */
final class ResourcePreviews {

    private final OperationSpec spec;
    private final LifecycleEngine engine;
    private final TaskExecutor executor;
    private final Actor actor;
    private final ObservableValue<UpgradeChoice> chosen;
    private final ReadOnlyObjectWrapper<ResourcePreview> current = new ReadOnlyObjectWrapper<>();
    private final Map<String, ResourcePreview> byVersion = new HashMap<>();

    ResourcePreviews(OperationSpec spec, LifecycleEngine engine, TaskExecutor executor, Actor actor,
                     ObservableValue<UpgradeChoice> chosen) {
        this.spec = spec;
        this.engine = engine;
        this.executor = executor;
        this.actor = actor;
        this.chosen = chosen;
    }

    /** The chosen version's preview; null before a choice. */
    ReadOnlyObjectProperty<ResourcePreview> current() {
        return current.getReadOnlyProperty();
    }

    void preview(UpgradeChoice choice) {
        if (choice == null) {
            current.set(null);
            return;
        }
        String version = choice.version();
        ResourcePreview known = byVersion.get(version);
        if (known != null) {
            current.set(known);
            return;
        }
        ResourcePreview checking = ResourcePreview.checking(version);
        byVersion.put(version, checking);
        current.set(checking);
        OperationRequest request = new OperationRequest(spec.action(), spec.packageName(), version, spec.releaseName(), spec.namespace(),
                spec.upgrade().currentValues(), null, actor, new Reason("", null));
        executor.execute(BackgroundTask.of(context -> ResourcePreview.of(version, engine.plan(request))).onSuccess(found -> {
            byVersion.put(version, found);
            show(found);
        }).onFailure(error -> {
            // The review page plans again and shows the error there; here the hint just stays general.
            ResourcePreview unknown = ResourcePreview.unknown(version);
            byVersion.put(version, unknown);
            show(unknown);
        }));
    }

    private void show(ResourcePreview found) {
        if (chosen.getValue() != null && chosen.getValue().version().equals(found.version())) {
            current.set(found);
        }
    }
}
