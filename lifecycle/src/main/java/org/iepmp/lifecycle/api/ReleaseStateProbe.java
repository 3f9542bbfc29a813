package org.iepmp.lifecycle.api;

import java.util.List;
import java.util.Optional;

/**
 * Reads the actual state of a release on the connected cluster, so interrupted operations can
 * be reconciled after a restart. Implemented over the kube-adapter's Helm driver; every call
 * has a timeout and throws a typed exception (any {@link RuntimeException}) when the cluster
 * cannot be asked.
 */
public interface ReleaseStateProbe {

    /** The cluster identity this probe talks to (UID of {@code kube-system}). */
    String clusterId();

    /** Empty when no such release exists (never installed, or uninstalled). */
    Optional<ReleaseState> probe(String namespace, String releaseName);

    /** Helm's revisions of the release, any order; empty when no such release exists. */
    List<ReleaseRevision> revisions(String namespace, String releaseName);
}
