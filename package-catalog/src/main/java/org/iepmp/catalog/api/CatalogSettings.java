package org.iepmp.catalog.api;

import java.time.Duration;

/**
 * Limits of the catalog's network and archive handling.
 *
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout longest wait without progress: for a response to start, or for more of its body
 * @param maxIndexBytes largest index or package file accepted
 * @param maxArchiveBytes largest chart archive accepted (compressed)
 * @param maxUnpackedBytes largest total uncompressed size of an archive
 * @param maxEntryBytes largest uncompressed size of one archive entry
 * @param maxEntries most entries of one archive
 * @param parallelism how many repositories are refreshed at once
 * @param downloadDeadline longest time one download may take in all, redirects included, however steadily data
 *     trickles in: a slow repository is given up and its cached copy shown
 */
public record CatalogSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        long maxIndexBytes,
        long maxArchiveBytes,
        long maxUnpackedBytes,
        long maxEntryBytes,
        int maxEntries,
        int parallelism,
        Duration downloadDeadline) {

    public static CatalogSettings defaults() {
        return new CatalogSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
                64L * 1024 * 1024, 64L * 1024 * 1024, 256L * 1024 * 1024, 64L * 1024 * 1024, 10_000, 4,
                Duration.ofSeconds(30));
    }

    public CatalogSettings withTimeouts(Duration connect, Duration request) {
        return new CatalogSettings(connect, request, maxIndexBytes, maxArchiveBytes, maxUnpackedBytes, maxEntryBytes,
                maxEntries, parallelism, downloadDeadline);
    }

    public CatalogSettings withMaxIndexBytes(long bytes) {
        return new CatalogSettings(connectTimeout, requestTimeout, bytes, maxArchiveBytes, maxUnpackedBytes,
                maxEntryBytes, maxEntries, parallelism, downloadDeadline);
    }

    public CatalogSettings withArchiveLimits(long archiveBytes, long unpackedBytes, long entryBytes, int entries) {
        return new CatalogSettings(connectTimeout, requestTimeout, maxIndexBytes, archiveBytes, unpackedBytes,
                entryBytes, entries, parallelism, downloadDeadline);
    }

    public CatalogSettings withDownloadDeadline(Duration deadline) {
        return new CatalogSettings(connectTimeout, requestTimeout, maxIndexBytes, maxArchiveBytes, maxUnpackedBytes,
                maxEntryBytes, maxEntries, parallelism, deadline);
    }
}
