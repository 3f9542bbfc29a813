package org.iepmp.lifecycle.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iepmp.lifecycle.history.HistoryFixture.T0;
import static org.iepmp.lifecycle.history.HistoryFixture.operation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.OperationAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locked, damaged and full history files, and backups before migrations, all on real SQLite files. */
class HistoryFaultsTest {

    @TempDir
    Path dir;

    @Test
    void aWriterHoldingTheFileIsATypedErrorAndLosesNothing() throws Exception {
        HistoryFixture fixture = new HistoryFixture(dir);
        try (SqliteHistoryStore store = fixture.open()) {
            store.beginOperation(operation(OperationAction.INSTALL, "mes", null, "1.0.0", T0));
            // Another program (here another connection) keeps a write transaction open.
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + fixture.db); Statement statement = other.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                statement.execute("UPDATE operation SET reason = 'other program' WHERE id = 1");
                assertThatThrownBy(() -> store.beginOperation(operation(OperationAction.UPGRADE, "mes", "1.0.0", "2.0.0", T0)))
                        .isInstanceOfSatisfying(LifecycleException.class, e -> {
                            assertThat(e.code()).isEqualTo(LifecycleErrorCode.HISTORY_LOCKED);
                            assertThat(e.params()).containsExactly(fixture.db.toAbsolutePath());
                        });
                // WAL: reading goes on while the other program writes.
                assertThat(store.count(HistoryFilter.ALL)).isEqualTo(1);
                statement.execute("ROLLBACK");
            }
            store.beginOperation(operation(OperationAction.UPGRADE, "mes", "1.0.0", "2.0.0", T0));
            assertThat(store.count(HistoryFilter.ALL)).isEqualTo(2);
        }
    }

    @Test
    void aFileHeldExclusivelyCannotBeOpenedAndIsNotMistakenForDamage() throws Exception {
        HistoryFixture fixture = new HistoryFixture(dir);
        try (SqliteHistoryStore store = fixture.open()) {
            store.beginOperation(operation(OperationAction.INSTALL, "mes", null, "1.0.0", T0));
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + fixture.db); Statement statement = other.createStatement()) {
            statement.execute("PRAGMA locking_mode = EXCLUSIVE");
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("UPDATE operation SET reason = 'other program' WHERE id = 1");
            assertThatThrownBy(fixture::open)
                    .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.HISTORY_LOCKED));
            statement.execute("ROLLBACK");
        }
        try (SqliteHistoryStore store = fixture.open()) {
            assertThat(store.count(HistoryFilter.ALL)).isEqualTo(1);
            assertThat(store.damagedFileKeptAt()).isEmpty();
        }
    }

    @Test
    void aFileOfGarbageIsReportedAndKeptUntilTheUserAgreesToStartAfresh() throws Exception {
        HistoryFixture fixture = new HistoryFixture(dir);
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(fixture.db, garbage);

        assertThatThrownBy(fixture::open).isInstanceOfSatisfying(LifecycleException.class, e -> {
            assertThat(e.code()).isEqualTo(LifecycleErrorCode.HISTORY_CORRUPT);
            assertThat(e.params()).containsExactly(fixture.db.toAbsolutePath());
        });
        assertThat(Files.readAllBytes(fixture.db)).isEqualTo(garbage);

        try (SqliteHistoryStore store = fixture.open(HistoryOptions.defaults(fixture.db).withStartFreshIfCorrupt(true))) {
            Path aside = store.damagedFileKeptAt().orElseThrow();
            assertThat(aside.getFileName().toString()).startsWith("history.db.damaged-");
            assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
            store.beginOperation(operation(OperationAction.INSTALL, "mes", null, "1.0.0", T0));
            assertThat(store.count(HistoryFilter.ALL)).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseDamagedInsideIsDetectedByTheIntegrityCheck() throws Exception {
        HistoryFixture fixture = new HistoryFixture(dir);
        try (SqliteHistoryStore store = fixture.open()) {
            for (int i = 0; i < 300; i++) {
                store.beginOperation(operation(OperationAction.UPGRADE, "pkg-" + i, "1.0." + i, "1.1." + i, T0.plusSeconds(i)));
            }
        }
        checkpoint(fixture.db);
        byte[] bytes = Files.readAllBytes(fixture.db);
        assertThat(bytes.length).isGreaterThan(20 * 4096);
        // Overwrite pages in the middle of the file (the header stays valid, so SQLite opens it).
        Arrays.fill(bytes, 8 * 4096, 16 * 4096, (byte) 0x5A);
        Files.write(fixture.db, bytes);

        assertThatThrownBy(() -> fixture.open(HistoryOptions.defaults(fixture.db).withFullCheckAtOpen(true)))
                .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.HISTORY_CORRUPT));
        // Without the full check at open, the damage shows at the latest in the background check.
        assertThatThrownBy(() -> {
            try (SqliteHistoryStore store = fixture.open()) {
                store.verifyIntegrity();
            }
        }).isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.HISTORY_CORRUPT));
        assertThat(fixture.db).exists();
    }

    @Test
    void aFullDiskIsATypedErrorAndKeepsWhatWasWritten() {
        HistoryFixture fixture = new HistoryFixture(dir);
        try (SqliteHistoryStore store = fixture.open()) {
            store.beginOperation(operation(OperationAction.INSTALL, "mes", null, "1.0.0", T0));
        }
        // No tiny filesystem here: SQLite's own page cap produces the same SQLITE_FULL a full disk does.
        long pages = pageCount(fixture.db);
        int written = 0;
        try (SqliteHistoryStore store = fixture.open(HistoryOptions.defaults(fixture.db).withMaxDatabasePages(pages + 8))) {
            String big = "x".repeat(20_000);
            LifecycleException failure = null;
            for (int i = 0; i < 100 && failure == null; i++) {
                NewOperation op = operation(OperationAction.UPGRADE, "pkg-" + i, "1", "2", T0.plusSeconds(i));
                try {
                    store.beginOperation(new NewOperation(op.clusterId(), op.actor(), op.reason(), op.startedAt(), op.action(),
                            op.packageName(), op.releaseName(), op.namespace(), op.sourceRepository(), op.fromVersion(), op.toVersion(),
                            op.chartDigest(), op.values(), big, op.preflight()));
                    written++;
                } catch (LifecycleException e) {
                    failure = e;
                }
            }
            assertThat(failure).isNotNull();
            assertThat(failure.code()).isEqualTo(LifecycleErrorCode.HISTORY_DISK_FULL);
            assertThat(store.count(HistoryFilter.ALL)).isEqualTo(1 + written);
        }
        try (SqliteHistoryStore reopened = fixture.open()) {
            assertThat(reopened.count(HistoryFilter.ALL)).isEqualTo(1 + written);
        }
    }

    @Test
    void anExistingHistoryIsBackedUpBeforeAMigrationAndOnlyTheNewestBackupsAreKept() throws Exception {
        HistoryFixture fixture = new HistoryFixture(dir);
        try (SqliteHistoryStore store = fixture.open()) {
            store.beginOperation(operation(OperationAction.INSTALL, "mes", null, "1.0.0", T0));
        }
        try (SqliteHistoryStore unchanged = fixture.open()) {
            assertThat(unchanged.backupTaken()).as("no pending migration, no backup").isEmpty();
        }
        HistoryOptions options = HistoryOptions.defaults(fixture.db);
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        HistoryDatabase.Opened opened = HistoryDatabase.open(options, clock,
                HistoryDatabase.MIGRATIONS, "classpath:org/iepmp/lifecycle/history/testmigration");
        Path backup = opened.backup().orElseThrow();
        assertThat(backup.getFileName().toString()).isEqualTo("history.db.backup-20261101T080000000Z");
        assertThat(rows(backup, "SELECT package FROM operation")).containsExactly("mes");
        assertThat(rows(backup, "SELECT max(version) FROM flyway_schema_history")).containsExactly("1");
        assertThat(rows(fixture.db, "SELECT max(version) FROM flyway_schema_history")).containsExactly("2");
        assertThat(rows(fixture.db, "SELECT package FROM operation")).containsExactly("mes");

        for (int i = 1; i <= 4; i++) {
            HistoryDatabase.backUp(opened.dataSource(), fixture.db.toAbsolutePath(), 3, Clock.fixed(T0.plusSeconds(i), ZoneOffset.UTC));
        }
        assertThat(HistoryDatabase.backups(fixture.db.toAbsolutePath())).extracting(p -> p.getFileName().toString())
                .containsExactly("history.db.backup-20261101T080002000Z", "history.db.backup-20261101T080003000Z",
                        "history.db.backup-20261101T080004000Z");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aFailedMigrationSaysWhereTheBackupIs() throws Exception {
        HistoryFixture fixture = new HistoryFixture(dir);
        // A history from a foreign tool: tables but no migration history, which Flyway refuses to touch.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + fixture.db);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE legacy (id INTEGER PRIMARY KEY, note TEXT)");
            statement.execute("INSERT INTO legacy (note) VALUES ('keep me')");
        }
        assertThatThrownBy(fixture::open).isInstanceOfSatisfying(LifecycleException.class, e -> {
            assertThat(e.code()).isEqualTo(LifecycleErrorCode.HISTORY_MIGRATION_FAILED);
            Path backup = Path.of(e.params().get(1).toString());
            assertThat(rows(backup, "SELECT note FROM legacy")).containsExactly("keep me");
        });
        assertThat(rows(fixture.db, "SELECT note FROM legacy")).containsExactly("keep me");
    }

    @Test
    void migrationsAreValidAndComplete() {
        Flyway flyway = Flyway.configure().dataSource("jdbc:sqlite:" + dir.resolve("v.db"), null, null)
                .locations(HistoryDatabase.MIGRATIONS).load();
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);
        assertThat(flyway.info().pending()).isEmpty();
    }

    private static void checkpoint(Path db) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static long pageCount(Path db) {
        return Long.parseLong(rows(db, "PRAGMA page_count").get(0));
    }

    private static List<String> rows(Path db, String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (Exception e) {
            throw new AssertionError("Cannot read " + db + ": " + e.getMessage(), e);
        }
    }
}
