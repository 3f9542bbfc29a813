package org.iepmp.lifecycle.api;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Local content-addressed store of chart archives (sha256), so a rollback to any recorded
 * revision needs no network. Writes are all-or-nothing (no partial file is ever visible);
 * reads verify the digest. Digests are lowercase hex, optionally prefixed {@code sha256:}.
 */
public interface ChartArchiveStore {

    /** Stores the stream's bytes; returns their digest as {@code sha256:<hex>}. Does not close {@code content}. */
    String put(InputStream content);

    String put(Path file);

    boolean contains(String digest);

    /** The stored file, verified against its digest; throws ARCHIVE_MISSING or ARCHIVE_CORRUPT. */
    Path get(String digest);

    /**
     * Bytes free on the disk of the data folder (archive store and history share it): an operation that could not
     * store its chart or write its history row must not start.
     */
    long usableBytes();
}
