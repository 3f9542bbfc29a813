package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iepmp.app.gui.cluster.ClusterViewModel;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterConnector;
import org.iepmp.kube.api.ClusterDiscovery;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.NodeFacts;
import org.junit.jupiter.api.Test;

/** The cluster view model without a stage: discovery and connection are plain test doubles. */
class ClusterViewModelTest {

    private final ClusterCandidate microk8s = candidate(ClusterSourceKind.MICROK8S, "microk8s", Optional.empty());
    private final ClusterCandidate home = candidate(ClusterSourceKind.KUBECONFIG_HOME, "plant", Optional.empty());
    private final ClusterCandidate broken = candidate(ClusterSourceKind.MICROK8S, "",
            Optional.of(new KubeException(KubeErrorCode.MICROK8S_GROUP, "unreadable", "/var/snap", "ops")));

    private final List<String> remembered = new ArrayList<>();
    private final List<Throwable> unhandled = new ArrayList<>();
    private final FakeConnector connector = new FakeConnector();
    private final ClusterCandidate practiceCandidate = candidate(ClusterSourceKind.PRACTICE, "iepmp-practice", Optional.empty());
    private int practiceStarts;
    private int practiceStops;

    private ClusterViewModel model(List<ClusterCandidate> found) {
        ClusterDiscovery discovery = new ClusterDiscovery() {
            @Override
            public List<ClusterCandidate> discover() {
                return found;
            }

            @Override
            public List<ClusterCandidate> fromFile(Path kubeconfig, ClusterSourceKind kind) {
                return List.of(new ClusterCandidate(kind, kubeconfig, "picked", "https://10.0.0.9:16443", Optional.empty()));
            }
        };
        return new ClusterViewModel(discovery, connector, new DirectTaskExecutor(unhandled::add), remembered::add,
                new ClusterViewModel.PracticeStarter() {
                    @Override
                    public ClusterCandidate start() {
                        practiceStarts++;
                        return practiceCandidate;
                    }

                    @Override
                    public void stop() {
                        practiceStops++;
                    }
                });
    }

    @Test
    void startConnectsToTheRememberedCandidate() {
        ClusterViewModel model = model(List.of(microk8s, home));
        model.start(Optional.of(home.id()), Optional.empty(), Optional.empty(), false);
        assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(model.connectedCandidateProperty().get()).isEqualTo(home);
        assertThat(model.nodes()).extracting(NodeFacts::name).containsExactly("ipc-01");
        assertThat(remembered).containsExactly(home.id());
        assertThat(unhandled).isEmpty();
    }

    @Test
    void startFallsBackToTheFirstUsableCandidate() {
        ClusterViewModel model = model(List.of(broken, home));
        model.start(Optional.of("gone"), Optional.empty(), Optional.empty(), false);
        assertThat(model.connectedCandidateProperty().get()).isEqualTo(home);
    }

    @Test
    void aCandidateWithAProblemIsExplainedNotConnected() {
        ClusterViewModel model = model(List.of(broken));
        model.start(Optional.empty(), Optional.empty(), Optional.empty(), false);
        assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.NOT_CONNECTED);
        assertThat(model.failureProperty().get()).isInstanceOf(KubeException.class);
        assertThat(((KubeException) model.failureProperty().get()).code()).isEqualTo(KubeErrorCode.MICROK8S_GROUP);
        assertThat(model.canConnectProperty().get()).isFalse();
        assertThat(connector.attempts).isZero();
    }

    @Test
    void connectionFailureIsKeptForTheViewAndNothingIsRemembered() {
        connector.failWith = new KubeException(KubeErrorCode.UNREACHABLE, "down", "https://127.0.0.1:16443");
        ClusterViewModel model = model(List.of(microk8s));
        model.start(Optional.empty(), Optional.empty(), Optional.empty(), false);
        assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(model.failureProperty().get()).isSameAs(connector.failWith);
        assertThat(model.connectionProperty().get()).isNull();
        assertThat(remembered).isEmpty();
    }

    @Test
    void explicitKubeconfigWinsOverDiscovery() {
        ClusterViewModel model = model(List.of(microk8s));
        model.start(Optional.of(microk8s.id()), Optional.of(Path.of("/tmp/ipc.yaml")), Optional.of("picked"), false);
        assertThat(model.connectedCandidateProperty().get().kind()).isEqualTo(ClusterSourceKind.KUBECONFIG_FILE);
        assertThat(model.candidates()).hasSize(2);
    }

    @Test
    void reconnectingClosesThePreviousConnection() {
        ClusterViewModel model = model(List.of(microk8s, home));
        model.start(Optional.empty(), Optional.empty(), Optional.empty(), false);
        FakeConnection first = connector.opened.get(0);
        model.select(home);
        model.connect();
        assertThat(first.closed).isTrue();
        assertThat(model.connectedCandidateProperty().get()).isEqualTo(home);
        model.disconnect();
        assertThat(connector.opened.get(1).closed).isTrue();
        assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.NOT_CONNECTED);
        assertThat(model.nodes()).isEmpty();
    }

    @Test
    void practiceModeConnectsToTheSimulatedClusterAndLeavesCleanly() {
        ClusterViewModel model = model(List.of(home));
        model.start(Optional.of(home.id()), Optional.empty(), Optional.empty(), true);
        assertThat(practiceStarts).isEqualTo(1);
        assertThat(model.connectedCandidateProperty().get()).isEqualTo(practiceCandidate);
        assertThat(model.practiceProperty().get()).isTrue();
        assertThat(model.candidates()).contains(practiceCandidate, home);
        model.leavePractice();
        assertThat(practiceStops).isEqualTo(1);
        assertThat(model.practiceProperty().get()).isFalse();
        assertThat(model.candidates()).doesNotContain(practiceCandidate);
    }

    private static ClusterCandidate candidate(ClusterSourceKind kind, String context, Optional<KubeException> problem) {
        return new ClusterCandidate(kind, Path.of("/etc/" + kind + ".yaml"), context, "https://127.0.0.1:16443", problem);
    }

    private static final class FakeConnector implements ClusterConnector {
        int attempts;
        KubeException failWith;
        final List<FakeConnection> opened = new ArrayList<>();

        @Override
        public ClusterConnection connect(ClusterCandidate candidate, Duration timeout) {
            attempts++;
            if (failWith != null) {
                throw failWith;
            }
            FakeConnection connection = new FakeConnection(candidate);
            opened.add(connection);
            return connection;
        }
    }

    private static final class FakeConnection implements ClusterConnection {
        final ClusterCandidate candidate;
        boolean closed;

        FakeConnection(ClusterCandidate candidate) {
            this.candidate = candidate;
        }

        @Override
        public ClusterCandidate candidate() {
            return candidate;
        }

        @Override
        public ClusterFacts facts() {
            return new ClusterFacts("v1.31.4", "linux/amd64", "uid-1",
                    List.of(new NodeFacts("ipc-01", true, "", List.of(), "v1.31.4", "Ubuntu", 4000, 3800,
                            8L << 30, 7L << 30, false, false)),
                    Instant.now(), Optional.of(Duration.ofSeconds(1)));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
