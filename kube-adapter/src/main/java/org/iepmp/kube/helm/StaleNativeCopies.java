package org.iepmp.kube.helm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the copies of Helm's native library (~95 MB each) that helm-java leaves in
 * {@code <tmp>/helm-java<digits>/} when a JVM dies without running its exit hooks. A folder is
 * removed only when no live process maps a file from it (read from {@code /proc/<pid>/maps},
 * which includes this very process) and it is older than a grace period, so a JVM that is
 * just copying its library is left alone. Without {@code /proc} nothing is removed.
 */
public final class StaleNativeCopies {

    private static final Logger LOG = LoggerFactory.getLogger(StaleNativeCopies.class);
    /** helm-java creates its folder with {@code Files.createTempDirectory("helm-java")}. */
    static final String FOLDER_PREFIX = "helm-java";
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);

    private final Path tempDir;
    private final Path procRoot;
    private final Clock clock;
    private final Duration grace;

    public StaleNativeCopies(Path tempDir, Path procRoot, Clock clock, Duration grace) {
        this.tempDir = tempDir;
        this.procRoot = procRoot;
        this.clock = clock;
        this.grace = grace;
    }

    /** The system temp folder and {@code /proc}, with the default grace period. */
    public static StaleNativeCopies ofSystem(Clock clock) {
        return new StaleNativeCopies(Path.of(System.getProperty("java.io.tmpdir")), Path.of("/proc"), clock,
                DEFAULT_GRACE);
    }

    /** Deletes the stale folders and returns them; never throws (a failed cleanup must not stop the app). */
    public List<Path> clean() {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(procRoot)) {
            LOG.debug("No {}: cannot tell which helm-java copies are in use, leaving them", procRoot);
            return removed;
        }
        try {
            Set<Path> inUse = mappedHelmFolders();
            Instant cutoff = clock.instant().minus(grace);
            try (DirectoryStream<Path> candidates = Files.newDirectoryStream(tempDir, FOLDER_PREFIX + "*")) {
                for (Path folder : candidates) {
                    if (!Files.isDirectory(folder) || inUse.contains(folder.toAbsolutePath().normalize())) {
                        continue;
                    }
                    FileTime modified = Files.getLastModifiedTime(folder);
                    if (modified.toInstant().isAfter(cutoff)) {
                        continue;
                    }
                    if (deleteTree(folder)) {
                        removed.add(folder);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cleaning stale helm-java copies in {} failed", tempDir, e);
        }
        if (!removed.isEmpty()) {
            LOG.info("Removed {} stale helm-java native copies: {}", removed.size(), removed);
        }
        return removed;
    }

    /** Folders directly under the temp folder from which some live process maps a file. */
    private Set<Path> mappedHelmFolders() throws IOException {
        Set<Path> folders = new HashSet<>();
        Path normalizedTemp = tempDir.toAbsolutePath().normalize();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(procRoot)) {
            for (Path process : processes) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) && !name.equals("self")) {
                    continue;
                }
                Path maps = process.resolve("maps");
                List<String> lines;
                try {
                    lines = Files.readAllLines(maps);
                } catch (IOException | SecurityException e) {
                    // Processes of other users: their copies are theirs, and we could not delete them anyway.
                    continue;
                }
                for (String line : lines) {
                    int slash = line.indexOf('/');
                    if (slash < 0 || !line.contains(FOLDER_PREFIX)) {
                        continue;
                    }
                    String file = line.substring(slash).replace(" (deleted)", "").strip();
                    Path mapped = Path.of(file).toAbsolutePath().normalize();
                    if (mapped.startsWith(normalizedTemp) && mapped.getNameCount() > normalizedTemp.getNameCount()) {
                        folders.add(normalizedTemp.resolve(mapped.getName(normalizedTemp.getNameCount())));
                    }
                }
            }
        }
        return folders;
    }

    private static boolean deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot remove {}: {}", folder, e.toString());
            return false;
        }
    }
}
