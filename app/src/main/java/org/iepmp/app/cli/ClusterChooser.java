package org.iepmp.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterDiscovery;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;

/**
 * Which cluster a command talks to: the running practice cluster ({@code --practice}), a context of
 * an explicit kubeconfig ({@code --kubeconfig}, {@code --context}), or the first usable one found on
 * this machine (MicroK8s, k3s, KUBECONFIG, ~/.kube/config) — the same order the window uses.
 */
final class ClusterChooser {

    private final ClusterDiscovery discovery;
    private final PracticeProcess practice;

    ClusterChooser(ClusterDiscovery discovery, PracticeProcess practice) {
        this.discovery = discovery;
        this.practice = practice;
    }

    ClusterCandidate choose(boolean usePractice, Path kubeconfig, String context) {
        List<ClusterCandidate> candidates;
        String source;
        if (usePractice) {
            Path file = practice.running().map(PracticeProcess.State::kubeconfig)
                    .orElseThrow(() -> CliException.failure("cli.practice.notRunning", "cli.practice.notRunning.hint"));
            candidates = discovery.fromFile(file, ClusterSourceKind.PRACTICE);
            source = file.toString();
        } else if (kubeconfig != null) {
            candidates = discovery.fromFile(kubeconfig, ClusterSourceKind.KUBECONFIG_FILE);
            source = kubeconfig.toString();
        } else {
            candidates = discovery.discover();
            source = "";
        }
        Optional<KubeException> firstProblem = candidates.stream().flatMap(c -> c.problem().stream()).findFirst();
        List<ClusterCandidate> usable = candidates.stream().filter(ClusterCandidate::usable).toList();
        if (context != null) {
            usable = usable.stream().filter(c -> c.context().equals(context)).toList();
            if (usable.isEmpty() && firstProblem.isEmpty()) {
                throw new KubeException(KubeErrorCode.CONTEXT_NOT_FOUND, "no context " + context, context,
                        source.isEmpty() ? "kubeconfig" : source);
            }
        }
        if (!usable.isEmpty()) {
            return usable.get(0);
        }
        if (firstProblem.isPresent()) {
            throw firstProblem.get();
        }
        throw CliException.failure("cli.cluster.noneFound", "cli.cluster.noneFound.hint");
    }
}
