package org.iepmp.kube.api;

import java.nio.file.Path;
import java.util.List;

/** Finds the clusters this machine can reach: MicroK8s, k3s, KUBECONFIG and ~/.kube/config contexts. */
public interface ClusterDiscovery {

    /** Every candidate found, usable ones first in the order MicroK8s, k3s, KUBECONFIG, ~/.kube/config. */
    List<ClusterCandidate> discover();

    /** The contexts of one explicitly chosen kubeconfig file (never throws: problems are carried by the candidate). */
    List<ClusterCandidate> fromFile(Path kubeconfig, ClusterSourceKind kind);
}
