package org.iepmp.lifecycle.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.ReleaseHealthReader;
import org.iepmp.kube.cluster.Fabric8ClusterConnection;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.kube.drivers.Fabric8ClusterDrivers;
import org.iepmp.practice.api.FailureMode;
import org.iepmp.practice.api.FailureScript;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;

/**
 * The practice cluster with the real kube-adapter on it: its connection and drivers (helm-java,
 * fabric8 health, preflight facts, release repair). Pods become ready after 150 ms; the image of line-app 2.0.0 crash-loops.
 */
final class PracticeSite implements AutoCloseable {

    final PracticeCluster cluster;
    final Fabric8ClusterConnection connection;
    final ClusterDrivers drivers;
    final HelmDriver helm;
    final ReleaseHealthReader health;

    PracticeSite(Path dir) throws IOException {
        cluster = PracticeCluster.start(PracticeOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withReadinessDelay(Duration.ofMillis(150))
                .withFailure(FailureScript.forImage("2.0.0-broken", FailureMode.CRASH_LOOP,
                        "line-app 2.0.0 starting", "FATAL: config schema v2 not found")));
        ClusterCandidate candidate = new ClusterCandidate(ClusterSourceKind.PRACTICE, cluster.kubeconfig(), cluster.context(),
                cluster.url(), Optional.empty());
        connection = (Fabric8ClusterConnection) new Fabric8ClusterConnector(Clock.systemUTC()).connect(candidate, Duration.ofSeconds(20));
        drivers = Fabric8ClusterDrivers.open(connection, Files.createDirectories(dir.resolve("helm-tmp")), Clock.systemUTC());
        helm = drivers.helm();
        health = drivers.health();
    }

    ClusterAccess access() {
        return ClusterAccess.of(cluster.clusterUid(), connection, drivers);
    }

    @Override
    public void close() {
        drivers.close();
        connection.close();
        cluster.close();
    }
}
