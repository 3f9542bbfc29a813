package org.iepmp.catalog.source;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.archive.SafeChartArchive;
import org.iepmp.catalog.config.AtomicFiles;
import org.iepmp.errors.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a chart archive into a content-addressed folder ({@code <sha256>.tgz}): streamed
 * into a temp file while hashing, compared with the index digest, checked for archive safety,
 * and only then moved into place.
 */
public final class ArchiveDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveDownloader.class);

    private final CatalogSettings settings;
    private final SafeChartArchive archives;

    public ArchiveDownloader(CatalogSettings settings) {
        this.settings = settings;
        this.archives = new SafeChartArchive(settings);
    }

    /**
     * Tries {@code candidates} in order; the next one is tried only when the previous could not be
     * reached or was not found (a wrong digest is an error, not a reason to look elsewhere).
     */
    /** Streams one URL into a sink, at most the given number of bytes. */
    @FunctionalInterface
    public interface Transfer {
        void download(URI source, long maxBytes, OutputStream sink);
    }

    public VerifiedArchive fetch(Transfer files, List<URI> candidates, String expectedDigest, Path storeDir) {
        if (expectedDigest == null) {
            throw new CatalogException(CatalogErrorCode.DIGEST_MISSING, "no digest for " + candidates, 
                    candidates.isEmpty() ? "" : candidates.get(0).toString());
        }
        Path target = storeDir.resolve(expectedDigest + ".tgz");
        if (Files.isRegularFile(target) && expectedDigest.equals(sha256(target))) {
            return new VerifiedArchive(target, expectedDigest);
        }
        CatalogException last = null;
        for (URI candidate : candidates) {
            try {
                return download(files, candidate, expectedDigest, target);
            } catch (CatalogException e) {
                if (!retryable(e.code())) {
                    throw e;
                }
                LOG.info("Chart archive not available at {} ({}), trying the next location", safe(candidate), e.code());
                last = e;
            }
        }
        throw last != null ? last : new CatalogException(CatalogErrorCode.NOT_FOUND, "no archive URL", "", 404);
    }

    private VerifiedArchive download(Transfer files, URI source, String expectedDigest, Path target) {
        Path temp = null;
        try {
            temp = AtomicFiles.tempBeside(target, false);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                files.download(source, settings.maxArchiveBytes(), out);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expectedDigest)) {
                throw new CatalogException(CatalogErrorCode.DIGEST_MISMATCH,
                        safe(source) + " has sha256 " + actual + ", index says " + expectedDigest, safe(source),
                        expectedDigest, actual);
            }
            archives.verify(temp);
            AtomicFiles.moveInto(temp, target);
            return new VerifiedArchive(target, actual);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.IO, "cannot store archive " + target, e, target.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stale temp file is named as such and overwritten by nothing
                }
            }
        }
    }

    private static boolean retryable(ErrorCode code) {
        return code == CatalogErrorCode.UNREACHABLE || code == CatalogErrorCode.TIMEOUT
                || code == CatalogErrorCode.NOT_FOUND;
    }

    public static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.IO, "cannot read " + file, e, file.toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String safe(URI uri) {
        return "file".equalsIgnoreCase(uri.getScheme()) ? uri.getPath()
                : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + uri.getRawPath();
    }
}
