package org.iepmp.lifecycle.engine;

import java.util.Objects;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.ClusterLease;
import org.iepmp.kube.api.ClusterValues;
import org.iepmp.kube.api.PreflightFacts;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.ManifestDriver;
import org.iepmp.kube.api.ReleaseHealthReader;
import org.iepmp.lifecycle.engine.preflight.NodeImages;

/**
 * The connected cluster as the engine uses it. {@code clusterId} is the cluster identity the
 * history rows carry ({@code ClusterFacts.identity()}, the UID of {@code kube-system}).
 * {@code nodeImages}, {@code pendingClearer}, {@code preflightFacts} and {@code manifests} may be null (images not
 * checked; no repair; resources compared with allocatable only, permissions not checked). With
 * {@code preflightFacts} the preflight compares with what the nodes still have free, checks the
 * images through it and asks the API server for the permissions the steps need. Without
 * {@code manifests} a plain-manifest package is refused. With {@code lease} the engine takes the
 * cluster's Lease ({@code kube-system/iepmp-console}) after the local lock, so consoles on
 * different computers exclude each other too; without it (null) only the local lock counts. With
 * {@code values} the plan reads value references (ConfigMap, Secret, Glasskube package values);
 * without it (null) a reference is refused.
 */
public record ClusterAccess(String clusterId, ClusterConnection connection, HelmDriver helm, ReleaseHealthReader health,
        NodeImages nodeImages, PendingReleaseClearer pendingClearer, PreflightFacts preflightFacts, ManifestDriver manifests,
        ClusterLease lease, ClusterValues values) {
    public ClusterAccess {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(helm, "helm");
        Objects.requireNonNull(health, "health");
        nodeImages = nodeImages == null ? NodeImages.UNKNOWN : nodeImages;
        pendingClearer = pendingClearer == null ? PendingReleaseClearer.UNSUPPORTED : pendingClearer;
    }

    /** Without kube-adapter preflight facts (the engine's own adapters, or none) and without plain-manifest packages. */
    public ClusterAccess(String clusterId, ClusterConnection connection, HelmDriver helm, ReleaseHealthReader health,
            NodeImages nodeImages, PendingReleaseClearer pendingClearer) {
        this(clusterId, connection, helm, health, nodeImages, pendingClearer, null, null, null, null);
    }

    /** Without plain-manifest packages (they are refused with NO_MANIFEST_DRIVER). */
    public ClusterAccess(String clusterId, ClusterConnection connection, HelmDriver helm, ReleaseHealthReader health,
            NodeImages nodeImages, PendingReleaseClearer pendingClearer, PreflightFacts preflightFacts) {
        this(clusterId, connection, helm, health, nodeImages, pendingClearer, preflightFacts, null, null, null);
    }

    /** Everything from the kube-adapter's drivers of the connection ({@code Fabric8ClusterDrivers.open}). */
    public static ClusterAccess of(String clusterId, ClusterConnection connection, ClusterDrivers drivers) {
        PendingReleaseClearer clearer = new PendingReleaseClearer() {
            @Override
            public void markFailed(String release, String namespace, java.time.Duration timeout) {
                drivers.repair().markPendingAsFailed(release, namespace, timeout);
            }

            @Override
            public void markRestoredRevisionFailed(String release, String namespace, int revision, java.time.Duration timeout) {
                drivers.repair().markSupersededAsFailed(release, namespace, revision,
                        "Upgrade failed; restored by IEPMP Console in the next revision", timeout);
            }
        };
        return new ClusterAccess(clusterId, connection, drivers.helm(), drivers.health(), null, clearer, drivers.preflight(),
                drivers.manifests(), drivers.lease(), drivers.values());
    }
}
