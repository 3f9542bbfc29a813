package org.iepmp.kube.api;

/**
 * Everything that acts on one connected cluster, opened together and closed together (closing
 * does not close the {@link ClusterConnection} they were opened on).
 */
public interface ClusterDrivers extends AutoCloseable {

    HelmDriver helm();

    ReleaseRepair repair();

    ManifestDriver manifests();

    ReleaseHealthReader health();

    PreflightFacts preflight();

    PodLogs logs();

    /** What value references of packages read: ConfigMap and Secret keys, Glasskube package values. */
    ClusterValues values();

    /** The console's Lease on the cluster (one operation per cluster, across computers). */
    ClusterLease lease();

    @Override
    void close();
}
