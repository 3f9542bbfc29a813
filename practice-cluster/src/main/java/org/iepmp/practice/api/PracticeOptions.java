package org.iepmp.practice.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a practice cluster behaves.
 *
 * @param kubeconfig where to write the kubeconfig; null for a temporary file deleted on stop
 * @param readinessDelay how long a scheduled pod takes to become Running and Ready
 * @param failures scripted failures by image or label
 * @param nodes the simulated nodes
 * @param tls HTTPS material, or null to serve plain HTTP on loopback
 */
public record PracticeOptions(Path kubeconfig, Duration readinessDelay, List<FailureScript> failures,
        List<SimulatedNode> nodes, PracticeTls tls) {

    public PracticeOptions {
        failures = List.copyOf(failures);
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a practice cluster needs at least one node");
        }
    }

    /**
     * One IPC node, pods ready after 300 ms, the practice catalog's scripted failure (line-monitor 1.2.0 crash-loops),
     * plain HTTP on loopback (tests add HTTPS with {@link #withTls}), temporary kubeconfig.
     */
    public static PracticeOptions defaults() {
        return new PracticeOptions(null, Duration.ofMillis(300), PracticeCatalog.failureScripts(),
                List.of(SimulatedNode.ipc01()), null);
    }

    public PracticeOptions withKubeconfig(Path path) {
        return new PracticeOptions(path, readinessDelay, failures, nodes, tls);
    }

    public PracticeOptions withReadinessDelay(Duration delay) {
        return new PracticeOptions(kubeconfig, delay, failures, nodes, tls);
    }

    public PracticeOptions withFailure(FailureScript script) {
        List<FailureScript> more = new ArrayList<>(failures);
        more.add(script);
        return new PracticeOptions(kubeconfig, readinessDelay, more, nodes, tls);
    }

    public PracticeOptions withNodes(List<SimulatedNode> newNodes) {
        return new PracticeOptions(kubeconfig, readinessDelay, failures, newNodes, tls);
    }

    public PracticeOptions withTls(PracticeTls useTls) {
        return new PracticeOptions(kubeconfig, readinessDelay, failures, nodes, useTls);
    }
}
