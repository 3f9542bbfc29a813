package org.iepmp.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of refreshing one repository.
 *
 * @param repository repository name
 * @param state whether fresh data, cached data or nothing is shown
 * @param fetchedAt when the shown data was fetched, empty when nothing is shown
 * @param packageCount packages shown from it
 * @param error why the refresh failed, empty when it did not
 * @param skipped index entries left out of the shown packages (the rest of the repository is usable)
 */
public record RepositoryStatus(
        String repository, State state, Optional<Instant> fetchedAt, int packageCount, Optional<CatalogException> error,
        List<SkippedEntry> skipped) {

    public RepositoryStatus {
        skipped = List.copyOf(skipped);
    }

    public RepositoryStatus(String repository, State state, Optional<Instant> fetchedAt, int packageCount,
            Optional<CatalogException> error) {
        this(repository, state, fetchedAt, packageCount, error, List.of());
    }

    public enum State {
        /** Freshly fetched (or confirmed unchanged by the server). */
        FRESH,
        /** The refresh failed; the cached copy of {@code fetchedAt} is shown. */
        CACHED,
        /** The refresh failed and there is no cached copy. */
        FAILED
    }
}
