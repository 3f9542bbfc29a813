package org.iepmp.kube.api;

import java.util.List;

/**
 * What an apply did: the objects applied (now the inventory), those pruned because the new
 * version no longer has them, and namespaces that had to be created (not part of the inventory,
 * so uninstalling never removes a namespace the package did not itself declare).
 */
public record ManifestResult(List<ObjectRef> applied, List<ObjectRef> pruned, List<String> createdNamespaces) {

    public ManifestResult {
        applied = List.copyOf(applied);
        pruned = List.copyOf(pruned);
        createdNamespaces = List.copyOf(createdNamespaces);
    }
}
