package org.iepmp.catalog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.config.FileRepositoryStore;

/** A catalog over real folders: config, cache; repositories added by the test. */
final class CatalogHarness {

    static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    final Path config;
    final Path cache;
    final FileRepositoryStore store;
    final CatalogSettings settings;

    CatalogHarness(Path temp) {
        this(temp, CatalogSettings.defaults().withTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5)));
    }

    CatalogHarness(Path temp, CatalogSettings settings) {
        this.config = temp.resolve("config");
        this.cache = temp.resolve("cache");
        this.store = new FileRepositoryStore(config);
        this.settings = settings;
    }

    CatalogHarness add(RepositoryDefinition definition) {
        store.save(definition, Optional.empty());
        return this;
    }

    CatalogHarness add(RepositoryDefinition definition, Credentials credentials) {
        store.save(definition, Optional.of(credentials));
        return this;
    }

    DefaultCatalog catalog() {
        return catalog(NOW);
    }

    DefaultCatalog catalog(Instant now) {
        return new DefaultCatalog(store, cache, settings, Clock.fixed(now, ZoneOffset.UTC));
    }

    static org.iepmp.errors.ErrorCode code(Throwable t) {
        return ((CatalogException) t).code();
    }
}
