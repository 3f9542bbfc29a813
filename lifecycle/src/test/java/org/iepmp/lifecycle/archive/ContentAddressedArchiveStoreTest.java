package org.iepmp.lifecycle.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentAddressedArchiveStoreTest {

    @TempDir
    Path dir;

    private final byte[] chart = randomBytes(300_000);

    @Test
    void storesByDigestAndReturnsTheVerifiedFile() throws Exception {
        ContentAddressedArchiveStore store = new ContentAddressedArchiveStore(dir, Clock.systemUTC());
        String digest = store.put(new ByteArrayInputStream(chart));
        assertThat(digest).isEqualTo("sha256:" + sha256(chart));
        assertThat(store.contains(digest)).isTrue();
        assertThat(store.contains(digest.substring(7).toUpperCase())).isTrue();
        Path file = store.get(digest);
        assertThat(Files.readAllBytes(file)).isEqualTo(chart);

        Path source = dir.resolve("chart.tgz");
        Files.write(source, chart);
        assertThat(store.put(source)).isEqualTo(digest);
        assertThat(regularFiles(dir.resolve("sha256"))).hasSize(1);
        assertThat(regularFiles(dir.resolve("incoming"))).isEmpty();
    }

    @Test
    void aDamagedArchiveIsRefusedAndRemoved() throws Exception {
        ContentAddressedArchiveStore store = new ContentAddressedArchiveStore(dir, Clock.systemUTC());
        String digest = store.put(new ByteArrayInputStream(chart));
        Path file = store.get(digest);
        byte[] rotten = chart.clone();
        rotten[1000] ^= 0x01;
        Files.write(file, rotten);

        String rottenDigest = "sha256:" + sha256(rotten);
        assertThatThrownBy(() -> store.get(digest)).isInstanceOfSatisfying(LifecycleException.class, e -> {
            assertThat(e.code()).isEqualTo(LifecycleErrorCode.ARCHIVE_CORRUPT);
            assertThat(e.params()).containsExactly(digest, rottenDigest);
        });
        assertThat(store.contains(digest)).isFalse();
        assertThatThrownBy(() -> store.get(digest))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.ARCHIVE_MISSING));
    }

    @Test
    void badDigestsAreTypedErrors() {
        ContentAddressedArchiveStore store = new ContentAddressedArchiveStore(dir, Clock.systemUTC());
        for (String bad : List.of("", "sha256:xyz", "md5:" + "a".repeat(32), "../../etc/passwd", "a".repeat(63))) {
            assertThatThrownBy(() -> store.get(bad)).isInstanceOfSatisfying(LifecycleException.class,
                    e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.ARCHIVE_INVALID_DIGEST));
        }
    }

    /** No tiny filesystem here: the store writes through a channel that fails like a full disk after 100 KB. */
    @Test
    void aFullDiskLeavesNoPartialFileAndATypedError() throws Exception {
        ContentAddressedArchiveStore full = new ContentAddressedArchiveStore(dir, Clock.systemUTC(), file -> new FillingChannel(file, 100_000));
        assertThatThrownBy(() -> full.put(new ByteArrayInputStream(chart))).isInstanceOfSatisfying(LifecycleException.class, e -> {
            assertThat(e.code()).isEqualTo(LifecycleErrorCode.ARCHIVE_DISK_FULL);
            assertThat(e.params()).containsExactly(dir.toAbsolutePath());
        });
        assertThat(regularFiles(dir)).isEmpty();

        ContentAddressedArchiveStore healthy = new ContentAddressedArchiveStore(dir, Clock.systemUTC());
        assertThat(healthy.contains("sha256:" + sha256(chart))).isFalse();
        healthy.put(new ByteArrayInputStream(chart));
        assertThat(Files.readAllBytes(healthy.get("sha256:" + sha256(chart)))).isEqualTo(chart);
    }

    @Test
    void aSourceThatBreaksOffLeavesNoPartialFile() throws Exception {
        ContentAddressedArchiveStore store = new ContentAddressedArchiveStore(dir, Clock.systemUTC());
        InputStream breaksOff = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 50_000) {
                    throw new IOException("Connection reset");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> store.put(breaksOff)).isInstanceOfSatisfying(LifecycleException.class,
                e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.ARCHIVE_WRITE_FAILED));
        assertThat(regularFiles(dir)).isEmpty();
    }

    @Test
    void temporariesAbandonedByACrashAreCleanedUpAtStart() throws Exception {
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        Path old = Files.write(incoming.resolve("archive-1.part"), new byte[10]);
        Path recent = Files.write(incoming.resolve("archive-2.part"), new byte[10]);
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofHours(2))));
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofMinutes(5))));
        new ContentAddressedArchiveStore(dir, Clock.fixed(now, java.time.ZoneOffset.UTC));
        assertThat(old).doesNotExist();
        assertThat(recent).exists();
    }

    @Test
    void recognisesDiskFullMessages() {
        assertThat(ContentAddressedArchiveStore.isDiskFull(new IOException("No space left on device"))).isTrue();
        assertThat(ContentAddressedArchiveStore.isDiskFull(new java.nio.file.FileSystemException("/x", null, "No space left on device")))
                .isTrue();
        assertThat(ContentAddressedArchiveStore.isDiskFull(new IOException("There is not enough space on the disk"))).isTrue();
        assertThat(ContentAddressedArchiveStore.isDiskFull(new IOException("Permission denied"))).isFalse();
    }

    /** A real file channel that fails with ENOSPC's message once {@code capacity} bytes are written. */
    private static final class FillingChannel implements WritableByteChannel {
        private final FileChannel file;
        private long left;

        FillingChannel(Path path, long capacity) throws IOException {
            this.file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.left = capacity;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            if (left <= 0) {
                throw new IOException("No space left on device");
            }
            ByteBuffer slice = source.slice();
            slice.limit((int) Math.min(slice.remaining(), left));
            int written = file.write(slice);
            source.position(source.position() + written);
            left -= written;
            return written;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private static List<Path> regularFiles(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
