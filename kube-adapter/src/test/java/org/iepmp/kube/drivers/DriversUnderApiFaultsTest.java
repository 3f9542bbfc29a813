package org.iepmp.kube.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ManifestRequest;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.practice.api.ApiFault;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drivers when the practice cluster's API misbehaves in the middle of an operation (scripted faults). */
class DriversUnderApiFaultsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}\n";

    @TempDir
    static Path dir;
    private static PracticeCluster cluster;
    private static ClusterConnection connection;
    private static ClusterDrivers drivers;
    private static Path chart;

    @BeforeAll
    static void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("kubeconfig")));
        connection = new Fabric8ClusterConnector(Clock.systemUTC()).connect(new ClusterCandidate(ClusterSourceKind.PRACTICE,
                cluster.kubeconfig(), cluster.context(), cluster.url(), Optional.empty()), Duration.ofSeconds(20));
        drivers = Fabric8ClusterDrivers.open(connection, Files.createDirectories(dir.resolve("tmp")), Clock.systemUTC());
        chart = Path.of(DriversUnderApiFaultsTest.class.getResource("/charts/hello/Chart.yaml").toURI()).getParent();
    }

    @AfterAll
    static void stop() {
        if (drivers != null) {
            drivers.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
    }

    @AfterEach
    void clear() {
        cluster.clearFaults();
    }

    @Test
    void helmMayReadButNotWriteReleaseRecordsIsForbidden() {
        cluster.injectFault(ApiFault.status("POST", "/secrets", 403, "Forbidden", 5));
        expect(() -> drivers.helm().install(InstallRequest.of(chart, "no-rights", "plant", HelmValues.NONE, TIMEOUT)),
                KubeErrorCode.FORBIDDEN);
    }

    @Test
    void concurrentChangeOfTheReleaseRecordIsAConflict() {
        drivers.helm().install(InstallRequest.of(chart, "contested", "plant", HelmValues.NONE, TIMEOUT));
        cluster.injectFault(ApiFault.status("PUT", "/secrets/sh.helm.release.v1.contested", 409, "Conflict", 5));
        expect(() -> drivers.helm().upgrade(InstallRequest.of(chart, "contested", "plant", HelmValues.NONE, TIMEOUT)),
                KubeErrorCode.CONFLICT);
    }

    @Test
    void manifestApplyMeetingAConflictOrServerErrorIsTyped() {
        cluster.injectFault(ApiFault.status("PATCH", "/configmaps/settings", 409, "Conflict", 1));
        expect(() -> drivers.manifests().apply(new ManifestRequest("settings", "1", "plant", List.of(CONFIG_MAP), List.of(),
                TIMEOUT)), KubeErrorCode.CONFLICT);
        cluster.injectFault(ApiFault.status("PATCH", "/configmaps/settings", 500, "InternalError", 1));
        expect(() -> drivers.manifests().apply(new ManifestRequest("settings", "1", "plant", List.of(CONFIG_MAP), List.of(),
                TIMEOUT)), KubeErrorCode.SERVER_ERROR);
        // Once the server behaves again the same package applies, and the inventory knows the object.
        drivers.manifests().apply(new ManifestRequest("settings", "1", "plant", List.of(CONFIG_MAP), List.of(), TIMEOUT));
        assertThat(drivers.manifests().inventory("settings", "plant", TIMEOUT)).hasSize(1);
    }

    @Test
    void slowServerIsATimeoutWithinTheCallersBudget() {
        cluster.injectFault(ApiFault.slow("GET", "/events", Duration.ofSeconds(6), 5));
        expect(() -> drivers.health().health("anything", "plant", Duration.ofSeconds(2)), KubeErrorCode.TIMEOUT);
        cluster.injectFault(ApiFault.slow("GET", "/secrets", Duration.ofSeconds(6), 5));
        expect(() -> drivers.helm().list(Duration.ofSeconds(2)), KubeErrorCode.TIMEOUT);
    }

    private static void expect(ThrowingCallable call, KubeErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KubeException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }
}
