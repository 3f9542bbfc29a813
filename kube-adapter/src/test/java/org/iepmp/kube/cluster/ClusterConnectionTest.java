package org.iepmp.kube.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.NodeFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConnectionTest {

    @TempDir
    Path home;

    private MockApiServer server;
    private final Fabric8ClusterConnector connector = new Fabric8ClusterConnector(Clock.systemUTC());

    @BeforeEach
    void start() {
        server = new MockApiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DiscoveryLocations locations() {
        return new DiscoveryLocations(home.resolve("microk8s/client.config"), home.resolve("k3s/k3s.yaml"),
                List.of(), home.resolve(".kube/config"));
    }

    @Test
    void discoversKubeconfigContextsAndReadsFacts() throws IOException {
        server.writeKubeconfig(home.resolve(".kube/config"), "plant-ipc");
        List<ClusterCandidate> found = new KubeconfigDiscovery(locations()).discover();
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ClusterSourceKind.KUBECONFIG_HOME);
            assertThat(c.context()).isEqualTo("plant-ipc");
            assertThat(c.server()).isEqualTo(server.url());
            assertThat(c.usable()).isTrue();
        });
        try (ClusterConnection connection = connector.connect(found.get(0), Duration.ofSeconds(5))) {
            ClusterFacts facts = connection.facts();
            assertThat(facts.serverVersion()).isEqualTo("v1.31.4");
            assertThat(facts.identity()).isEqualTo(server.kubeSystemUid()).isNotBlank();
            assertThat(facts.nodes()).extracting(NodeFacts::name).containsExactlyInAnyOrder("ipc-01", "ipc-02");
            assertThat(facts.readyNodes()).isEqualTo(1);
            NodeFacts ipc01 = facts.nodes().stream().filter(n -> n.name().equals("ipc-01")).findFirst().orElseThrow();
            assertThat(ipc01.cpuCapacityMillis()).isEqualTo(4000);
            assertThat(ipc01.cpuAllocatableMillis()).isEqualTo(3800);
            assertThat(ipc01.memoryCapacityBytes()).isEqualTo(8L * 1024 * 1024 * 1024);
            assertThat(ipc01.roles()).containsExactly("control-plane");
            NodeFacts ipc02 = facts.nodes().stream().filter(n -> n.name().equals("ipc-02")).findFirst().orElseThrow();
            assertThat(ipc02.ready()).isFalse();
            assertThat(ipc02.readyMessage()).contains("stopped posting");
            // The mock server sends a Date header, so skew is measured (and tiny on one machine).
            assertThat(facts.clockSkew()).hasValueSatisfying(skew -> assertThat(skew.abs()).isLessThan(Duration.ofSeconds(5)));
            assertThat(facts.clockSkewTooLarge()).isFalse();
        }
    }

    @Test
    void unreadableMicrok8sConfigExplainsTheGroup() throws IOException {
        Path microk8s = server.writeKubeconfig(home.resolve("microk8s/client.config"), "microk8s");
        Files.setPosixFilePermissions(microk8s, PosixFilePermissions.fromString("---------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(microk8s),
                "running as root: every file is readable, the group case cannot be reproduced");
        List<ClusterCandidate> found = new KubeconfigDiscovery(locations()).discover();
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.usable()).isFalse();
            assertThat(c.problem()).get().extracting(KubeException::code).isEqualTo(KubeErrorCode.MICROK8S_GROUP);
        });
    }

    @Test
    void unreadableFileIsReportedForMicrok8sAsGroupProblem() {
        // Root can read everything, so check the classification directly on a path that cannot be read.
        Path missingDir = home.resolve("no-such-dir/client.config");
        List<ClusterCandidate> found = new KubeconfigDiscovery(locations())
                .fromFile(missingDir, ClusterSourceKind.MICROK8S);
        assertThat(found).singleElement().satisfies(c ->
                assertThat(c.problem()).get().extracting(KubeException::code).isEqualTo(KubeErrorCode.KUBECONFIG_NOT_FOUND));
    }

    @Test
    void brokenKubeconfigIsACandidateWithAProblemNotACrash() throws IOException {
        Path file = home.resolve(".kube/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "this: is: not: yaml: [");
        List<ClusterCandidate> found = new KubeconfigDiscovery(locations()).discover();
        assertThat(found).singleElement().satisfies(c ->
                assertThat(c.problem()).get().extracting(KubeException::code).isEqualTo(KubeErrorCode.KUBECONFIG_INVALID));
    }

    @Test
    void kubeconfigEnvironmentVariableListsSeveralFiles() throws IOException {
        Path a = server.writeKubeconfig(home.resolve("a.yaml"), "line-a");
        Path b = server.writeKubeconfig(home.resolve("b.yaml"), "line-b");
        DiscoveryLocations fromEnv = DiscoveryLocations.fromEnvironment(
                Map.of("KUBECONFIG", a + java.io.File.pathSeparator + b), home);
        List<ClusterCandidate> found = new KubeconfigDiscovery(fromEnv).discover();
        assertThat(found).extracting(ClusterCandidate::context).contains("line-a", "line-b");
        assertThat(found).allMatch(c -> c.kind() == ClusterSourceKind.KUBECONFIG_ENV || c.kind() == ClusterSourceKind.MICROK8S
                || c.kind() == ClusterSourceKind.K3S || c.kind() == ClusterSourceKind.KUBECONFIG_HOME);
    }

    @Test
    void unreachableServerIsATypedErrorWithinTheTimeout() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        ClusterCandidate dead = new ClusterCandidate(ClusterSourceKind.KUBECONFIG_FILE,
                writeKubeconfigFor("http://127.0.0.1:" + freePort), "dead", "http://127.0.0.1:" + freePort, Optional.empty());
        assertThatThrownBy(() -> connector.connect(dead, Duration.ofSeconds(3)))
                .isInstanceOf(KubeException.class)
                .extracting(e -> ((KubeException) e).code())
                .isEqualTo(KubeErrorCode.UNREACHABLE);
    }

    @Test
    void serverThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            ClusterCandidate stuck = new ClusterCandidate(ClusterSourceKind.KUBECONFIG_FILE, writeKubeconfigFor(url),
                    "dead", url, Optional.empty());
            assertThatThrownBy(() -> connector.connect(stuck, Duration.ofMillis(800)))
                    .isInstanceOf(KubeException.class)
                    .extracting(e -> ((KubeException) e).code())
                    .isIn(KubeErrorCode.TIMEOUT, KubeErrorCode.UNREACHABLE);
        }
    }

    private Path writeKubeconfigFor(String url) throws IOException {
        Path file = home.resolve("dead.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "%s"}}]
                contexts: [{name: dead, context: {cluster: c, user: u}}]
                current-context: dead
                users: [{name: u, user: {token: x}}]
                """.formatted(url));
        return file;
    }
}
