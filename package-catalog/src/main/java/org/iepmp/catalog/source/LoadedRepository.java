package org.iepmp.catalog.source;

import java.time.Instant;
import java.util.List;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.SkippedEntry;

/**
 * The package list of one repository.
 *
 * @param fetchedAt when the oldest of its files was fetched
 * @param fromCache whether the cache answered without the network
 * @param skipped index entries left out, the rest being usable
 */
public record LoadedRepository(List<CatalogPackage> packages, Instant fetchedAt, boolean fromCache,
        List<SkippedEntry> skipped) {

    public LoadedRepository {
        packages = List.copyOf(packages);
        skipped = List.copyOf(skipped);
    }

    public LoadedRepository(List<CatalogPackage> packages, Instant fetchedAt, boolean fromCache) {
        this(packages, fetchedAt, fromCache, List.of());
    }
}
