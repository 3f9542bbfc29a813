package org.iepmp.app.practice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;

/**
 * Practice mode: a simulated cluster inside the app, for training technicians without touching
 * the IPC. At most one runs; it stops when the user leaves practice mode or the app exits.
 */
public final class PracticeMode implements AutoCloseable {

    private final Path workDir;
    private final PracticeOptions options;
    private PracticeCluster cluster;

    public PracticeMode(Path workDir, PracticeOptions options) {
        this.workDir = workDir;
        this.options = options;
    }

    /** Starts the practice cluster (or returns the running one) as a connectable candidate. Slow: not on the FX thread. */
    public synchronized ClusterCandidate start() throws IOException {
        if (cluster == null) {
            cluster = PracticeCluster.start(options.withKubeconfig(workDir.resolve("practice-kubeconfig.yaml")));
        }
        return new ClusterCandidate(ClusterSourceKind.PRACTICE, cluster.kubeconfig(), cluster.context(), cluster.url(),
                Optional.empty());
    }

    public synchronized boolean running() {
        return cluster != null;
    }

    public synchronized void stop() {
        if (cluster != null) {
            cluster.stop();
            cluster = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
