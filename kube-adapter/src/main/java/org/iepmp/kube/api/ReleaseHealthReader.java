package org.iepmp.kube.api;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Health of a release's workloads (found by the {@code app.kubernetes.io/instance} label, the
 * objects of the Helm release and the manifest driver's inventory). Calls are bounded by their
 * timeout; interrupting the caller cancels ({@link KubeErrorCode#CANCELLED}).
 */
public interface ReleaseHealthReader {

    ReleaseHealth health(String release, String namespace, Duration timeout);

    /** The recent events about the release's workloads and their pods, newest first. */
    default List<ClusterEvent> events(String release, String namespace, Duration timeout) {
        return health(release, namespace, timeout).events();
    }

    /**
     * Polls until every workload is healthy or the timeout passes, reporting each observation to
     * {@code progress} (called on the waiting thread; keep it short). Returns the last observation:
     * healthy, or whatever state the release was in when time ran out.
     */
    ReleaseHealth waitUntilHealthy(String release, String namespace, Duration timeout, Consumer<ReleaseHealth> progress);
}
