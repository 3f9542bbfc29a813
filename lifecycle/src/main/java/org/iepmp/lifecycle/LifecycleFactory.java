package org.iepmp.lifecycle;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.lifecycle.api.ClusterLifecycle;
import org.iepmp.lifecycle.api.ClusterLock;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.LocalLifecycleStorage;
import org.iepmp.lifecycle.engine.ClusterAccess;
import org.iepmp.lifecycle.engine.DependentsFinder;
import org.iepmp.lifecycle.engine.EngineParts;
import org.iepmp.lifecycle.engine.HelmReleaseStateProbe;
import org.iepmp.lifecycle.engine.LocalStores;
import org.iepmp.lifecycle.engine.OperationEngine;
import org.iepmp.lifecycle.engine.PackageInventory;
import org.iepmp.lifecycle.engine.Preflight;
import org.iepmp.lifecycle.engine.ReleaseVerifier;
import org.iepmp.lifecycle.engine.StepPlanner;
import org.iepmp.lifecycle.lock.KubeLeaseClient;
import org.iepmp.lifecycle.lock.LayeredClusterLock;
import org.iepmp.lifecycle.lock.LeaseClusterLock;
import org.iepmp.lifecycle.recovery.InterruptedOperationReconciler;
import org.iepmp.lifecycle.storage.LifecyclePaths;
import org.iepmp.lifecycle.storage.LifecycleStorage;
import org.iepmp.lifecycle.support.ProcessIdentity;

/**
 * Builds the lifecycle's implementations for a composition root: the local stores of this computer
 * and, per connected cluster, the engine with every part it works through. The only place that
 * knows which classes implement the lifecycle's api.
 */
public final class LifecycleFactory {

    /**
     * A Lease's renew time was written by another computer's clock: it counts as stale only this
     * long after it expired, so a console whose clock runs a little ahead never takes a live lease.
     */
    static final Duration LEASE_SKEW_ALLOWANCE = Duration.ofSeconds(10);

    private final Clock clock;
    private final EngineSettings settings;

    public LifecycleFactory(Clock clock, EngineSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Opens history, archive store, local lock and secret key under {@code dataDir} (slow: SQLite).
     * Throws the history's typed errors (locked, corrupt, disk full...).
     */
    public LocalLifecycleStorage openStorage(Path dataDir) {
        return LifecycleStorage.open(new LifecyclePaths(dataDir), false, ProcessIdentity.current(), clock);
    }

    /**
     * The engine of one connected cluster over the kube-adapter's drivers of that connection and the
     * stores {@link #openStorage} opened.
     */
    public ClusterLifecycle engine(Catalog catalog, String clusterId, ClusterConnection connection, ClusterDrivers drivers,
            LocalLifecycleStorage storage) {
        if (!(storage instanceof LifecycleStorage opened)) {
            // The engine seals secret values with the key of these stores: only stores opened here have one.
            throw new IllegalArgumentException("storage not opened by this factory: " + storage.getClass().getName());
        }
        return engine(catalog, ClusterAccess.of(clusterId, connection, drivers), LocalStores.of(opened, opened.localLock()));
    }

    /** The engine over a cluster and stores given part by part (the lifecycle's own tests compose them so). */
    public OperationEngine engine(Catalog catalog, ClusterAccess cluster, LocalStores stores) {
        StepPlanner planner = new StepPlanner(catalog, cluster.helm(), cluster.manifests(), stores.history(), stores.archives(),
                stores.masker(), cluster.clusterId(), settings, cluster.values());
        DependentsFinder dependents = new DependentsFinder(catalog, cluster.helm(), cluster.manifests(), stores.history(),
                cluster.clusterId(), settings);
        Preflight preflight = new Preflight(cluster.connection(), cluster.helm(), cluster.nodeImages(), cluster.preflightFacts(),
                dependents, planner, settings, stores.archives()::usableBytes);
        EngineParts parts = new EngineParts(planner, dependents, preflight, new ReleaseVerifier(cluster.health(), clock, settings),
                lockOf(cluster, stores), new InterruptedOperationReconciler(stores.history(), clock),
                new HelmReleaseStateProbe(cluster.clusterId(), cluster.helm(), cluster.manifests(), settings.callTimeout()),
                new PackageInventory(catalog, cluster.helm(), cluster.manifests(), stores.history(), stores.archives(), cluster.clusterId(),
                        settings));
        return new OperationEngine(catalog, cluster, stores, clock, settings, parts);
    }

    /** The local lock, with the cluster's Lease stacked on it where the cluster offers one. */
    private ClusterLock lockOf(ClusterAccess cluster, LocalStores stores) {
        if (cluster.lease() == null) {
            return stores.lock();
        }
        return new LayeredClusterLock(List.of(stores.lock(), new LeaseClusterLock(
                id -> new KubeLeaseClient(cluster.lease(), settings.callTimeout()), stores.process(), clock, LEASE_SKEW_ALLOWANCE)));
    }
}
