package org.iepmp.lifecycle.engine;

import java.util.Objects;
import org.iepmp.lifecycle.api.ClusterLock;
import org.iepmp.lifecycle.api.ReleaseStateProbe;
import org.iepmp.lifecycle.recovery.InterruptedOperationReconciler;

/**
 * The collaborators {@link OperationEngine} works through, built by the lifecycle's factory for one
 * connected cluster (so the engine itself creates none of them).
 *
 * @param lock the lock the engine takes: the local lock, with the cluster's Lease stacked on it where there is one
 * @param probe how the reconciler reads a release as it actually is on the cluster
 * @param inventory what is installed, with the package versions actually running
 */
public record EngineParts(StepPlanner planner, DependentsFinder dependents, Preflight preflight, ReleaseVerifier verifier,
        ClusterLock lock, InterruptedOperationReconciler reconciler, ReleaseStateProbe probe, PackageInventory inventory) {
    public EngineParts {
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(dependents, "dependents");
        Objects.requireNonNull(preflight, "preflight");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(reconciler, "reconciler");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(inventory, "inventory");
    }
}
