package org.iepmp.support.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A prepared support bundle: every entry already redacted and held in memory, so the technician
 * sees exactly what will be saved (names, sizes, what each holds) before anything is written.
 */
public final class SupportBundle {

    /** What stands where a secret was removed. */
    public static final String REDACTED = "[REDACTED]";

    /** One file of the bundle and a one-line description for the manifest. */
    public record Entry(String name, String description, byte[] content) {

        /** A text file, stored as UTF-8. */
        public static Entry text(String name, String description, String text) {
            return new Entry(name, description, text.getBytes(StandardCharsets.UTF_8));
        }

        public long size() {
            return content.length;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** @param entries already redacted, in bundle order; a later entry of the same name replaces an earlier one */
    public SupportBundle(List<Entry> entries) {
        for (Entry entry : entries) {
            this.entries.put(entry.name(), entry);
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The manifest text (also written into the zip as MANIFEST.txt). */
    public String manifest() {
        StringBuilder text = new StringBuilder("IEPMP Console support bundle\n\n");
        for (Entry entry : entries.values()) {
            text.append(String.format("%-36s %10d bytes  %s%n", entry.name(), entry.size(), entry.description()));
        }
        text.append("\nSecrets, tokens, passwords, kubeconfig credentials and values marked secret were removed ("
                + REDACTED + ").\n");
        return text.toString();
    }

    /** Writes the zip beside the target and moves it into place: a failed write leaves no half file. */
    public void writeZip(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".iepmp-bundle", ".part");
        try {
            try (OutputStream raw = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(raw)) {
                List<Entry> all = new ArrayList<>(entries.values());
                all.add(0, new Entry("MANIFEST.txt", "what is inside", manifest().getBytes(StandardCharsets.UTF_8)));
                for (Entry entry : all) {
                    zip.putNextEntry(new ZipEntry(entry.name()));
                    zip.write(entry.content());
                    zip.closeEntry();
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
