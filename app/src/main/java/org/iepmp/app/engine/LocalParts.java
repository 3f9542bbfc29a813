package org.iepmp.app.engine;

import java.time.Clock;
import java.time.Duration;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.CatalogFactory;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.RepositoryTester;
import org.iepmp.kube.KubeFactory;
import org.iepmp.kube.api.ClusterConnector;
import org.iepmp.kube.api.ClusterDiscovery;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.lifecycle.LifecycleFactory;
import org.iepmp.lifecycle.api.EngineSettings;

/**
 * The local side both entry points compose the same way from the user's folders: repositories and
 * their credentials, the catalog and its cache, the repository tester, the lifecycle stores, cluster
 * discovery and the engine sessions over them, each from its module's factory. Cheap to build:
 * nothing is opened until first used.
 */
public final class LocalParts {

    private final KubeFactory kube;
    private final RepositoryStore repositories;
    private final Catalog catalog;
    private final RepositoryTester tester;
    private final LocalStorageConnection storage;
    private final EngineSessions engines;

    public LocalParts(AppPaths paths, Clock clock) {
        this(paths, clock, EngineSettings.defaults());
    }

    /** With the engine's time limits given (tests shorten them). */
    public LocalParts(AppPaths paths, Clock clock, EngineSettings engineSettings) {
        this(paths, clock, engineSettings, CatalogSettings.defaults().downloadDeadline());
    }

    /** With the longest time one repository download may take (the user's setting or command-line option). */
    public LocalParts(AppPaths paths, Clock clock, EngineSettings engineSettings, Duration downloadDeadline) {
        CatalogFactory catalogs = new CatalogFactory(CatalogSettings.defaults().withDownloadDeadline(downloadDeadline), clock);
        LifecycleFactory lifecycle = new LifecycleFactory(clock, engineSettings);
        this.kube = new KubeFactory(clock);
        this.repositories = catalogs.repositories(paths.configDir());
        this.catalog = catalogs.catalog(repositories, paths.cacheDir().resolve("catalog"));
        this.tester = catalogs.tester(paths.cacheDir().resolve("repository-test"));
        this.storage = new LocalStorageConnection(paths.dataDir(), clock);
        this.engines = new EngineSessions(connection -> kube.openDrivers(connection, paths.cacheDir().resolve("helm")),
                (connection, clusterId, drivers) -> lifecycle.engine(catalog, clusterId, connection, drivers, storage.storage()));
    }

    public RepositoryStore repositories() {
        return repositories;
    }

    public Catalog catalog() {
        return catalog;
    }

    public RepositoryTester tester() {
        return tester;
    }

    /** Closed by whoever composed these parts, at exit. */
    public LocalStorageConnection storage() {
        return storage;
    }

    public EngineSessions engines() {
        return engines;
    }

    /** Finds clusters in the kubeconfig files at {@code locations}. */
    public ClusterDiscovery discovery(DiscoveryLocations locations) {
        return kube.discovery(locations);
    }

    public ClusterConnector connector() {
        return kube.connector();
    }
}
