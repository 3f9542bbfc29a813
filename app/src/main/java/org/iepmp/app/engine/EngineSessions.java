package org.iepmp.app.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.drivers.Fabric8ClusterDrivers;
import org.iepmp.lifecycle.engine.ClusterAccess;
import org.iepmp.lifecycle.engine.EngineSettings;
import org.iepmp.lifecycle.engine.LocalStores;
import org.iepmp.lifecycle.engine.OperationEngine;
import org.iepmp.lifecycle.storage.LifecycleStorage;

/**
 * Opens an {@link EngineSession} for a connected cluster: the one composition of the lifecycle
 * engine that the GUI and the CLI share. Slow (loads the Helm native library, opens SQLite):
 * call it off the FX thread.
 */
public final class EngineSessions {

    private final Catalog catalog;
    private final LocalStorageConnection storage;
    private final Path helmScratch;
    private final Clock clock;
    private final EngineSettings settings;

    public EngineSessions(Catalog catalog, LocalStorageConnection storage, Path helmScratch, Clock clock,
                          EngineSettings settings) {
        this.catalog = catalog;
        this.storage = storage;
        this.helmScratch = helmScratch;
        this.clock = clock;
        this.settings = settings;
    }

    /** Drivers only, for readers that need no engine (lists, health, logs). */
    public ClusterDrivers openDrivers(ClusterConnection connection) {
        try {
            Files.createDirectories(helmScratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Fabric8ClusterDrivers.open(connection, helmScratch, clock);
    }

    public EngineSession open(ClusterConnection connection, String clusterId) {
        LifecycleStorage stores = storage.storage();
        ClusterDrivers drivers = openDrivers(connection);
        try {
            OperationEngine engine = new OperationEngine(catalog, ClusterAccess.of(clusterId, connection, drivers),
                    LocalStores.of(stores, stores.localLock()), clock, settings);
            return new EngineSession(clusterId, connection, drivers, engine);
        } catch (RuntimeException e) {
            drivers.close();
            throw e;
        }
    }
}
