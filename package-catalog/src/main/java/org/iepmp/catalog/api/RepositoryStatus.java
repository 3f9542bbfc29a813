package org.iepmp.catalog.api;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of refreshing one repository.
 *
 * @param repository repository name
 * @param state whether fresh data, cached data or nothing is shown
 * @param fetchedAt when the shown data was fetched, empty when nothing is shown
 * @param packageCount packages shown from it
 * @param error why the refresh failed, empty when it did not
 */
public record RepositoryStatus(
        String repository, State state, Optional<Instant> fetchedAt, int packageCount, Optional<CatalogException> error) {

    public enum State {
        /** Freshly fetched (or confirmed unchanged by the server). */
        FRESH,
        /** The refresh failed; the cached copy of {@code fetchedAt} is shown. */
        CACHED,
        /** The refresh failed and there is no cached copy. */
        FAILED
    }
}
