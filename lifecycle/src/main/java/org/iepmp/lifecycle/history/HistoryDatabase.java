package org.iepmp.lifecycle.history;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the history file safely: checks it is a sound SQLite database, puts a damaged file
 * aside only with the user's consent, backs it up before any schema migration (keeping the
 * newest few backups), then migrates with Flyway. Every connection runs in WAL mode with a busy
 * timeout, so a second reader never blocks and a held lock fails in bounded time.
 */
final class HistoryDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryDatabase.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    static final String MIGRATIONS = "classpath:org/iepmp/lifecycle/history/migration";

    private HistoryDatabase() {
    }

    record Opened(SQLiteDataSource dataSource, Optional<Path> backup, Optional<Path> damagedFileKeptAt) {
    }

    static Opened open(HistoryOptions options, Clock clock) {
        return open(options, clock, MIGRATIONS);
    }

    /** With extra migration locations: tests stand in a later schema version this way. */
    static Opened open(HistoryOptions options, Clock clock, String... locations) {
        Path file = options.databaseFile().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new LifecycleException(LifecycleErrorCode.HISTORY_UNAVAILABLE, "Cannot create folder of " + file, e, file);
        }
        SQLiteDataSource dataSource = dataSource(file, options);
        Optional<Path> damagedKeptAt = Optional.empty();
        boolean existing = hasContent(file);
        // A WAL left behind means the last run did not close cleanly (or another console has it open): look closer then.
        boolean unclean = existing && hasContent(file.resolveSibling(file.getFileName() + "-wal"));
        if (existing && !(opensAsSqlite(dataSource, file)
                && (!(options.fullCheckAtOpen() || unclean) || passesQuickCheck(dataSource, file)))) {
            damagedKeptAt = Optional.of(damaged(file, options, clock));
            existing = false;
        }
        Flyway flyway = Flyway.configure(HistoryDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                .loggers("slf4j")
                .load();
        Optional<Path> backup = Optional.empty();
        try {
            if (existing && flyway.info().pending().length > 0) {
                // Never migrate (nor back up as "good") a damaged file.
                if (!options.fullCheckAtOpen() && !unclean && !passesQuickCheck(dataSource, file)) {
                    damagedKeptAt = Optional.of(damaged(file, options, clock));
                } else {
                    backup = Optional.of(backUp(dataSource, file, options.backupsToKeep(), clock));
                }
            }
            flyway.migrate();
        } catch (FlywayException e) {
            LifecycleException typed = SqliteFailures.translate(e, file, "Migrating");
            if (typed.code() != LifecycleErrorCode.HISTORY_UNAVAILABLE) {
                throw typed;
            }
            throw new LifecycleException(LifecycleErrorCode.HISTORY_MIGRATION_FAILED, "Schema migration failed", e, file,
                    backup.map(Path::toString).orElse(""));
        }
        return new Opened(dataSource, backup, damagedKeptAt);
    }

    static SQLiteDataSource dataSource(Path file, HistoryOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a committed history row survives a power cut, not only a crash; our write rate is tiny.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        config.enforceForeignKeys(true);
        if (options.maxDatabasePages() > 0) {
            config.setPragma(SQLiteConfig.Pragma.MAX_PAGE_COUNT, Long.toString(options.maxDatabasePages()));
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    private static boolean hasContent(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new LifecycleException(LifecycleErrorCode.HISTORY_UNAVAILABLE, "Cannot read " + file, e, file);
        }
    }

    /** Without consent a damaged file is only reported; with it, it is put aside. */
    private static Path damaged(Path file, HistoryOptions options, Clock clock) {
        if (!options.startFreshIfCorrupt()) {
            throw new LifecycleException(LifecycleErrorCode.HISTORY_CORRUPT, "History database failed its integrity check", file);
        }
        return setAside(file, clock);
    }

    /** Cheap: the header and schema are readable. Catches a file that is not SQLite at all, or a damaged first page. */
    private static boolean opensAsSqlite(SQLiteDataSource dataSource, Path file) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rows.next();
        } catch (SQLException e) {
            if (SqliteFailures.isCorruption(e)) {
                LOG.warn("History database {} is not readable as SQLite: {}", file, e.getMessage());
                return false;
            }
            throw SqliteFailures.translate(e, file, "Opening");
        }
    }

    /** SQLite's structural check of every page. False for a damaged file; throws for anything else that stops us from looking (lock, permissions). */
    static boolean passesQuickCheck(SQLiteDataSource dataSource, Path file) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
            List<String> problems = new ArrayList<>();
            while (rows.next()) {
                String line = rows.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
            if (!problems.isEmpty()) {
                LOG.warn("History database {} failed quick_check: {}", file, problems.subList(0, Math.min(5, problems.size())));
            }
            return problems.isEmpty();
        } catch (SQLException e) {
            if (SqliteFailures.isCorruption(e)) {
                LOG.warn("History database {} is not readable as SQLite: {}", file, e.getMessage());
                return false;
            }
            throw SqliteFailures.translate(e, file, "Checking");
        }
    }

    /** Moves the damaged file and its WAL/SHM companions aside; returns where the main file went. */
    private static Path setAside(Path file, Clock clock) {
        String suffix = ".damaged-" + STAMP.format(clock.instant());
        Path aside = file.resolveSibling(file.getFileName() + suffix);
        try {
            for (String companion : new String[] {"-wal", "-shm"}) {
                Path part = file.resolveSibling(file.getFileName() + companion);
                if (Files.exists(part)) {
                    Files.move(part, file.resolveSibling(file.getFileName() + suffix + companion));
                }
            }
            Files.move(file, aside);
        } catch (IOException e) {
            throw new LifecycleException(LifecycleErrorCode.HISTORY_UNAVAILABLE, "Cannot put damaged history aside", e, file);
        }
        LOG.warn("Damaged history database kept at {}; starting an empty history with the user's consent", aside);
        return aside;
    }

    /**
     * A consistent copy (VACUUM INTO reads one snapshot, WAL included) written to a temporary
     * name and moved into place, so an interrupted backup never looks like a good one.
     */
    static Path backUp(SQLiteDataSource dataSource, Path file, int keep, Clock clock) {
        Path target = file.resolveSibling(file.getFileName() + ".backup-" + STAMP.format(clock.instant()));
        Path temp = file.resolveSibling(target.getFileName() + ".tmp");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Files.deleteIfExists(temp);
            statement.execute("VACUUM INTO '" + temp.toString().replace("'", "''") + "'");
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            deleteQuietly(temp);
            throw SqliteFailures.translate(e, file, "Backing up");
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new LifecycleException(LifecycleErrorCode.HISTORY_UNAVAILABLE, "Cannot back up history", e, file);
        }
        LOG.info("Backed up history database to {} before migrating", target);
        pruneBackups(file, keep);
        return target;
    }

    static List<Path> backups(Path file) {
        List<Path> found = new ArrayList<>();
        String prefix = file.getFileName() + ".backup-";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(file.toAbsolutePath().getParent(), prefix + "*")) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().endsWith(".tmp")) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list backups of {}: {}", file, e.getMessage());
        }
        // The timestamp format sorts by name.
        found.sort(null);
        return found;
    }

    private static void pruneBackups(Path file, int keep) {
        List<Path> all = backups(file);
        for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
            deleteQuietly(old);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", path, e.getMessage());
        }
    }
}
