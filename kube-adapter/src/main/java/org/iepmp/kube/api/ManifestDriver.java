package org.iepmp.kube.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Plain-manifest packages: server-side apply under field manager {@code iepmp-console}, with an
 * inventory per package (a ConfigMap in the package namespace) so an upgrade prunes what the
 * new version dropped and uninstall removes exactly what was installed. CRDs are applied first
 * and must be Established before the objects that use them. Every call is bounded by its
 * timeout and throws {@link KubeException}; interrupting the caller cancels.
 */
public interface ManifestDriver {

    ManifestResult apply(ManifestRequest request);

    /** Deletes every inventoried object and the inventory; {@link KubeErrorCode#NOT_FOUND} without one. */
    List<ObjectRef> uninstall(String packageName, String namespace, Duration timeout);

    /** The objects recorded for the package, empty when it is not installed. */
    List<ObjectRef> inventory(String packageName, String namespace, Duration timeout);

    /** The package's inventory (version, state, objects), empty when it is not installed. */
    Optional<ManifestPackage> installed(String packageName, String namespace, Duration timeout);

    /** Every manifest package this console installed on the cluster, in every namespace. */
    List<ManifestPackage> list(Duration timeout);

    /**
     * The objects the request would apply, parsed and patched locally (no cluster call), as
     * multi-document YAML, for plans and diffs; {@link KubeErrorCode#INVALID_MANIFEST} when a
     * manifest or a patch is bad. The request's timeout is not used.
     */
    String render(ManifestRequest request);
}
