package org.iepmp.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterConnector;
import org.iepmp.kube.api.ClusterDiscovery;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.kube.api.NativeHelmCheck;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.kube.cluster.KubeconfigDiscovery;
import org.iepmp.kube.drivers.Fabric8ClusterDrivers;
import org.iepmp.kube.helm.BundledHelmCheck;

/**
 * Builds the kube-adapter's implementations for a composition root: cluster discovery, the
 * connector, the drivers of a connection and the native Helm check. The only place that knows
 * which classes implement the kube-adapter's api.
 */
public final class KubeFactory {

    private final Clock clock;

    public KubeFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Finds clusters in the kubeconfig files at {@code locations}. */
    public ClusterDiscovery discovery(DiscoveryLocations locations) {
        return new KubeconfigDiscovery(locations);
    }

    public ClusterConnector connector() {
        return new Fabric8ClusterConnector(clock);
    }

    /**
     * The drivers (Helm, manifests, health, logs, Lease) of a connection; the Helm SDK keeps its
     * per-connection files under {@code helmScratch}. Slow (loads the native Helm library): call it
     * off the UI thread.
     */
    public ClusterDrivers openDrivers(ClusterConnection connection, Path helmScratch) {
        try {
            Files.createDirectories(helmScratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Fabric8ClusterDrivers.open(connection, helmScratch, clock);
    }

    public NativeHelmCheck nativeHelmCheck() {
        return new BundledHelmCheck();
    }
}
