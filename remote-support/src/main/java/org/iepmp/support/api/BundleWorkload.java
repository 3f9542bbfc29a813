package org.iepmp.support.api;

import java.util.List;

/**
 * One workload of a release with its readiness, the reason code (and its parameters) when it is
 * not healthy, and the last lines its pods logged.
 *
 * @param workload how the workload is named in the bundle (kind, namespace and name)
 */
public record BundleWorkload(String workload, int ready, int desired, String reason, List<String> params,
                             List<String> lastLogLines) {

    public BundleWorkload {
        params = List.copyOf(params);
        lastLogLines = List.copyOf(lastLogLines);
    }
}
