package org.iepmp.app.gui.cluster;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;
import org.iepmp.lifecycle.api.LockHolder;

/**
 * Who holds the connected cluster's operation lock (the in-cluster Lease, or the local lock where
 * the user may not use the Lease), read through the cluster's engine session in the background.
 * Read again when the session changes and after every operation; a newer read replaces an older one.
 */
public final class LockStatusModel {

    /** What the Cluster view shows: not connected, free, held by someone, or not readable. */
    public record LockStatus(boolean known, Optional<LockHolder> holder, Throwable failure) {
        static final LockStatus UNKNOWN = new LockStatus(false, Optional.empty(), null);
    }

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<LockStatus> status = new ReadOnlyObjectWrapper<>(LockStatus.UNKNOWN);
    private EngineSession session;
    private TaskHandle reading;

    public LockStatusModel(TaskExecutor executor) {
        this.executor = executor;
    }

    public ReadOnlyObjectProperty<LockStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void sessionChanged(EngineSession value) {
        session = value;
        refresh();
    }

    public void refresh() {
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
        EngineSession current = session;
        if (current == null) {
            status.set(LockStatus.UNKNOWN);
            return;
        }
        reading = executor.execute(BackgroundTask.of(context -> current.engine().lockHolder())
                .onSuccess(holder -> {
                    if (current == session) {
                        status.set(new LockStatus(true, holder, null));
                    }
                })
                .onFailure(error -> {
                    if (current == session) {
                        status.set(new LockStatus(true, Optional.empty(), error));
                    }
                }));
    }
}
