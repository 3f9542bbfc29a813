package org.iepmp.app.gui.operation;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.lifecycle.api.ReconciledOperation;
import org.iepmp.lifecycle.api.Reconciliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link EngineSession} of the connected cluster, shared by every view: opened in the
 * background when a cluster is connected (then interrupted operations of an earlier run are
 * reconciled, and what was found is published for a non-blocking notice), closed when it is
 * disconnected or the app exits. A session that finishes opening after its cluster went away
 * is closed at once.
 */
public final class ClusterEngine {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterEngine.class);

    private final BiFunction<ClusterConnection, String, EngineSession> opener;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<EngineSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Reconciliation> recovered = FXCollections.observableArrayList();
    private final ObservableList<ReconciledOperation> recoveredOperations = FXCollections.observableArrayList();

    private ClusterConnection wanted;
    private String wantedId;

    /** @param opener opens a session for a connection and its cluster identity (slow; run in the background) */
    public ClusterEngine(BiFunction<ClusterConnection, String, EngineSession> opener, TaskExecutor executor) {
        this.opener = opener;
        this.executor = executor;
    }

    public ReadOnlyObjectProperty<EngineSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** Why the session could not be opened (shown where operations are offered). */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** What the reconciliation of interrupted operations found at the last opening; the notice clears it. */
    public ObservableList<Reconciliation> recovered() {
        return recovered;
    }

    /** The interrupted operations of the last opening, with their history ids (for the wizard's resume); newest last. */
    public ObservableList<ReconciledOperation> recoveredOperations() {
        return recoveredOperations;
    }

    /** The connected cluster changed: {@code connection} null (or {@code clusterId} null) means none. */
    public void connected(ClusterConnection connection, String clusterId) {
        if (connection == wanted && Objects.equals(clusterId, wantedId)) {
            return;
        }
        wanted = connection;
        wantedId = clusterId;
        closeCurrent();
        failure.set(null);
        if (connection == null || clusterId == null) {
            return;
        }
        executor.execute(BackgroundTask.of(context -> {
            EngineSession opened = opener.apply(connection, clusterId);
            List<ReconciledOperation> found;
            try {
                found = opened.engine().recoverInterrupted();
            } catch (RuntimeException e) {
                // Recovery is best effort: the session is still usable, and the log says why.
                LOG.warn("Reconciling interrupted operations failed", e);
                found = List.of();
            }
            return new Opened(opened, found);
        }).onSuccess(opened -> {
            if (connection != wanted) {
                closeInBackground(opened.session());
                return;
            }
            session.set(opened.session());
            recoveredOperations.setAll(opened.recovered());
            recovered.setAll(opened.recovered().stream().map(ReconciledOperation::reconciliation).toList());
        }).onFailure(error -> {
            if (connection == wanted) {
                failure.set(error);
            }
        }));
    }

    /** At exit. */
    public void close() {
        wanted = null;
        wantedId = null;
        EngineSession current = session.get();
        session.set(null);
        if (current != null) {
            current.close();
        }
    }

    private void closeCurrent() {
        EngineSession current = session.get();
        session.set(null);
        recovered.clear();
        recoveredOperations.clear();
        if (current != null) {
            closeInBackground(current);
        }
    }

    private void closeInBackground(EngineSession old) {
        executor.execute(BackgroundTask.of(context -> {
            old.close();
            return null;
        }).onFailure(error -> LOG.warn("Closing an engine session failed", error)));
    }

    private record Opened(EngineSession session, List<ReconciledOperation> recovered) {
    }
}
