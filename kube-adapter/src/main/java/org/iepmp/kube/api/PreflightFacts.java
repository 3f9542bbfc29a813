package org.iepmp.kube.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Cluster facts the preflight checks need beyond {@link ClusterFacts} (nodes, version, clock
 * skew): free resources per node, images already present, permissions, and Glasskube. Every call
 * is bounded by its timeout and throws {@link KubeException}.
 */
public interface PreflightFacts {

    List<NodeResources> nodeResources(Duration timeout);

    /** The images a rendered manifest (multi-document YAML) references, in order of appearance, without duplicates. */
    List<String> imagesReferencedBy(String renderedManifest);

    /** For each image, the nodes that already have it (node status image list; tags and digests compared normalized). */
    List<ImagePresence> imagesPresent(Collection<String> images, Duration timeout);

    /** Asks the API server whether the connected user may do each thing (SelfSubjectAccessReview). */
    List<PermissionCheck> permissions(List<PermissionRequest> requests, Duration timeout);

    /** Glasskube's CRDs and packages, read-only. */
    GlasskubeInventory glasskube(Duration timeout);
}
