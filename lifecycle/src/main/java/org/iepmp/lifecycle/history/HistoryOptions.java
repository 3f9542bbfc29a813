package org.iepmp.lifecycle.history;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open the history database. {@code startFreshIfCorrupt} is the user's explicit consent
 * to put a damaged file aside and begin an empty history; without it a damaged file is only
 * reported. {@code maxDatabasePages} (0 = unlimited) caps the file size; a write beyond it
 * fails as "disk full". {@code fullCheckAtOpen} forces SQLite's full structural check at open;
 * otherwise it runs only after an unclean shutdown and before a migration (a cheap check
 * always runs), because on a large history it takes about a second.
 */
public record HistoryOptions(
        Path databaseFile, Duration busyTimeout, int backupsToKeep, boolean startFreshIfCorrupt, long maxDatabasePages, boolean fullCheckAtOpen) {

    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_BACKUPS = 3;

    public HistoryOptions {
        Objects.requireNonNull(databaseFile, "databaseFile");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (backupsToKeep < 1) {
            throw new IllegalArgumentException("Keep at least one backup");
        }
    }

    public static HistoryOptions defaults(Path databaseFile) {
        return new HistoryOptions(databaseFile, DEFAULT_BUSY_TIMEOUT, DEFAULT_BACKUPS, false, 0, false);
    }

    public HistoryOptions withBusyTimeout(Duration timeout) {
        return new HistoryOptions(databaseFile, timeout, backupsToKeep, startFreshIfCorrupt, maxDatabasePages, fullCheckAtOpen);
    }

    public HistoryOptions withStartFreshIfCorrupt(boolean consent) {
        return new HistoryOptions(databaseFile, busyTimeout, backupsToKeep, consent, maxDatabasePages, fullCheckAtOpen);
    }

    public HistoryOptions withMaxDatabasePages(long pages) {
        return new HistoryOptions(databaseFile, busyTimeout, backupsToKeep, startFreshIfCorrupt, pages, fullCheckAtOpen);
    }

    public HistoryOptions withFullCheckAtOpen(boolean full) {
        return new HistoryOptions(databaseFile, busyTimeout, backupsToKeep, startFreshIfCorrupt, maxDatabasePages, full);
    }
}
