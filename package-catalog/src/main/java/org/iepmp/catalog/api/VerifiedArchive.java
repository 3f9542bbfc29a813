package org.iepmp.catalog.api;

import java.nio.file.Path;

/**
 * A chart archive on local disk whose bytes match the expected digest.
 *
 * @param path the archive file (owned by the catalog's cache; copy it to keep it)
 * @param sha256 lower-case hex digest of the file
 */
public record VerifiedArchive(Path path, String sha256) {
}
