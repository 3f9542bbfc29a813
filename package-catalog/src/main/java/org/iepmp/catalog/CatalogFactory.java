package org.iepmp.catalog;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.RepositoryTester;
import org.iepmp.catalog.config.FileRepositoryStore;

/**
 * Builds the catalog's implementations for a composition root: the repository list in the user's
 * configuration folder, the catalog over it with its cache, and the repository tester. The only
 * place that knows which classes implement the catalog's api.
 */
public final class CatalogFactory {

    private final CatalogSettings settings;
    private final Clock clock;

    public CatalogFactory(CatalogSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The configured repositories and their credentials (a file of mode 0600) in {@code configDir}. */
    public RepositoryStore repositories(Path configDir) {
        return new FileRepositoryStore(configDir);
    }

    /** The catalog of {@code repositories}, its indexes cached under {@code cacheDir}. */
    public Catalog catalog(RepositoryStore repositories, Path cacheDir) {
        return new DefaultCatalog(repositories, cacheDir, settings, clock);
    }

    /** Tests repositories in throw-away folders under {@code scratchRoot}. */
    public RepositoryTester tester(Path scratchRoot) {
        return new ScratchRepositoryTester(scratchRoot, settings, clock);
    }
}
