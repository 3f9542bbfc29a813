package org.iepmp.kube.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleNativeCopiesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T23:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void removesOnlyOldCopiesThatNoLiveProcessMaps() throws IOException {
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path proc = Files.createDirectories(root.resolve("proc"));
        Path stale = copy(tmp, "helm-java123", NOW.minus(Duration.ofHours(3)));
        Path mappedByOther = copy(tmp, "helm-java456", NOW.minus(Duration.ofHours(3)));
        Path mappedBySelf = copy(tmp, "helm-java789", NOW.minus(Duration.ofHours(3)));
        Path justCreated = copy(tmp, "helm-java000", NOW.minus(Duration.ofMinutes(1)));
        Path unrelated = Files.createDirectories(tmp.resolve("other-dir"));
        Files.setLastModifiedTime(unrelated, FileTime.from(NOW.minus(Duration.ofHours(3))));
        maps(proc, "4242", "7f00-7f10 r-xp 00000000 08:01 1234 " + mappedByOther.resolve("helm-linux-amd64.so"));
        maps(proc, "self", "7f00-7f10 r-xp 00000000 08:01 99 " + mappedBySelf.resolve("helm-linux-amd64.so") + " (deleted)");
        maps(proc, "1", "7f00-7f10 r-xp 00000000 08:01 99 /usr/lib/libc.so.6");

        var removed = new StaleNativeCopies(tmp, proc, clock, Duration.ofMinutes(10)).clean();

        assertThat(removed).containsExactly(stale);
        assertThat(stale).doesNotExist();
        assertThat(mappedByOther).exists();
        assertThat(mappedBySelf).exists();
        assertThat(justCreated).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void withoutProcNothingIsRemoved() throws IOException {
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path stale = copy(tmp, "helm-java123", NOW.minus(Duration.ofHours(3)));

        var removed = new StaleNativeCopies(tmp, root.resolve("no-proc"), clock, Duration.ofMinutes(10)).clean();

        assertThat(removed).isEmpty();
        assertThat(stale).exists();
    }

    private static Path copy(Path tmp, String name, Instant modified) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve(name));
        Files.writeString(folder.resolve("helm-linux-amd64.so"), "not really a library");
        Files.setLastModifiedTime(folder, FileTime.from(modified));
        return folder;
    }

    private static void maps(Path proc, String pid, String line) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid));
        Files.writeString(dir.resolve("maps"), line + "\n");
    }
}
