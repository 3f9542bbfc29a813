package org.iepmp.catalog.archive;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.ChartFiles;
import org.iepmp.catalog.config.AtomicFiles;

/**
 * Reads chart archives ({@code .tgz}) defensively: every entry name is checked (no absolute
 * paths, no {@code ..}, links may not point outside), and the decompressed bytes are counted as
 * they stream, so a gzip bomb is stopped at the limit instead of filling memory or disk.
 */
public final class SafeChartArchive {

    private final CatalogSettings limits;

    public SafeChartArchive(CatalogSettings limits) {
        this.limits = limits;
    }

    /** Checks the whole archive without keeping anything; throws on the first problem. */
    public void verify(Path archive) {
        walk(archive, (entry, in) -> in.transferTo(OutputStream.nullOutputStream()));
    }

    /** Chart.yaml, values.yaml and values.schema.json of the top-level chart, in memory. */
    public ChartFiles chartFiles(Path archive) {
        String[] files = new String[3];
        String[] chartDir = new String[1];
        walk(archive, (entry, in) -> {
            String name = normalized(entry.getName());
            int slash = name.indexOf('/');
            if (slash < 0 || !entry.isFile()) {
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            String dir = name.substring(0, slash);
            String rest = name.substring(slash + 1);
            int index = switch (rest) {
                case "Chart.yaml" -> 0;
                case "values.yaml" -> 1;
                case "values.schema.json" -> 2;
                default -> -1;
            };
            if (index < 0 || chartDir[0] != null && !chartDir[0].equals(dir)) {
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            if (index == 0) {
                chartDir[0] = dir;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            files[index] = out.toString(StandardCharsets.UTF_8);
        });
        if (files[0] == null) {
            throw new CatalogException(CatalogErrorCode.ARCHIVE_CORRUPT, archive + " has no Chart.yaml", archive.toString());
        }
        return new ChartFiles(files[0], files[1], files[2]);
    }

    /**
     * Extracts into {@code target} (created, must not exist yet): into a sibling temp folder first,
     * moved into place only when the whole archive passed, so a rejected archive leaves nothing.
     */
    public void extract(Path archive, Path target) {
        Path temp;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            temp = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".extract-");
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.IO, "cannot create folder beside " + target, e, target.toString());
        }
        try {
            walk(archive, (entry, in) -> {
                Path out = temp.resolve(normalized(entry.getName())).normalize();
                if (!out.startsWith(temp)) {
                    throw unsafe(archive, entry.getName(), "outside the target");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
                // Links were checked to stay inside; they are not recreated: charts do not need them.
            });
            AtomicFiles.moveInto(temp, target);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.IO, "cannot extract into " + target, e, target.toString());
        } finally {
            deleteTree(temp);
        }
    }

    @FunctionalInterface
    private interface EntryHandler {
        void handle(TarArchiveEntry entry, InputStream content) throws IOException;
    }

    private void walk(Path archive, EntryHandler handler) {
        try {
            if (Files.size(archive) > limits.maxArchiveBytes()) {
                throw new CatalogException(CatalogErrorCode.TOO_LARGE, archive + " exceeds " + limits.maxArchiveBytes(),
                        archive.toString(), limits.maxArchiveBytes());
            }
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.IO, "cannot read " + archive, e, archive.toString());
        }
        try (InputStream file = Files.newInputStream(archive);
                // The JDK reader, not commons-compress: Helm writes a gzip "extra" field that is not a
                // valid subfield list, which commons-compress 1.28 rejects.
                GZIPInputStream gzip = new GZIPInputStream(file, 64 * 1024);
                LimitedStream unpacked = new LimitedStream(gzip, limits.maxUnpackedBytes(), archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(unpacked)) {
            TarArchiveEntry entry;
            int count = 0;
            boolean any = false;
            while ((entry = tar.getNextEntry()) != null) {
                any = true;
                if (++count > limits.maxEntries()) {
                    throw unsafe(archive, entry.getName(), "more than " + limits.maxEntries() + " entries");
                }
                checkEntry(archive, entry);
                LimitedStream content = new LimitedStream(tar, limits.maxEntryBytes(), archive);
                handler.handle(entry, content);
            }
            if (!any) {
                throw new CatalogException(CatalogErrorCode.ARCHIVE_CORRUPT, archive + " holds no entries",
                        archive.toString());
            }
        } catch (CatalogException e) {
            throw e;
        } catch (EOFException | ZipException e) {
            throw new CatalogException(CatalogErrorCode.ARCHIVE_CORRUPT, archive + " is truncated or corrupt", e,
                    archive.toString());
        } catch (IOException | IllegalArgumentException e) {
            throw new CatalogException(CatalogErrorCode.ARCHIVE_CORRUPT, archive + " is not a readable .tgz: " + e.getMessage(),
                    e, archive.toString());
        }
    }

    private static void checkEntry(Path archive, TarArchiveEntry entry) {
        String raw = entry.getName();
        if (raw.startsWith("/") || raw.startsWith("\\") || raw.matches("^[A-Za-z]:.*")) {
            throw unsafe(archive, raw, "absolute path");
        }
        String name = normalized(raw);
        if (escapes(name)) {
            throw unsafe(archive, raw, "path traversal");
        }
        // Devices and pipes first: the tar library counts any entry not named like a folder as a file.
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            throw unsafe(archive, raw, "special file");
        }
        if (entry.isSymbolicLink() || entry.isLink()) {
            String link = entry.getLinkName().replace('\\', '/');
            if (link.startsWith("/") || link.matches("^[A-Za-z]:.*")) {
                throw unsafe(archive, raw, "link to absolute path " + link);
            }
            // A symlink is relative to its own folder; a hard link to the archive root.
            String parent = entry.isSymbolicLink() && name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
            if (escapes(parent + link)) {
                throw unsafe(archive, raw, "link pointing outside: " + link);
            }
        } else if (!entry.isFile() && !entry.isDirectory()) {
            throw unsafe(archive, raw, "special file");
        }
    }

    /** Whether a relative path climbs above its root. */
    private static boolean escapes(String path) {
        int depth = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            depth += segment.equals("..") ? -1 : 1;
            if (depth < 0) {
                return true;
            }
        }
        return false;
    }

    private static String normalized(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n;
    }

    private static CatalogException unsafe(Path archive, String entry, String why) {
        return new CatalogException(CatalogErrorCode.ARCHIVE_UNSAFE, archive + " entry '" + entry + "': " + why,
                archive.getFileName().toString(), entry, why);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp folder is harmless and named as such
                }
            });
        } catch (IOException ignored) {
            // same as above
        }
    }

    /** Counts bytes as they are read and stops at the limit; closing it does not close the source. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private final Path archive;
        private long count;

        LimitedStream(InputStream in, long limit, Path archive) {
            super(in);
            this.limit = limit;
            this.archive = archive;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipping still decompresses: count it, or a bomb could hide in skipped entries.
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new CatalogException(CatalogErrorCode.ARCHIVE_UNSAFE,
                        archive + " unpacks to more than " + limit + " bytes", archive.getFileName().toString(), "-",
                        "larger than " + limit + " bytes");
            }
        }

        @Override
        public void close() {
            // the tar/gzip stream owns the source
        }
    }
}
