package org.iepmp.app.gui.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.TaskHandle;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterConnector;
import org.iepmp.kube.api.ClusterDiscovery;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.NodeFacts;

/**
 * Finds clusters, connects to the chosen one and reads its facts. All cluster work runs as
 * background tasks; a newer request cancels the one it replaces, so a slow server never
 * overwrites a newer answer.
 */
public final class ClusterViewModel {

    /** Long enough for a loaded IPC, short enough that a dead one is reported while the user still waits. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ClusterDiscovery discovery;
    private final ClusterConnector connector;
    private final TaskExecutor executor;
    private final Consumer<String> rememberChoice;
    private final PracticeStarter practice;

    private final ObservableList<ClusterCandidate> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterCandidate> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.NOT_CONNECTED);
    private final ReadOnlyObjectWrapper<ClusterCandidate> connectedCandidate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ClusterConnection> connection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ClusterFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ObservableList<NodeFacts> nodes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();

    private TaskHandle running;

    /** Starts and stops the practice cluster (slow calls; run in the background). */
    public interface PracticeStarter {
        ClusterCandidate start() throws Exception;

        void stop();
    }

    public ClusterViewModel(ClusterDiscovery discovery, ClusterConnector connector, TaskExecutor executor,
                            Consumer<String> rememberChoice, PracticeStarter practice) {
        this.discovery = discovery;
        this.connector = connector;
        this.executor = executor;
        this.rememberChoice = rememberChoice;
        this.practice = practice;
    }

    // --- properties -------------------------------------------------------------------------

    public ObservableList<ClusterCandidate> candidates() {
        return candidates;
    }

    public ObjectProperty<ClusterCandidate> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClusterCandidate> connectedCandidateProperty() {
        return connectedCandidate.getReadOnlyProperty();
    }

    /** The open connection other views work through; {@code null} while not connected. */
    public ReadOnlyObjectProperty<ClusterConnection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClusterFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** True while connected to the practice cluster: the whole window shows the PRACTICE banner. */
    public BooleanBinding practiceProperty() {
        return Bindings.createBooleanBinding(() -> connectedCandidate.get() != null
                && connectedCandidate.get().kind() == ClusterSourceKind.PRACTICE, connectedCandidate);
    }

    public ObservableList<NodeFacts> nodes() {
        return nodes;
    }

    /** The last failure (connection or the selected candidate's own problem), for the view to explain. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return Bindings.createBooleanBinding(
                () -> state.get() == ConnectionState.CONNECTING || state.get() == ConnectionState.SEARCHING, state);
    }

    public BooleanBinding canConnectProperty() {
        return Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().usable() && !busyProperty().get(), selected, state);
    }

    // --- commands ---------------------------------------------------------------------------

    /**
     * Startup: search for clusters, then connect to the explicit one, else the remembered one,
     * else the first usable one. Nothing is connected when nothing usable is found.
     */
    public void start(Optional<String> rememberedId, Optional<Path> explicitKubeconfig, Optional<String> explicitContext,
                      boolean practiceMode) {
        if (practiceMode) {
            startPractice();
            executor.execute(BackgroundTask.of(context -> discovery.discover()).onSuccess(found -> {
                found.stream().filter(c -> !candidates.contains(c)).forEach(candidates::add);
            }));
            return;
        }
        replaceRunning(BackgroundTask.of(context -> {
            List<ClusterCandidate> found = new java.util.ArrayList<>();
            explicitKubeconfig.ifPresent(path -> found.addAll(discovery.fromFile(path, ClusterSourceKind.KUBECONFIG_FILE)));
            found.addAll(discovery.discover());
            return found;
        }).onSuccess(found -> {
            candidates.setAll(found);
            Optional<ClusterCandidate> choice = explicitKubeconfig.isPresent()
                    ? found.stream().filter(c -> c.kind() == ClusterSourceKind.KUBECONFIG_FILE)
                        .filter(c -> explicitContext.map(ctx -> ctx.equals(c.context())).orElse(true)).findFirst()
                    : rememberedId.flatMap(id -> found.stream().filter(c -> c.id().equals(id)).findFirst());
            if (choice.isEmpty()) {
                choice = found.stream().filter(ClusterCandidate::usable).findFirst();
            }
            state.set(ConnectionState.NOT_CONNECTED);
            choice.ifPresentOrElse(candidate -> {
                selected.set(candidate);
                connect();
            }, () -> found.stream().findFirst().ifPresent(c -> {
                selected.set(c);
                c.problem().ifPresent(failure::set);
            }));
        }).onFailure(this::fail), ConnectionState.SEARCHING);
    }

