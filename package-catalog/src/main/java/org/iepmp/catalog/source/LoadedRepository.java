package org.iepmp.catalog.source;

import java.time.Instant;
import java.util.List;
import org.iepmp.catalog.api.CatalogPackage;

/**
 * The package list of one repository.
 *
 * @param fetchedAt when the oldest of its files was fetched
 * @param fromCache whether the cache answered without the network
 */
public record LoadedRepository(List<CatalogPackage> packages, Instant fetchedAt, boolean fromCache) {

    public LoadedRepository {
        packages = List.copyOf(packages);
    }
}
