package org.iepmp.app.engine;

import java.util.function.Function;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.lifecycle.api.ClusterLifecycle;

/**
 * Opens an {@link EngineSession} for a connected cluster, the same way for the GUI and the CLI:
 * drivers first, then the engine over them; drivers of an engine that fails to open are closed.
 * Slow (loads the Helm native library, opens SQLite): call it off the FX thread.
 */
public final class EngineSessions {

    /** Builds the engine of a cluster over its drivers (the lifecycle's factory, as {@link LocalParts} wires it). */
    @FunctionalInterface
    public interface EngineOpener {
        ClusterLifecycle open(ClusterConnection connection, String clusterId, ClusterDrivers drivers);
    }

    private final Function<ClusterConnection, ClusterDrivers> drivers;
    private final EngineOpener engines;

    public EngineSessions(Function<ClusterConnection, ClusterDrivers> drivers, EngineOpener engines) {
        this.drivers = drivers;
        this.engines = engines;
    }

    /** Drivers only, for readers that need no engine (lists, health, logs). */
    public ClusterDrivers openDrivers(ClusterConnection connection) {
        return drivers.apply(connection);
    }

    public EngineSession open(ClusterConnection connection, String clusterId) {
        ClusterDrivers opened = openDrivers(connection);
        try {
            return new EngineSession(clusterId, connection, opened, engines.open(connection, clusterId, opened));
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }
}
