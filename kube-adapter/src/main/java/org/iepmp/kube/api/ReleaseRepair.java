package org.iepmp.kube.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The repair offered for a Helm release stuck in pending-install/-upgrade/-rollback (a crashed or
 * killed operation): its newest revision is marked failed, as Helm itself does for failed
 * operations, so the next upgrade (or a rollback, which is an upgrade) can run. Nothing on the
 * cluster besides Helm's release record changes.
 */
public interface ReleaseRepair {

    /**
     * Marks the newest revision failed if it is pending and returns it (with its new status);
     * empty when the release is not pending. {@link KubeErrorCode#NOT_FOUND} without a release,
     * {@link KubeErrorCode#CONFLICT} when Helm changed the record meanwhile.
     */
    Optional<ReleaseHistoryEntry> markPendingAsFailed(String releaseName, String namespace, Duration timeout);

    /**
     * Marks revision {@code revision} failed when the upgrade that restored the release after it superseded it, so Helm's
     * records read as {@code helm upgrade --atomic} leaves them: the failed revision {@code failed}, the restored one deployed.
     * Empty when that revision is not superseded (nothing to correct).
     */
    Optional<ReleaseHistoryEntry> markSupersededAsFailed(String releaseName, String namespace, int revision, String description,
            Duration timeout);
}
