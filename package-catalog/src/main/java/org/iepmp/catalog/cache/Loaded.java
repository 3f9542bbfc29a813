package org.iepmp.catalog.cache;

import java.time.Instant;

/**
 * A parsed repository file and where it came from.
 *
 * @param value the parsed content
 * @param fetchedAt when its bytes were fetched (or confirmed unchanged)
 * @param fromCache whether it was served from the disk cache without a successful network check
 */
public record Loaded<T>(T value, Instant fetchedAt, boolean fromCache) {
}
