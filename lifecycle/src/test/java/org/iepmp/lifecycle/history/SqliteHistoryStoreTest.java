package org.iepmp.lifecycle.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iepmp.lifecycle.history.HistoryFixture.CLUSTER;
import static org.iepmp.lifecycle.history.HistoryFixture.SECRET;
import static org.iepmp.lifecycle.history.HistoryFixture.T0;
import static org.iepmp.lifecycle.history.HistoryFixture.operation;
import static org.iepmp.lifecycle.history.HistoryFixture.step;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.StepLogEntry;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SqliteHistoryStoreTest {

    @TempDir
    Path dir;

    @Test
    void thePackageFilterFindsAnOperationThatInstalledThePackageAsADependency() {
        HistoryFixture fixture = new HistoryFixture(dir);
        try (SqliteHistoryStore store = fixture.open()) {
            long op = store.beginOperation(operation(OperationAction.INSTALL, "line-monitor", null, "1.0.0", T0));
            store.finishStep(store.beginStep(step(op, 1, "mqtt-broker", null, "2.0.0", T0.plusSeconds(1))),
                    Completion.succeeded(T0.plusSeconds(2)));
            store.finishStep(store.beginStep(step(op, 2, "line-monitor", null, "1.0.0", T0.plusSeconds(3))),
                    Completion.succeeded(T0.plusSeconds(4)));
            store.finishOperation(op, Completion.succeeded(T0.plusSeconds(5)));
            long other = store.beginOperation(operation(OperationAction.UPGRADE, "cert-manager", "1.14.0", "1.15.1",
                    T0.plusSeconds(60)));
            store.finishOperation(other, Completion.succeeded(T0.plusSeconds(70)));

            assertThat(store.query(HistoryFilter.ALL.withPackage("mqtt-broker"), null, 10).rows())
                    .extracting(OperationRecord::packageName).containsExactly("line-monitor");
            assertThat(store.count(HistoryFilter.ALL.withPackage("line-monitor"))).isEqualTo(1);
            assertThat(store.count(HistoryFilter.ALL.withPackage("cert-manager"))).isEqualTo(1);
        }
    }

    @Test
    void recordsAnOperationAndItsStepsBeforeAndAfterTheyRun() {
        HistoryFixture fixture = new HistoryFixture(dir);
        try (SqliteHistoryStore store = fixture.open()) {
            long op = store.beginOperation(operation(OperationAction.UPGRADE, "cert-manager", "1.14.0", "1.15.1", T0));
            long step = store.beginStep(step(op, 1, "cert-manager", "1.14.0", "1.15.1", T0.plusSeconds(1)));

            assertThat(store.operation(op)).get().extracting(OperationRecord::outcome).isEqualTo(OperationOutcome.RUNNING);
            assertThat(store.steps(op)).singleElement().extracting(StepRecord::outcome).isEqualTo(OperationOutcome.RUNNING);

            store.appendStepLog(step, StepLogEntry.text("helm upgrade started"));
            store.finishStep(step, new Completion(OperationOutcome.SUCCEEDED, T0.plusSeconds(31), null, null, "rollout complete\n"));
            store.finishOperation(op, Completion.succeeded(T0.plusSeconds(32)));

            OperationRecord record = store.operation(op).orElseThrow();
            assertThat(record.outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
            assertThat(record.duration()).contains(Duration.ofSeconds(32));
            assertThat(record.actor().technicianName()).contains("Wang Wei");
            assertThat(record.reason().ticketReference()).contains("CHG-1042");
            assertThat(record.fromVersion()).isEqualTo("1.14.0");
            assertThat(record.chartDigest()).startsWith("sha256:");
            assertThat(record.preflight()).singleElement().satisfies(p -> assertThat(p.params()).containsExactly(1, "node-a"));
            StepRecord stepRecord = store.steps(op).get(0);
            assertThat(stepRecord.log()).containsExactly(StepLogEntry.text("helm upgrade started"), StepLogEntry.text("rollout complete"));
            assertThat(stepRecord.duration()).contains(Duration.ofSeconds(30));
        }
    }

    @Test
    void aStepLogKeepsKeysAndParametersAndStillReadsTheTextOfOlderRows() throws Exception {
        HistoryFixture fixture = new HistoryFixture(dir);
        long op;
        long step;
        try (SqliteHistoryStore store = fixture.open()) {
            op = store.beginOperation(operation(OperationAction.UPGRADE, "cert-manager", "1.14.0", "1.15.1", T0));
            step = store.beginStep(step(op, 1, "cert-manager", "1.14.0", "1.15.1", T0.plusSeconds(1)));
            store.appendStepLog(step, StepLogEntry.of("lifecycle.log.podsReady", 2, 3));
            store.appendStepLog(step, StepLogEntry.of("lifecycle.log.healthy", "cert-manager"));
            assertThat(store.steps(op).get(0).log()).containsExactly(StepLogEntry.of("lifecycle.log.podsReady", 2, 3),
                    StepLogEntry.of("lifecycle.log.healthy", "cert-manager"));
        }
        // A row written before log lines had keys holds English text.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + fixture.db);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE step SET log = 'Applied upgrade of cert-manager to 1.15.1 done; verifying\n"
                    + "cert-manager is healthy\n' WHERE id = " + step);
        }
        try (SqliteHistoryStore store = fixture.open()) {
            assertThat(store.steps(op).get(0).log()).containsExactly(
                    StepLogEntry.text("Applied upgrade of cert-manager to 1.15.1 done; verifying"),
                    StepLogEntry.text("cert-manager is healthy"));
        }
    }

    @Test
    void secretValuesAreNeverStoredInPlainTextButCanBeRestoredForRollback() throws Exception {
        HistoryFixture fixture = new HistoryFixture(dir);
        long stepId;
        try (SqliteHistoryStore store = fixture.open()) {
            long op = store.beginOperation(operation(OperationAction.INSTALL, "mes-db", null, "2.0.0", T0));
            stepId = store.beginStep(step(op, 1, "mes-db", null, "2.0.0", T0));
            OperationRecord record = store.operation(op).orElseThrow();
            assertThat(record.maskedValuesJson()).doesNotContain(SECRET).contains("******#").contains("\"user\":\"mes\"");

            Map<String, Object> restored = store.restorableValues(stepId);
            assertThat(restored).containsEntry("database", Map.of("password", SECRET, "user", "mes")).containsEntry("replicas", 2);
        }
        assertThat(everyTextCell(fixture.db)).noneMatch(cell -> cell.contains(SECRET));
    }

    @Test
    void aLogLineOrErrorThatQuotesASecretIsMaskedBeforeItIsStored() throws Exception {
        HistoryFixture fixture = new HistoryFixture(dir);
        try (SqliteHistoryStore store = fixture.open()) {
            long op = store.beginOperation(operation(OperationAction.INSTALL, "mes-db", null, "2.0.0", T0));
            long step = store.beginStep(step(op, 1, "mes-db", null, "2.0.0", T0));
            store.appendStepLog(step, StepLogEntry.of("lifecycle.log.text", "connecting with password " + SECRET));
            store.finishStep(step, new Completion(OperationOutcome.FAILED, T0.plusSeconds(9), "KUBE_INVALID_MANIFEST",
                    "bad value \"" + SECRET + "\" in Secret", "giving up on " + SECRET));
            store.finishOperation(op, Completion.failed(T0.plusSeconds(10), "KUBE_INVALID_MANIFEST", "password=" + SECRET));

            StepRecord recorded = store.steps(op).get(0);
            assertThat(recorded.log()).extracting(entry -> String.valueOf(entry.params().get(0))).satisfiesExactly(
                    line -> assertThat(line).startsWith("connecting with password ******#"),
                    line -> assertThat(line).contains("giving up on ******#"));
            assertThat(recorded.errorMessage()).contains("******#");
            assertThat(store.operation(op).orElseThrow().errorMessage()).startsWith("password=******#");
        }
        assertThat(everyTextCell(fixture.db)).noneMatch(cell -> cell.contains(SECRET));
    }

    @Test
    void anotherKeyCannotUnsealTheSecrets() {
        HistoryFixture fixture = new HistoryFixture(dir);
        long stepId;
        try (SqliteHistoryStore store = fixture.open()) {
            long op = store.beginOperation(operation(OperationAction.INSTALL, "mes-db", null, "2.0.0", T0));
            stepId = store.beginStep(step(op, 1, "mes-db", null, "2.0.0", T0));
        }
        HistoryFixture otherKey = new HistoryFixture(dir.resolve("other"));
        try (SqliteHistoryStore store = SqliteHistoryStore.open(HistoryOptions.defaults(fixture.db), otherKey.masker(),
                new org.iepmp.lifecycle.secret.SecretSealer(otherKey.key.sealingKey()), ProcessIdentity.current(),
                java.time.Clock.systemUTC())) {
            assertThatThrownBy(() -> store.restorableValues(stepId))
                    .isInstanceOfSatisfying(LifecycleException.class,
                            e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.SECRET_KEY_UNAVAILABLE));
        }
    }

    @Test
    void unknownRowsAreTypedErrors() {
        try (SqliteHistoryStore store = new HistoryFixture(dir).open()) {
            assertThat(store.operation(42)).isEmpty();
            assertThatThrownBy(() -> store.finishOperation(42, Completion.succeeded(T0)))
                    .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.OPERATION_NOT_FOUND));
            assertThatThrownBy(() -> store.beginStep(step(42, 1, "x", "1", "2", T0)))
                    .isInstanceOfSatisfying(LifecycleException.class, e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.OPERATION_NOT_FOUND));
        }
    }

    @Test
    void anAbandonedOperationIsMarkedInterruptedAtTheNextStart() {
        HistoryFixture fixture = new HistoryFixture(dir);
        long op;
        long done;
        long running;
        // The process "dies" between steps: step 1 finished, step 2 started, nothing else written.
        SqliteHistoryStore crashed = fixture.open();
        op = crashed.beginOperation(operation(OperationAction.UPGRADE, "mes", "1.0.0", "2.0.0", T0));
        done = crashed.beginStep(step(op, 1, "mes-db", "1.0.0", "2.0.0", T0));
        crashed.finishStep(done, Completion.succeeded(T0.plusSeconds(5)));
        running = crashed.beginStep(step(op, 2, "mes", "1.0.0", "2.0.0", T0.plusSeconds(6)));
        crashed.close();

        try (SqliteHistoryStore restarted = fixture.open()) {
            assertThat(restarted.markInterrupted(T0.plusSeconds(600))).isEqualTo(1);
            assertThat(restarted.operation(op).orElseThrow().outcome()).isEqualTo(OperationOutcome.INTERRUPTED);
            List<StepRecord> steps = restarted.steps(op);
            assertThat(steps).extracting(StepRecord::id).containsExactly(done, running);
            assertThat(steps).extracting(StepRecord::outcome).containsExactly(OperationOutcome.SUCCEEDED, OperationOutcome.INTERRUPTED);
            assertThat(restarted.unreconciled(CLUSTER)).extracting(OperationRecord::id).containsExactly(op);
            assertThat(restarted.markInterrupted(T0.plusSeconds(700))).isZero();
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anOperationOfAnotherLiveConsoleIsNotMarkedInterrupted() throws Exception {
        HistoryFixture fixture = new HistoryFixture(dir);
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessIdentity me = ProcessIdentity.current();
            ProcessIdentity otherConsole = new ProcessIdentity(me.user(), me.host(), other.pid(), "other-session");
            long op;
            try (SqliteHistoryStore theirs = fixture.open(HistoryOptions.defaults(fixture.db), otherConsole)) {
                op = theirs.beginOperation(operation(OperationAction.INSTALL, "mes", null, "1.0.0", T0));
            }
            try (SqliteHistoryStore mine = fixture.open()) {
                assertThat(mine.markInterrupted(T0.plusSeconds(60))).isZero();
                assertThat(mine.operation(op).orElseThrow().outcome()).isEqualTo(OperationOutcome.RUNNING);
                other.destroy();
                other.waitFor();
                assertThat(mine.markInterrupted(T0.plusSeconds(120))).isEqualTo(1);
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void successfulStepsOfAReleaseAreTheRollbackTargets() {
        try (SqliteHistoryStore store = new HistoryFixture(dir).open()) {
            long first = store.beginOperation(operation(OperationAction.INSTALL, "mes", null, "1.0.0", T0));
            long s1 = store.beginStep(step(first, 1, "mes", null, "1.0.0", T0));
            store.finishStep(s1, Completion.succeeded(T0.plusSeconds(10)));
            long second = store.beginOperation(operation(OperationAction.UPGRADE, "mes", "1.0.0", "2.0.0", T0.plusSeconds(100)));
            long s2 = store.beginStep(step(second, 1, "mes", "1.0.0", "2.0.0", T0.plusSeconds(100)));
            store.finishStep(s2, Completion.failed(T0.plusSeconds(110), "VERIFY_TIMEOUT", "rollout timed out"));
            long third = store.beginOperation(operation(OperationAction.UPGRADE, "mes", "1.0.0", "1.1.0", T0.plusSeconds(200)));
            long s3 = store.beginStep(step(third, 1, "mes", "1.0.0", "1.1.0", T0.plusSeconds(200)));
            store.finishStep(s3, Completion.succeeded(T0.plusSeconds(210)));

            assertThat(store.successfulSteps(CLUSTER, "iepmp", "mes")).extracting(StepRecord::id).containsExactly(s3, s1);
            assertThat(store.successfulSteps("other-cluster", "iepmp", "mes")).isEmpty();
        }
    }

    @Test
    void theBundledSqliteHasFts5() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA compile_options")) {
            StringBuilder options = new StringBuilder();
            while (rows.next()) {
                options.append(rows.getString(1)).append(' ');
            }
            assertThat(options.toString()).contains("ENABLE_FTS5");
        }
    }

    static List<String> everyTextCell(Path db) throws Exception {
        List<String> cells = new java.util.ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement statement = connection.createStatement()) {
            for (String table : List.of("operation", "step")) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            cells.add(String.valueOf(rows.getString(i)));
                        }
                    }
                }
            }
        }
        assertThat(cells).isNotEmpty();
        return cells;
    }
}
