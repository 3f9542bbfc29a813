package org.iepmp.lifecycle.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.iepmp.lifecycle.api.ChartArchiveStore;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chart archives by sha256 under {@code <root>/sha256/<first two hex>/<hex>.tgz}. A write goes
 * to {@code <root>/incoming/} while it is hashed, is forced to disk, then moved into place
 * atomically; on any failure the temporary file is deleted, so a reader never sees a partial
 * archive. Every read re-hashes the file: a bit-rotted archive must not be applied.
 */
public final class ContentAddressedArchiveStore implements ChartArchiveStore {

    /** Opens the channel a temporary file is written through; tests inject failures here. */
    @FunctionalInterface
    public interface ChannelOpener {
        WritableByteChannel open(Path file) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ContentAddressedArchiveStore.class);
    private static final Pattern DIGEST = Pattern.compile("(?:sha256:)?([0-9a-fA-F]{64})");
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;
    private final ChannelOpener opener;

    public ContentAddressedArchiveStore(Path root, Clock clock) {
        this(root, clock, file -> FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    public ContentAddressedArchiveStore(Path root, Clock clock, ChannelOpener opener) {
        this.root = root.toAbsolutePath();
        this.incoming = this.root.resolve("incoming");
        this.opener = opener;
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw failure(e, "Cannot create archive folder");
        }
        removeAbandonedTemporaries(clock);
    }

    @Override
    public String put(Path file) {
        try {
            long size = Files.size(file);
            // Refuse early rather than fill the disk to the last byte and fail half-way.
            if (Files.getFileStore(incoming).getUsableSpace() < size) {
                throw new LifecycleException(LifecycleErrorCode.ARCHIVE_DISK_FULL, "Not enough space for " + size + " bytes", root);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return put(in);
            }
        } catch (IOException e) {
            throw failure(e, "Cannot read " + file);
        }
    }

    @Override
    public String put(InputStream content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "archive-", ".part");
            Files.delete(temp);
            MessageDigest sha256 = sha256();
            try (WritableByteChannel out = opener.open(temp)) {
                byte[] buffer = new byte[BUFFER];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    sha256.update(buffer, 0, read);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
                if (out instanceof FileChannel channel) {
                    channel.force(true);
                }
            }
            String hex = HexFormat.of().formatHex(sha256.digest());
            Path target = pathOf(hex);
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                Files.createDirectories(target.getParent());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return "sha256:" + hex;
        } catch (IOException e) {
            throw failure(e, "Cannot store archive");
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    @Override
    public boolean contains(String digest) {
        return Files.isRegularFile(pathOf(hexOf(digest)));
    }

    @Override
    public Path get(String digest) {
        String expected = hexOf(digest);
        Path file = pathOf(expected);
        String actual;
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) != -1) {
                sha256.update(buffer, 0, read);
            }
            actual = HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchFileException e) {
            throw new LifecycleException(LifecycleErrorCode.ARCHIVE_MISSING, "No archive " + expected, e, "sha256:" + expected);
        } catch (IOException e) {
            throw failure(e, "Cannot read archive " + expected);
        }
        if (!actual.equals(expected)) {
            // Never hand out a damaged chart; removing it lets the next download put a good copy in place.
            deleteQuietly(file);
            LOG.warn("Archive sha256:{} was damaged on disk (now sha256:{}); removed", expected, actual);
            throw new LifecycleException(LifecycleErrorCode.ARCHIVE_CORRUPT, "Archive damaged", "sha256:" + expected, "sha256:" + actual);
        }
        return file;
    }

    private Path pathOf(String hex) {
        return root.resolve("sha256").resolve(hex.substring(0, 2)).resolve(hex + ".tgz");
    }

    private static String hexOf(String digest) {
        var matcher = DIGEST.matcher(digest == null ? "" : digest.strip());
        if (!matcher.matches()) {
            throw new LifecycleException(LifecycleErrorCode.ARCHIVE_INVALID_DIGEST, "Not a sha256 digest", String.valueOf(digest));
        }
        return matcher.group(1).toLowerCase(Locale.ROOT);
    }

    private LifecycleException failure(IOException e, String what) {
        LifecycleErrorCode code = isDiskFull(e) ? LifecycleErrorCode.ARCHIVE_DISK_FULL : LifecycleErrorCode.ARCHIVE_WRITE_FAILED;
        return new LifecycleException(code, what + ": " + e.getMessage(), e, root);
    }

    /** Java reports ENOSPC only as text: "No space left on device" (Linux, macOS), "not enough space" (Windows). */
    static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : t.getMessage();
            if (message != null) {
                String text = message.toLowerCase(Locale.ROOT);
                if (text.contains("no space left") || text.contains("not enough space") || text.contains("disk full")
                        || text.contains("disk quota exceeded")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void removeAbandonedTemporaries(Clock clock) {
        FileTime cutoff = FileTime.from(clock.instant().minus(ABANDONED_AFTER));
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming, "*.part")) {
            for (Path part : parts) {
                // Younger ones may belong to another console writing right now.
                if (Files.getLastModifiedTime(part).compareTo(cutoff) < 0) {
                    deleteQuietly(part);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot clean {}: {}", incoming, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }

    @Override
    public long usableBytes() {
        try {
            Files.createDirectories(root);
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            // A data folder that cannot even be examined has no room for this operation's records.
            LOG.warn("Cannot read the free space of {}: {}", root, e.toString());
            return 0;
        }
    }
}