    /** Searches again, keeping the current connection. */
    public void rediscover() {
        ClusterCandidate keep = selected.get();
        ConnectionState before = state.get();
        replaceRunning(BackgroundTask.of(context -> discovery.discover()).onSuccess(found -> {
            List<ClusterCandidate> merged = new java.util.ArrayList<>(found);
            candidates.stream().filter(c -> c.kind() == ClusterSourceKind.KUBECONFIG_FILE
                    || c.kind() == ClusterSourceKind.PRACTICE).filter(c -> !merged.contains(c)).forEach(merged::add);
            candidates.setAll(merged);
            selected.set(keep != null && merged.contains(keep) ? keep : merged.stream().findFirst().orElse(null));
            state.set(before == ConnectionState.CONNECTED && connection.get() != null
                    ? ConnectionState.CONNECTED : ConnectionState.NOT_CONNECTED);
        }).onFailure(this::fail), ConnectionState.SEARCHING);
    }

    /** Adds the contexts of a kubeconfig file the user picked and selects the first. */
    public void addKubeconfig(Path file) {
        replaceRunning(BackgroundTask.of(context -> discovery.fromFile(file, ClusterSourceKind.KUBECONFIG_FILE))
                .onSuccess(found -> {
                    candidates.removeIf(c -> c.kubeconfig().equals(file));
                    candidates.addAll(0, found);
                    state.set(connection.get() != null ? ConnectionState.CONNECTED : ConnectionState.NOT_CONNECTED);
                    if (!found.isEmpty()) {
                        select(found.get(0));
                    }
                }).onFailure(this::fail), ConnectionState.SEARCHING);
    }

    /** "Try practice mode": starts the simulated cluster and connects to it. */
    public void startPractice() {
        replaceRunning(BackgroundTask.of(context -> practice.start()).onSuccess(this::connectTo)
                .onFailure(this::fail), ConnectionState.CONNECTING);
    }

    /** Leaves practice mode: disconnects and stops the simulated cluster. */
    public void leavePractice() {
        disconnect();
        candidates.removeIf(c -> c.kind() == ClusterSourceKind.PRACTICE);
        executor.execute(BackgroundTask.of(context -> {
            practice.stop();
            return null;
        }));
    }

    /** Adds a candidate made elsewhere (practice mode) and connects to it. */
    public void connectTo(ClusterCandidate candidate) {
        candidates.remove(candidate);
        candidates.add(0, candidate);
        selected.set(candidate);
        connect();
    }

    public void select(ClusterCandidate candidate) {
        selected.set(candidate);
        failure.set(candidate == null ? null : candidate.problem().orElse(null));
    }

    public void connect() {
        ClusterCandidate candidate = selected.get();
        if (candidate == null) {
            return;
        }
        if (candidate.problem().isPresent()) {
            failure.set(candidate.problem().get());
            state.set(ConnectionState.FAILED);
            return;
        }
        failure.set(null);
        replaceRunning(BackgroundTask.of(context -> {
            ClusterConnection opened = connector.connect(candidate, CONNECT_TIMEOUT);
            try {
                return new Connected(opened, opened.facts());
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }).onSuccess(result -> {
            closeConnection();
            connection.set(result.connection());
            connectedCandidate.set(candidate);
            showFacts(result.facts());
            state.set(ConnectionState.CONNECTED);
            rememberChoice.accept(candidate.id());
        }).onFailure(this::fail), ConnectionState.CONNECTING);
    }

    /** Reads nodes and versions again over the open connection. */
    public void refreshFacts() {
        ClusterConnection open = connection.get();
        if (open == null) {
            return;
        }
        replaceRunning(BackgroundTask.of(context -> open.facts()).onSuccess(read -> {
            showFacts(read);
            state.set(ConnectionState.CONNECTED);
        }).onFailure(this::fail), ConnectionState.CONNECTING);
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
        }
        state.set(connection.get() != null ? ConnectionState.CONNECTED : ConnectionState.NOT_CONNECTED);
    }

    public void disconnect() {
        cancel();
        closeConnection();
        facts.set(null);
        nodes.clear();
        connectedCandidate.set(null);
        state.set(ConnectionState.NOT_CONNECTED);
    }

    /** At application exit. */
    public void close() {
        if (running != null) {
            running.cancel();
        }
        closeConnection();
    }

    private record Connected(ClusterConnection connection, ClusterFacts facts) {
    }

    private <T> void replaceRunning(BackgroundTask<T> task, ConnectionState during) {
        if (running != null) {
            running.cancel();
        }
        state.set(during);
        running = executor.execute(task);
    }

    private void showFacts(ClusterFacts read) {
        facts.set(read);
        nodes.setAll(read.nodes());
    }

    private void fail(Throwable error) {
        // A failed refresh keeps the open connection (the next refresh may succeed) but says so.
        failure.set(error);
        state.set(ConnectionState.FAILED);
    }

    private void closeConnection() {
        ClusterConnection open = connection.get();
        if (open != null) {
            connection.set(null);
            // Closing a fabric8 client can block on its HTTP pool; never on the FX thread.
            executor.execute(BackgroundTask.of(context -> {
                open.close();
                return null;
            }).onFailure(error -> { }));
        }
    }
}
