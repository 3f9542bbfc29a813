package org.iepmp.catalog.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.config.AtomicFiles;

/**
 * Validated copies of repository files on disk, with their ETag, Last-Modified and fetch time.
 * Only bytes the caller has already parsed successfully are stored, through a temp file and an
 * atomic move, so the cache never holds an invalid or half-written file.
 */
public final class IndexCache {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+~-]+");

    private final Path root;

    public IndexCache(Path root) {
        this.root = root;
    }

    /** A cached file. */
    public record Entry(Path file, String etag, String lastModified, Instant fetchedAt) {
        public byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new CatalogException(CatalogErrorCode.IO, "cannot read cache file " + file, e, file.toString());
            }
        }
    }

    public Optional<Entry> read(String repository, String relativePath) {
        Path file = fileOf(repository, relativePath);
        Path meta = metaOf(file);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
            return Optional.of(new Entry(file, properties.getProperty("etag"), properties.getProperty("lastModified"),
                    Instant.parse(properties.getProperty("fetchedAt"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores validated bytes (data first, then its metadata, so metadata never points at missing data). */
    public Entry store(String repository, String relativePath, byte[] bytes, String etag, String lastModified,
            Instant fetchedAt) {
        Path file = fileOf(repository, relativePath);
        try {
            AtomicFiles.write(file, bytes, false);
            writeMeta(file, etag, lastModified, fetchedAt);
            return new Entry(file, etag, lastModified, fetchedAt);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.IO, "cannot write cache file " + file, e, file.toString());
        }
    }

    /** Records that the server confirmed the cached copy (304) at {@code fetchedAt}. */
    public Entry touch(Entry entry, Instant fetchedAt) {
        try {
            writeMeta(entry.file(), entry.etag(), entry.lastModified(), fetchedAt);
            return new Entry(entry.file(), entry.etag(), entry.lastModified(), fetchedAt);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.IO, "cannot write cache file " + entry.file(), e,
                    entry.file().toString());
        }
    }

    /** A derived file (e.g. a compact snapshot) stored next to a cached one. */
    public Path derivedFile(String repository, String relativePath, String suffix) {
        Path file = fileOf(repository, relativePath);
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** Folder for the Git clone of one repository. */
    public Path gitDir(String repository) {
        return root.resolve(checkSegment(repository)).resolve("git");
    }

    /** Folder for large downloads of one repository (chart archives). */
    public Path downloadsDir(String repository) {
        return root.resolve(checkSegment(repository)).resolve("downloads");
    }

    private void writeMeta(Path file, String etag, String lastModified, Instant fetchedAt) throws IOException {
        Properties properties = new Properties();
        if (etag != null) {
            properties.setProperty("etag", etag);
        }
        if (lastModified != null) {
            properties.setProperty("lastModified", lastModified);
        }
        properties.setProperty("fetchedAt", fetchedAt.toString());
        Path meta = metaOf(file);
        Path temp = AtomicFiles.tempBeside(meta, false);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, null);
            }
            AtomicFiles.moveInto(temp, meta);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path fileOf(String repository, String relativePath) {
        Path dir = root.resolve(checkSegment(repository)).resolve("files");
        for (String segment : relativePath.split("/")) {
            dir = dir.resolve(checkSegment(segment));
        }
        return dir;
    }

    private static Path metaOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".meta");
    }

    /** A name from a remote index must never walk out of the cache folder. */
    private static String checkSegment(String segment) {
        if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
            throw new CatalogException(CatalogErrorCode.REPOSITORY_INVALID, "unsafe path segment '" + segment + "'",
                    segment);
        }
        return segment;
    }
}
