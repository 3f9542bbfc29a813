package org.iepmp.lifecycle.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.cluster.Fabric8ClusterConnection;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.kube.health.Fabric8ReleaseHealth;
import org.iepmp.kube.helm.HelmJavaDriver;
import org.iepmp.kube.practice.FailureMode;
import org.iepmp.kube.practice.FailureScript;
import org.iepmp.kube.practice.PracticeCluster;
import org.iepmp.kube.practice.PracticeOptions;
import org.iepmp.lifecycle.engine.kube.Fabric8NodeImages;
import org.iepmp.lifecycle.engine.kube.HelmSecretsPendingClearer;

/**
 * The practice cluster with the real kube-adapter on it: helm-java driver, fabric8 health reader,
 * connection. Pods become ready after 150 ms; the image of line-app 2.0.0 crash-loops.
 */
final class PracticeSite implements AutoCloseable {

    final PracticeCluster cluster;
    final HelmJavaDriver helm;
    final Fabric8ClusterConnection connection;
    final Fabric8ReleaseHealth health;

    PracticeSite(Path dir) throws IOException {
        cluster = PracticeCluster.start(PracticeOptions.defaults()
                .withKubeconfig(dir.resolve("kubeconfig"))
                .withReadinessDelay(Duration.ofMillis(150))
                .withFailure(FailureScript.forImage("2.0.0-broken", FailureMode.CRASH_LOOP,
                        "line-app 2.0.0 starting", "FATAL: config schema v2 not found")));
        ClusterCandidate candidate = new ClusterCandidate(ClusterSourceKind.PRACTICE, cluster.kubeconfig(), cluster.context(),
                cluster.url(), Optional.empty());
        helm = new HelmJavaDriver(candidate, Files.createDirectories(dir.resolve("helm-tmp")));
        connection = (Fabric8ClusterConnection) new Fabric8ClusterConnector(Clock.systemUTC()).connect(candidate, Duration.ofSeconds(20));
        health = new Fabric8ReleaseHealth(connection.client(), cluster.url(), Clock.systemUTC(), Duration.ofMillis(150), 5,
                (release, namespace) -> List.of());
    }

    ClusterAccess access() {
        return new ClusterAccess(cluster.clusterUid(), connection, helm, health, new Fabric8NodeImages(connection.client()),
                new HelmSecretsPendingClearer(connection.client()));
    }

    @Override
    public void close() {
        health.close();
        connection.close();
        helm.close();
        cluster.close();
    }
}
