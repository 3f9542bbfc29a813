package org.iepmp.app.engine;

import java.time.Clock;
import org.iepmp.app.catalog.RepositoryTester;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.lifecycle.engine.EngineSettings;

/**
 * The local side both entry points compose the same way from the user's folders: repositories and
 * their credentials, the catalog and its cache, the repository tester, the lifecycle stores and the
 * engine sessions over them. Cheap to build: nothing is opened until first used.
 */
public final class LocalParts {

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
        this.repositories = new FileRepositoryStore(paths.configDir());
        this.catalog = new DefaultCatalog(repositories, paths.cacheDir().resolve("catalog"), CatalogSettings.defaults(), clock);
        this.tester = new RepositoryTester(paths.cacheDir().resolve("repository-test"), CatalogSettings.defaults(), clock);
        this.storage = new LocalStorageConnection(paths.dataDir(), clock);
        this.engines = new EngineSessions(catalog, storage, paths.cacheDir().resolve("helm"), clock, engineSettings);
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
}
