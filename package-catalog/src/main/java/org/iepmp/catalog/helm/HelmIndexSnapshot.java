package org.iepmp.catalog.helm;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.SkippedEntry;
import org.iepmp.catalog.config.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compact binary copy of a parsed Helm index, keyed by the length and CRC32C of the YAML it
 * came from. Parsing a 20 MB index takes about a second; reading this copy a few dozen
 * milliseconds, which is what makes start-up and offline use quick. The key is only a shortcut:
 * the copy is written solely from an index that was fully parsed and checked, so a stale or
 * foreign copy can at worst be ignored, never trusted over new content (a new index gets a new key).
 */
public final class HelmIndexSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(HelmIndexSnapshot.class);
    private static final long MAGIC = 0x4945504d50485833L; // "IEPMPHX3": entries carry their creation time; skipped ones follow

    private final Path file;

    public HelmIndexSnapshot(Path file) {
        this.file = file;
    }

    /** The parsed index of {@code yaml}: from the snapshot when it matches, else parsed and snapshotted. */
    public HelmIndex readOrParse(byte[] yaml, Supplier<HelmIndex> parse) {
        CRC32C crc = new CRC32C();
        crc.update(yaml);
        long length = yaml.length;
        long checksum = crc.getValue();
        lastContentKey = length + ":" + checksum;
        Optional<HelmIndex> cached = read(length, checksum);
        if (cached.isPresent()) {
            return cached.get();
        }
        HelmIndex parsed = parse.get();
        write(parsed, length, checksum);
        return parsed;
    }

    private volatile String lastContentKey;

    /**
     * Warm start without reading the YAML at all: when the YAML file is the very file (size,
     * modification time, inode) whose content key was recorded after the last successful load.
     */
    public Optional<HelmIndex> readIfUnchanged(Path yamlFile) {
        Path sidecar = sidecar();
        try {
            if (!Files.isRegularFile(sidecar)) {
                return Optional.empty();
            }
            String[] recorded = Files.readString(sidecar, StandardCharsets.UTF_8).trim().split("\\|");
            if (recorded.length != 2 || !recorded[0].equals(fileKey(yamlFile))) {
                return Optional.empty();
            }
            String[] content = recorded[1].split(":");
            return read(Long.parseLong(content[0]), Long.parseLong(content[1]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The identity of a YAML file (size, modification time, inode, path), or empty when unreadable. */
    public static Optional<String> keyOf(Path yamlFile) {
        try {
            return Optional.of(fileKey(yamlFile));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Records that the file of identity {@code fileKeyBefore} holds the content last read. The
     * caller takes the key before reading and passes it only when it is unchanged after, so a
     * file replaced while it was read is never paired with the older content.
     */
    public void remember(String fileKeyBefore) {
        String content = lastContentKey;
        if (content == null) {
            return;
        }
        try {
            AtomicFiles.write(sidecar(), (fileKeyBefore + "|" + content).getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            LOG.debug("Cannot record snapshot key: {}", e.toString());
        }
    }

    private Path sidecar() {
        return file.resolveSibling(file.getFileName() + ".key");
    }

    private static String fileKey(Path yamlFile) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(yamlFile, BasicFileAttributes.class);
        return attributes.size() + ":" + attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
                + ":" + attributes.fileKey() + ":" + yamlFile.toAbsolutePath();
    }

    private Optional<HelmIndex> read(long length, long checksum) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            // One read and a ByteBuffer: per-field stream calls cost more than the parse they replace.
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            if (in.getLong() != MAGIC || in.getLong() != length || in.getLong() != checksum) {
                return Optional.empty();
            }
            int charts = in.getInt();
            Map<String, List<HelmIndex.ChartEntry>> result = new HashMap<>(charts * 2);
            for (int c = 0; c < charts; c++) {
                String name = string(in);
                int count = in.getInt();
                List<HelmIndex.ChartEntry> entries = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String version = string(in);
                    String description = string(in);
                    List<String> keywords = strings(in);
                    String icon = string(in);
                    String appVersion = string(in);
                    List<String> urls = strings(in);
                    String digest = string(in);
                    boolean deprecated = in.get() != 0;
                    long created = in.getLong();
                    entries.add(new HelmIndex.ChartEntry(name, version, description, keywords, icon, appVersion, urls,
                            digest, deprecated, created == Long.MIN_VALUE ? null : java.time.Instant.ofEpochMilli(created)));
                }
                result.put(name, entries);
            }
            int skippedCount = in.getInt();
            List<SkippedEntry> skipped = new ArrayList<>(skippedCount);
            for (int i = 0; i < skippedCount; i++) {
                skipped.add(new SkippedEntry(string(in), string(in), string(in), string(in),
                        CatalogErrorCode.valueOf(string(in)), strings(in)));
            }
            return Optional.of(new HelmIndex(result, skipped));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Ignoring unreadable index snapshot {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private void write(HelmIndex index, long length, long checksum) {
        try {
            Path temp = AtomicFiles.tempBeside(file, false);
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp),
                        1 << 16))) {
                    out.writeLong(MAGIC);
                    out.writeLong(length);
                    out.writeLong(checksum);
                    out.writeInt(index.charts().size());
                    for (Map.Entry<String, List<HelmIndex.ChartEntry>> chart : index.charts().entrySet()) {
                        string(out, chart.getKey());
                        out.writeInt(chart.getValue().size());
                        for (HelmIndex.ChartEntry e : chart.getValue()) {
                            string(out, e.version());
                            string(out, e.description());
                            strings(out, e.keywords());
                            string(out, e.icon());
                            string(out, e.appVersion());
                            strings(out, e.urls());
                            string(out, e.digest());
                            out.writeBoolean(e.deprecated());
                            out.writeLong(e.created() == null ? Long.MIN_VALUE : e.created().toEpochMilli());
                        }
                    }
                    out.writeInt(index.skipped().size());
                    for (SkippedEntry skipped : index.skipped()) {
                        string(out, skipped.file());
                        string(out, skipped.packageName());
                        string(out, skipped.version());
                        string(out, skipped.field());
                        string(out, skipped.reason().name());
                        strings(out, skipped.reasonParams());
                    }
                }
                AtomicFiles.moveInto(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // Only a speed-up: without it the next load parses the YAML again.
            LOG.warn("Cannot write index snapshot {}: {}", file, e.toString());
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            string(out, value);
        }
    }

    private static List<String> strings(ByteBuffer in) {
        int count = in.getInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(string(in));
        }
        return values;
    }
}
