package org.iepmp.app.engine;

import java.util.Objects;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.lifecycle.api.ClusterLifecycle;

/**
 * The engine and the drivers of one connected cluster, opened together by {@link EngineSessions}
 * and closed together. Closing does not close the connection or the local stores.
 *
 * @param clusterId the identity history rows carry ({@code ClusterFacts.identity()})
 * @param engine operations, queries, recovery and lock of the cluster (the lifecycle's api)
 */
public record EngineSession(String clusterId, ClusterConnection connection, ClusterDrivers drivers, ClusterLifecycle engine)
        implements AutoCloseable {

    public EngineSession {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(drivers, "drivers");
        Objects.requireNonNull(engine, "engine");
    }

    @Override
    public void close() {
        drivers.close();
    }
}
