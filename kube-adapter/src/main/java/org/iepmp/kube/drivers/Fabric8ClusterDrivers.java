package org.iepmp.kube.drivers;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.ClusterLease;
import org.iepmp.kube.api.ClusterValues;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.ManifestDriver;
import org.iepmp.kube.api.PodLogs;
import org.iepmp.kube.api.PreflightFacts;
import org.iepmp.kube.api.ReleaseHealthReader;
import org.iepmp.kube.api.ReleaseRepair;
import org.iepmp.kube.cluster.Fabric8ClusterConnection;
import org.iepmp.kube.facts.Fabric8ClusterValues;
import org.iepmp.kube.facts.Fabric8PodLogs;
import org.iepmp.kube.facts.Fabric8PreflightFacts;
import org.iepmp.kube.health.Fabric8ReleaseHealth;
import org.iepmp.kube.helm.HelmJavaDriver;
import org.iepmp.kube.helm.PendingReleaseRepair;
import org.iepmp.kube.lease.Fabric8ClusterLease;
import org.iepmp.kube.manifest.Fabric8ManifestDriver;
import org.iepmp.kube.manifest.ManifestInventory;

/**
 * Opens the drivers for a connection made by {@code Fabric8ClusterConnector}. The composition
 * root calls {@link #open} once per connection; the Helm driver talks to the same kubeconfig
 * context as the connection, the others share its fabric8 client.
 */
public final class Fabric8ClusterDrivers implements ClusterDrivers {

    /** How often release health is polled while waiting. */
    public static final Duration HEALTH_POLL = Duration.ofSeconds(2);
    /** Log lines shown with a crashing container. */
    public static final int CRASH_LOG_LINES = 20;

    private final HelmJavaDriver helm;
    private final PendingReleaseRepair repair;
    private final Fabric8ManifestDriver manifests;
    private final Fabric8ReleaseHealth health;
    private final Fabric8PreflightFacts preflight;
    private final Fabric8PodLogs logs;
    private final Fabric8ClusterLease lease;
    private final Fabric8ClusterValues values;

    private Fabric8ClusterDrivers(HelmJavaDriver helm, PendingReleaseRepair repair, Fabric8ManifestDriver manifests, Fabric8ReleaseHealth health,
            Fabric8PreflightFacts preflight, Fabric8PodLogs logs, Fabric8ClusterLease lease, Fabric8ClusterValues values) {
        this.helm = helm;
        this.repair = repair;
        this.manifests = manifests;
        this.health = health;
        this.preflight = preflight;
        this.logs = logs;
        this.lease = lease;
        this.values = values;
    }

    /**
     * @param connection a connection from {@code Fabric8ClusterConnector}
     * @param tempDir    where Helm's private per-call files go (the system temp folder normally)
     */
    public static ClusterDrivers open(ClusterConnection connection, Path tempDir, Clock clock) {
        if (!(connection instanceof Fabric8ClusterConnection fabric8)) {
            throw new IllegalArgumentException("drivers need a connection from Fabric8ClusterConnector");
        }
        var client = fabric8.client();
        String server = connection.candidate().server();
        ManifestInventory inventory = new ManifestInventory(client);
        return new Fabric8ClusterDrivers(
                new HelmJavaDriver(connection.candidate(), tempDir),
                new PendingReleaseRepair(client, server),
                new Fabric8ManifestDriver(client, server, clock),
                new Fabric8ReleaseHealth(client, server, clock, HEALTH_POLL, CRASH_LOG_LINES, inventory::workloads),
                new Fabric8PreflightFacts(client, server),
                new Fabric8PodLogs(client, server),
                new Fabric8ClusterLease(client, server),
                new Fabric8ClusterValues(client, server));
    }

    @Override
    public HelmDriver helm() {
        return helm;
    }

    @Override
    public ReleaseRepair repair() {
        return repair;
    }

    @Override
    public ManifestDriver manifests() {
        return manifests;
    }

    @Override
    public ReleaseHealthReader health() {
        return health;
    }

    @Override
    public PreflightFacts preflight() {
        return preflight;
    }

    @Override
    public PodLogs logs() {
        return logs;
    }

    @Override
    public ClusterLease lease() {
        return lease;
    }

    @Override
    public ClusterValues values() {
        return values;
    }

    @Override
    public void close() {
        values.close();
        lease.close();
        logs.close();
        preflight.close();
        health.close();
        manifests.close();
        repair.close();
        helm.close();
    }
}
