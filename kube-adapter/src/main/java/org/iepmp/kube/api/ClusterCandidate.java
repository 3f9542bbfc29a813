package org.iepmp.kube.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One cluster the console could connect to: a kubeconfig file and a context in it.
 * {@code server} is the API URL only (never credentials), safe to show and log.
 * A candidate with a {@code problem} is shown with its explanation and cannot be connected.
 */
public record ClusterCandidate(
        ClusterSourceKind kind,
        Path kubeconfig,
        String context,
        String server,
        Optional<KubeException> problem) {

    public ClusterCandidate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        problem = problem == null ? Optional.empty() : problem;
        context = context == null ? "" : context;
        server = server == null ? "" : server;
    }

    /** Stable identity for remembering the user's choice between runs. */
    public String id() {
        return kind + "|" + kubeconfig.toAbsolutePath().normalize() + "|" + context;
    }

    public boolean usable() {
        return problem.isEmpty();
    }
}
