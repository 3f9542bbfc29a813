package org.iepmp.lifecycle.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.ExportFormat;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.HistoryPage;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.NewStep;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.PageCursor;
import org.iepmp.lifecycle.api.Reconciliation;
import org.iepmp.lifecycle.api.StepLogEntry;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.secret.SecretSealer;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.iepmp.lifecycle.values.SecretMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * {@link HistoryStore} on one SQLite file. Each write is its own transaction, committed before
 * the method returns, so a crash loses nothing already reported. One connection serves writes
 * and page queries (methods are synchronized); exports read through their own connection so a
 * long export does not block the UI (WAL lets readers run beside the writer).
 */
public final class SqliteHistoryStore implements HistoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteHistoryStore.class);

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final Connection connection;
    private final SecretMasker masker;
    private final SecretSealer sealer;
    private final ProcessIdentity process;
    private final HistoryRows rows;
    private final Optional<Path> backup;
    private final Optional<Path> damagedFileKeptAt;
    private final HistoryQueries queries;
    private final ValueSealing sealing;
    /**
     * Plain secret values of running steps and operations, in memory only: a tool's log line or
     * error text that quotes one is masked before it is stored.
     */
    private final Map<Long, List<String>> stepSecrets = new HashMap<>();
    private final Map<Long, List<String>> operationSecrets = new HashMap<>();

    private SqliteHistoryStore(HistoryOptions options, HistoryDatabase.Opened opened, SecretMasker masker, SecretSealer sealer,
            ProcessIdentity process) {
        this.file = options.databaseFile().toAbsolutePath();
        this.dataSource = opened.dataSource();
        this.masker = masker;
        this.sealer = sealer;
        this.process = process;
        this.rows = new HistoryRows(new ObjectMapper());
        this.backup = opened.backup();
        this.damagedFileKeptAt = opened.damagedFileKeptAt();
        try {
            this.connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Opening");
        }
        this.queries = new HistoryQueries(connection, dataSource, file, rows);
        this.sealing = new ValueSealing(masker, sealer, rows);
    }

    /**
     * Opens (creating or migrating) the history. Throws HISTORY_CORRUPT for a damaged file unless
     * {@link HistoryOptions#startFreshIfCorrupt()}; HISTORY_LOCKED when another process holds it.
     */
    public static SqliteHistoryStore open(HistoryOptions options, SecretMasker masker, SecretSealer sealer, ProcessIdentity process,
            Clock clock) {
        HistoryDatabase.Opened opened = HistoryDatabase.open(options, clock);
        return new SqliteHistoryStore(options, opened, masker, sealer, process);
    }

    /** The backup taken before migrating at this open, if a migration ran on an existing file. */
    public Optional<Path> backupTaken() {
        return backup;
    }

    /** Where a damaged file was put aside at this open (only with the user's consent). */
    public Optional<Path> damagedFileKeptAt() {
        return damagedFileKeptAt;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized long beginOperation(NewOperation op) {
        ValueSealing.Sealed values = sealing.seal(op.values());
        String sql = "INSERT INTO operation (cluster_id, os_user, technician, reason, ticket, action, package, release_name, namespace, "
                + "source_repository, from_version, to_version, chart_digest, values_masked, secrets_sealed, plan_summary, preflight, "
                + "outcome, started_at, process_host, process_pid, process_session) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            SqlArgs.bind(insert, op.clusterId(), op.actor().osUser(), op.actor().technician(), op.reason().text(), op.reason().ticket(),
                    op.action().name(), op.packageName(), op.releaseName(), op.namespace(), op.sourceRepository(), op.fromVersion(),
                    op.toVersion(), op.chartDigest(), values.maskedJson(), values.sealed(), op.planSummary(),
                    rows.preflightJson(op.preflight()), OperationOutcome.RUNNING.name(), op.startedAt().toEpochMilli(), process.host(),
                    process.pid(), process.session());
            insert.executeUpdate();
            long id = SqlArgs.generatedId(insert);
            remember(operationSecrets, id, values.plainSecrets());
            return id;
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Recording operation in");
        }
    }

    @Override
    public synchronized long beginStep(NewStep step) {
        ValueSealing.Sealed values = sealing.seal(step.values());
        String sql = "INSERT INTO step (operation_id, seq, action, package, release_name, namespace, from_version, to_version, chart_digest, "
                + "values_masked, secrets_sealed, outcome, started_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            SqlArgs.bind(insert, step.operationId(), step.sequence(), step.action().name(), step.packageName(), step.releaseName(),
                    step.namespace(), step.fromVersion(), step.toVersion(), step.chartDigest(), values.maskedJson(), values.sealed(),
                    OperationOutcome.RUNNING.name(), step.startedAt().toEpochMilli());
            insert.executeUpdate();
            long id = SqlArgs.generatedId(insert);
            remember(stepSecrets, id, values.plainSecrets());
            return id;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("FOREIGN KEY")) {
                throw new LifecycleException(LifecycleErrorCode.OPERATION_NOT_FOUND, "No operation " + step.operationId(), e,
                        step.operationId());
            }
            throw SqliteFailures.translate(e, file, "Recording step in");
        }
    }

    @Override
    public synchronized void appendStepLog(long stepId, StepLogEntry entry) {
        update("UPDATE step SET log = log || ? WHERE id = ?", "step", stepId, logLines(List.of(entry), stepSecrets.get(stepId)), stepId);
    }

    @Override
    public synchronized void finishStep(long stepId, Completion done) {
        update("UPDATE step SET outcome = ?, error_code = ?, error_message = ?, ended_at = ?, duration_ms = ? - started_at, "
                + "log = log || ? WHERE id = ?", "step", stepId,
                done.outcome().name(), done.errorCode(), redact(done.errorMessage(), stepSecrets.get(stepId)), done.endedAt().toEpochMilli(),
                done.endedAt().toEpochMilli(), logLines(textLines(done.log()), stepSecrets.get(stepId)), stepId);
        stepSecrets.remove(stepId);
    }

    @Override
    public synchronized void finishOperation(long operationId, Completion done) {
        update("UPDATE operation SET outcome = ?, error_code = ?, error_message = ?, ended_at = ?, duration_ms = ? - started_at "
                + "WHERE id = ?", "operation", operationId,
                done.outcome().name(), done.errorCode(), redact(done.errorMessage(), operationSecrets.get(operationId)),
                done.endedAt().toEpochMilli(), done.endedAt().toEpochMilli(), operationId);
        operationSecrets.remove(operationId);
    }

    @Override
    public synchronized Optional<OperationRecord> operation(long operationId) {
        String sql = "SELECT " + HistorySql.OPERATION_COLUMNS + " FROM operation o WHERE o.id = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, operationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(rows.operation(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Reading");
        }
    }

    @Override
    public synchronized List<StepRecord> steps(long operationId) {
        return selectSteps("SELECT * FROM step WHERE operation_id = ? ORDER BY seq, id", operationId);
    }

    @Override
    public synchronized Map<String, Object> restorableValues(long stepId) {
        String sql = "SELECT values_masked, secrets_sealed FROM step WHERE id = ?";
        String masked;
        String sealed;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, stepId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new LifecycleException(LifecycleErrorCode.OPERATION_NOT_FOUND, "No step " + stepId, stepId);
                }
                masked = row.getString(1);
                sealed = row.getString(2);
            }
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Reading");
        }
        Map<String, Object> values = rows.fromJson(masked, new TypeReference<>() { });
        if (sealed == null) {
            return values;
        }
        try {
            Map<String, Object> secrets = rows.fromJson(sealer.unseal(sealed), new TypeReference<>() { });
            return SecretMasker.restore(values, secrets);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Sealed under another key: the key file was lost or replaced since this step ran.
            throw new LifecycleException(LifecycleErrorCode.SECRET_KEY_UNAVAILABLE, "Cannot unseal secrets of step " + stepId, e,
                    file.resolveSibling("secret.key"));
        }
    }

    @Override
    public synchronized List<StepRecord> successfulSteps(String clusterId, String namespace, String releaseName) {
        String sql = "SELECT s.* FROM step s JOIN operation o ON o.id = s.operation_id WHERE o.cluster_id = ? AND s.namespace IS ? "
                + "AND s.release_name = ? AND s.outcome = 'SUCCEEDED' AND s.action IN ('INSTALL','UPGRADE','ROLLBACK','CONFIGURE','REPAIR') "
                + "ORDER BY s.started_at DESC, s.id DESC";
        return selectSteps(sql, clusterId, namespace, releaseName);
    }

    @Override
    public synchronized List<StepRecord> releaseSteps(String clusterId, String namespace, String releaseName) {
        String sql = "SELECT s.* FROM step s JOIN operation o ON o.id = s.operation_id WHERE o.cluster_id = ? AND s.namespace IS ? "
                + "AND s.release_name = ? AND s.action <> 'AUDIT' ORDER BY s.started_at, s.id";
        return selectSteps(sql, clusterId, namespace, releaseName);
    }

    @Override
    public synchronized int markInterrupted(Instant now) {
        List<Long> abandoned = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, process_host, process_pid FROM operation WHERE outcome = 'RUNNING'")) {
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long pid = row.getLong(3);
                    Long owner = row.wasNull() ? null : pid;
                    // Another console on this computer may be running an operation right now: leave its rows alone.
                    if (!process.isOtherLiveProcess(row.getString(2), owner)) {
                        abandoned.add(row.getLong(1));
                    }
                }
            }
            connection.setAutoCommit(false);
            try (PreparedStatement ops = connection.prepareStatement(
                    "UPDATE operation SET outcome = 'INTERRUPTED', ended_at = ?, duration_ms = ? - started_at WHERE id = ?");
                    PreparedStatement steps = connection.prepareStatement(
                            "UPDATE step SET outcome = 'INTERRUPTED', ended_at = ?, duration_ms = ? - started_at "
                                    + "WHERE operation_id = ? AND outcome = 'RUNNING'")) {
                for (long id : abandoned) {
                    for (PreparedStatement update : List.of(ops, steps)) {
                        SqlArgs.bind(update, now.toEpochMilli(), now.toEpochMilli(), id);
                        update.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Marking interrupted operations in");
        }
        if (!abandoned.isEmpty()) {
            LOG.info("Marked {} operation(s) left running by a previous run as interrupted: {}", abandoned.size(), abandoned);
        }
        return abandoned.size();
    }

    @Override
    public synchronized List<OperationRecord> unreconciled(String clusterId) {
        String sql = "SELECT " + HistorySql.OPERATION_COLUMNS + " FROM operation o WHERE o.cluster_id = ? AND o.outcome = 'INTERRUPTED' "
                + "AND o.reconciled_at IS NULL ORDER BY o.started_at, o.id";
        List<OperationRecord> result = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, clusterId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    result.add(rows.operation(row));
                }
            }
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Reading");
        }
        return result;
    }

    @Override
    public synchronized void recordReconciliation(long operationId, Reconciliation r) {
        update("UPDATE operation SET reconcile_key = ?, reconcile_params = ?, reconcile_repair = ?, reconciled_at = ? WHERE id = ?",
                "operation", operationId, r.sentenceKey(), rows.toJson(r.params()), r.repairSuggested() ? 1 : 0,
                r.checkedAt().toEpochMilli(), operationId);
    }

    @Override
    public synchronized HistoryPage query(HistoryFilter filter, PageCursor after, int limit) {
        return queries.page(filter, after, limit);
    }

    @Override
    public synchronized long count(HistoryFilter filter) {
        return queries.count(filter);
    }

    /**
     * Runs SQLite's full structural check (seconds on a large file): for a "check history"
     * command or a periodic background job. Throws HISTORY_CORRUPT when the file is damaged.
     */
    public synchronized void verifyIntegrity() {
        if (!HistoryDatabase.passesQuickCheck(dataSource, file)) {
            throw new LifecycleException(LifecycleErrorCode.HISTORY_CORRUPT, "History database failed its integrity check", file);
        }
    }

    @Override
    public void export(HistoryFilter filter, ExportFormat format, OutputStream out) {
        // Its own connection: an audit export of a large history must not hold the writers.
        queries.export(filter, format, out);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing history {} failed: {}", file, e.getMessage());
        }
    }

    private static void remember(Map<Long, List<String>> secrets, long id, List<String> plain) {
        if (!plain.isEmpty()) {
            secrets.put(id, plain);
        }
    }

    private static List<StepLogEntry> textLines(String text) {
        return text == null ? List.of() : text.lines().map(StepLogEntry::text).toList();
    }

    /** The entries as the step row keeps them, each text parameter free of the step's secrets. */
    private String logLines(List<StepLogEntry> entries, List<String> secrets) {
        StringBuilder lines = new StringBuilder();
        for (StepLogEntry entry : entries) {
            List<Object> params = entry.params().stream().map(p -> p instanceof String text ? redact(text, secrets) : p).toList();
            lines.append(rows.stepLogLine(new StepLogEntry(entry.key(), params)));
        }
        return lines.toString();
    }

    private String redact(String text, List<String> secrets) {
        return text == null || secrets == null ? text : masker.redact(text, secrets);
    }

    private void update(String sql, String table, long id, Object... args) {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            SqlArgs.bind(update, args);
            if (update.executeUpdate() == 0) {
                throw new LifecycleException(LifecycleErrorCode.OPERATION_NOT_FOUND, "No " + table + " " + id, id);
            }
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Updating " + table + " in");
        }
    }

    private List<StepRecord> selectSteps(String sql, Object... args) {
        List<StepRecord> result = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            SqlArgs.bind(select, args);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    result.add(rows.step(row));
                }
            }
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Reading");
        }
        return result;
    }

}
