package org.iepmp.practice.api;

import java.io.IOException;
import java.nio.file.Path;
import org.iepmp.practice.SimulatedCluster;

/**
 * The practice cluster: an in-process simulated Kubernetes API server on 127.0.0.1 with simulated controllers and
 * kubelet, and a kubeconfig (context {@code iepmp-practice}) that real clients — kubectl, the Helm CLI, helm-java,
 * fabric8 — use unchanged.
 *
 * <pre>{@code
 * try (PracticeCluster cluster = PracticeCluster.start(PracticeOptions.defaults())) {
 *     Path kubeconfig = cluster.kubeconfig();
 * }
 * }</pre>
 */
public interface PracticeCluster extends AutoCloseable {

    /** Starts a practice cluster and writes its kubeconfig. */
    static PracticeCluster start(PracticeOptions options) throws IOException {
        return SimulatedCluster.start(options);
    }

    /** Path of the kubeconfig file whose current context is {@code iepmp-practice}. */
    Path kubeconfig();

    /** The kubeconfig context name. */
    String context();

    /** The API server's URL. */
    String url();

    /** The {@code kube-system} namespace UID: the cluster's identity. */
    String clusterUid();

    /** Makes matching API requests fail or slow down (fault injection for tests and training). */
    void injectFault(ApiFault fault);

    /** Removes every injected fault. */
    void clearFaults();

    /** Stops serving; idempotent. */
    void stop();

    @Override
    void close();
}
