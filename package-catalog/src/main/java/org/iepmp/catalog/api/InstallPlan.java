package org.iepmp.catalog.api;

import java.util.List;

/**
 * The versions to install for one request, dependencies first (topological order); the
 * requested package is the last step.
 */
public record InstallPlan(List<Step> steps) {

    public InstallPlan {
        steps = List.copyOf(steps);
    }

    /**
     * @param version the version chosen for this step
     * @param requiredBy names of packages that need it (empty for the requested package)
     */
    public record Step(ResolvedVersion version, List<String> requiredBy) {
        public Step {
            requiredBy = List.copyOf(requiredBy);
        }
    }
}
