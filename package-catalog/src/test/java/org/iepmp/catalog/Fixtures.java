package org.iepmp.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.iepmp.catalog.source.ArchiveDownloader;

/** Test data written by the tests themselves: fixture folders and chart archives. */
final class Fixtures {

    private Fixtures() {
    }

    /** Copies a folder of {@code src/test/resources/fixtures} into {@code target}. */
    static Path copy(String fixture, Path target) throws IOException {
        URL url = Fixtures.class.getResource("/fixtures/" + fixture);
        if (url == null) {
            throw new IOException("no fixture " + fixture);
        }
        Path source;
        try {
            source = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** A tar entry to write: a file with content, or a link when {@code linkTarget} is set. */
    record Entry(String name, byte[] content, String linkTarget, byte type) {
        static Entry file(String name, String text) {
            return new Entry(name, text.getBytes(StandardCharsets.UTF_8), null, TarArchiveEntry.LF_NORMAL);
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, new byte[0], target, TarArchiveEntry.LF_SYMLINK);
        }
    }

    static byte[] tgz(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GzipCompressorOutputStream(bytes);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry entry : entries) {
                TarArchiveEntry tarEntry;
                if (entry.linkTarget() != null) {
                    tarEntry = new TarArchiveEntry(entry.name(), entry.type());
                    tarEntry.setLinkName(entry.linkTarget());
                    tar.putArchiveEntry(tarEntry);
                } else {
                    tarEntry = new TarArchiveEntry(entry.name(), true);
                    tarEntry.setSize(entry.content().length);
                    tar.putArchiveEntry(tarEntry);
                    tar.write(entry.content());
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A small valid chart archive. */
    static byte[] chart(String name, String version, boolean withSchema) throws IOException {
        List<Entry> entries = new java.util.ArrayList<>(List.of(
                Entry.file(name + "/Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n"),
                Entry.file(name + "/values.yaml", "replicaCount: 1\n"),
                Entry.file(name + "/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"),
                Entry.file(name + "/charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.1.0\n")));
        if (withSchema) {
            entries.add(Entry.file(name + "/values.schema.json",
                    "{\"type\":\"object\",\"properties\":{\"replicaCount\":{\"type\":\"integer\",\"minimum\":1}}}"));
        }
        return tgz(entries);
    }

    /**
     * Writes a Helm repository into {@code dir}: archives of {@code charts} (name → versions) and an
     * index whose URLs are made by {@code urlOf} (file name → URL as written in the index).
     */
    static Map<String, String> helmRepository(Path dir, Map<String, List<String>> charts,
            java.util.function.Function<String, String> urlOf) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> digests = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n");
        for (Map.Entry<String, List<String>> chart : charts.entrySet()) {
            index.append("  ").append(chart.getKey()).append(":\n");
            for (String version : chart.getValue()) {
                String file = chart.getKey() + "-" + version + ".tgz";
                Path archive = dir.resolve(file);
                Files.write(archive, chart(chart.getKey(), version, version.startsWith("2")));
                String digest = ArchiveDownloader.sha256(archive);
                digests.put(file, digest);
                index.append("  - apiVersion: v2\n    name: ").append(chart.getKey())
                        .append("\n    version: ").append(version)
                        .append("\n    description: Chart ").append(chart.getKey()).append(" for tests")
                        .append("\n    keywords: [demo, test]")
                        .append("\n    digest: ").append(digest)
                        .append("\n    urls:\n    - ").append(urlOf.apply(file)).append('\n');
            }
        }
        Files.writeString(dir.resolve("index.yaml"), index.toString());
        return digests;
    }

    /** Files below {@code dir} whose name marks them as temporary. */
    static List<Path> tempFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".tmp") || n.startsWith(".extract-");
            }).toList();
        }
    }

    /** Every regular file below {@code dir}. */
    static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
