package org.iepmp.lifecycle.engine;

import java.time.Duration;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;

/**
 * Clears the pending state Helm leaves when it is killed mid-operation (pending-install,
 * pending-upgrade, pending-rollback): marks the stuck revision failed, so the release accepts
 * the upgrade to its last deployed archive and values that repairs it. Helm's storage lives in
 * the cluster, so the implementation belongs beside the Helm driver (kube-adapter); helm-java
 * offers neither this nor a rollback.
 */
@FunctionalInterface
public interface PendingReleaseClearer {

    /** Where no implementation is wired in: a repair is refused with a sentence, nothing changes. */
    PendingReleaseClearer UNSUPPORTED = (release, namespace, timeout) -> {
        throw new LifecycleException(LifecycleErrorCode.REPAIR_NOT_POSSIBLE, "no way to clear the pending state of " + release,
                release, "PENDING");
    };

    void markFailed(String releaseName, String namespace, Duration timeout);

    /**
     * After a failed step was restored: marks the revision it wrote failed again (the restoring upgrade superseded it), as
     * {@code helm upgrade --atomic} leaves Helm's records. Where no implementation is wired in, the records keep "superseded".
     */
    default void markRestoredRevisionFailed(String releaseName, String namespace, int revision, Duration timeout) {
    }
}
