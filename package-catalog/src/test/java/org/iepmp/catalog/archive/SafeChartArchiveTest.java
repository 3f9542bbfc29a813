package org.iepmp.catalog.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.ChartFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeChartArchiveTest {

    @TempDir
    Path temp;

    private final SafeChartArchive archives = new SafeChartArchive(
            CatalogSettings.defaults().withArchiveLimits(1024 * 1024, 2 * 1024 * 1024, 1024 * 1024, 100));

    private record E(String name, String text, String link, byte type) {
        static E file(String name, String text) {
            return new E(name, text, null, TarArchiveEntry.LF_NORMAL);
        }
    }

    private Path tgz(String fileName, List<E> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GzipCompressorOutputStream(bytes);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (E e : entries) {
                if (e.link() != null) {
                    TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.type());
                    entry.setLinkName(e.link());
                    tar.putArchiveEntry(entry);
                } else {
                    byte[] content = e.text().getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry entry = new TarArchiveEntry(e.name(), true);
                    entry.setSize(content.length);
                    tar.putArchiveEntry(entry);
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        Path file = temp.resolve(fileName);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static org.iepmp.errors.ErrorCode code(Throwable t) {
        return ((CatalogException) t).code();
    }

    @Test
    void readsTheTopLevelChartFilesInMemory() throws Exception {
        Path archive = tgz("ok.tgz", List.of(
                E.file("app/charts/sub/Chart.yaml", "name: sub"),
                E.file("app/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0"),
                E.file("app/values.yaml", "a: 1"),
                E.file("app/values.schema.json", "{\"type\":\"object\"}"),
                new E("app/templates/link.yaml", null, "../values.yaml", TarArchiveEntry.LF_SYMLINK)));
        ChartFiles files = archives.chartFiles(archive);
        assertThat(files.chartYaml()).contains("name: app");
        assertThat(files.valuesYaml()).isEqualTo("a: 1");
        assertThat(files.valuesSchemaJson()).contains("object");
        Path target = temp.resolve("out/app");
        archives.extract(archive, target);
        assertThat(target.resolve("app/Chart.yaml")).hasContent("apiVersion: v2\nname: app\nversion: 1.0.0");
        try (var listing = Files.list(temp.resolve("out"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("app");
        }
    }

    @Test
    void rejectsPathTraversal() throws Exception {
        Path archive = tgz("evil.tgz", List.of(E.file("app/Chart.yaml", "x"), E.file("app/../../etc/cron.d/x", "boom")));
        assertThatThrownBy(() -> archives.verify(archive)).satisfies(e -> {
            assertThat(code(e)).isEqualTo(CatalogErrorCode.ARCHIVE_UNSAFE);
            assertThat(e.getMessage()).contains("path traversal");
        });
        Path target = temp.resolve("out/evil");
        assertThatThrownBy(() -> archives.extract(archive, target))
                .satisfies(e -> assertThat(code(e)).isEqualTo(CatalogErrorCode.ARCHIVE_UNSAFE));
        assertThat(target).doesNotExist();
        try (var listing = Files.list(temp.resolve("out"))) {
            assertThat(listing).isEmpty();
        }
    }

    @Test
    void rejectsAbsolutePathsAndLinksPointingOutside() throws Exception {
        Path absolute = tgz("abs.tgz", List.of(E.file("/etc/passwd", "root")));
        assertThatThrownBy(() -> archives.verify(absolute))
                .satisfies(e -> assertThat(e.getMessage()).contains("absolute path"));
        Path symlink = tgz("sym.tgz", List.of(E.file("app/Chart.yaml", "x"),
                new E("app/templates/x.yaml", null, "../../../etc/shadow", TarArchiveEntry.LF_SYMLINK)));
        assertThatThrownBy(() -> archives.verify(symlink))
                .satisfies(e -> assertThat(e.getMessage()).contains("link pointing outside"));
        Path absoluteLink = tgz("abslink.tgz", List.of(
                new E("app/x", null, "/etc/shadow", TarArchiveEntry.LF_SYMLINK)));
        assertThatThrownBy(() -> archives.verify(absoluteLink))
                .satisfies(e -> assertThat(e.getMessage()).contains("link to absolute path"));
        Path hardlink = tgz("hard.tgz", List.of(new E("app/x", null, "../outside", TarArchiveEntry.LF_LINK)));
        assertThatThrownBy(() -> archives.verify(hardlink))
                .satisfies(e -> assertThat(code(e)).isEqualTo(CatalogErrorCode.ARCHIVE_UNSAFE));
    }

    @Test
    void stopsAGzipBombAtTheLimitWithoutReadingItAll() throws Exception {
        // 128 MiB of zeros compresses to about 128 KiB; the limit is 2 MiB unpacked.
        Path bomb = temp.resolve("bomb.tgz");
        try (OutputStream gzip = new GzipCompressorOutputStream(Files.newOutputStream(bomb));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry("app/values.yaml");
            long size = 128L * 1024 * 1024;
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 128; i++) {
                tar.write(zeros);
            }
            tar.closeArchiveEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(128L * 1024 * 1024 / 100);
        SafeChartArchive lenientCompressed = new SafeChartArchive(
                CatalogSettings.defaults().withArchiveLimits(64L * 1024 * 1024, 2 * 1024 * 1024, 1024L * 1024 * 1024, 100));
        assertThatThrownBy(() -> lenientCompressed.verify(bomb)).satisfies(e -> {
            assertThat(code(e)).isEqualTo(CatalogErrorCode.ARCHIVE_UNSAFE);
            assertThat(e.getMessage()).contains("unpacks to more than 2097152 bytes");
        });
        assertThatThrownBy(() -> archives.verify(bomb)).satisfies(e -> {
            assertThat(code(e)).isEqualTo(CatalogErrorCode.ARCHIVE_UNSAFE);
            assertThat(e.getMessage()).contains("more than 1048576 bytes");
        });
    }

    @Test
    void limitsTheNumberOfEntries() throws Exception {
        List<E> many = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(E.file("app/f" + i, "x"));
        }
        Path archive = tgz("many.tgz", many);
        assertThatThrownBy(() -> archives.verify(archive))
                .satisfies(e -> assertThat(e.getMessage()).contains("more than 100 entries"));
    }

    @Test
    void reportsTruncatedAndNonArchives() throws Exception {
        Path good = tgz("good.tgz", List.of(E.file("app/Chart.yaml", "name: app\n".repeat(2000))));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = temp.resolve("truncated.tgz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> archives.chartFiles(truncated))
                .satisfies(e -> assertThat(code(e)).isEqualTo(CatalogErrorCode.ARCHIVE_CORRUPT));
        Path text = temp.resolve("text.tgz");
        Files.writeString(text, "<html>not found</html>");
        assertThatThrownBy(() -> archives.verify(text))
                .satisfies(e -> assertThat(code(e)).isEqualTo(CatalogErrorCode.ARCHIVE_CORRUPT));
        Path noChart = tgz("nochart.tgz", List.of(E.file("app/values.yaml", "a: 1")));
        assertThatThrownBy(() -> archives.chartFiles(noChart))
                .satisfies(e -> assertThat(code(e)).isEqualTo(CatalogErrorCode.ARCHIVE_CORRUPT));
    }
}
