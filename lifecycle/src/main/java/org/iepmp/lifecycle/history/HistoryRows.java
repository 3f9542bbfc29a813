package org.iepmp.lifecycle.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.Reconciliation;
import org.iepmp.lifecycle.api.StepLogEntry;
import org.iepmp.lifecycle.api.StepRecord;

/** Maps rows to records and the JSON columns (preflight, reconciliation params, step log lines) both ways. */
final class HistoryRows {

    /** How a keyed step-log line begins; a plain-text line of an older row never does. */
    private static final String KEYED_LINE = "{\"key\":";

    private final ObjectMapper json;

    HistoryRows(ObjectMapper json) {
        this.json = json;
    }

    String preflightJson(List<PreflightResult> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PreflightResult result : results) {
            rows.add(Map.of("check", result.checkId(), "status", result.status().name(), "key", result.messageKey(),
                    "params", result.params()));
        }
        return toJson(rows);
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("History holds invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    OperationRecord operation(ResultSet row) throws SQLException {
        return new OperationRecord(
                row.getLong("id"),
                row.getString("cluster_id"),
                new Actor(row.getString("os_user"), row.getString("technician")),
                new Reason(row.getString("reason"), row.getString("ticket")),
                OperationAction.valueOf(row.getString("action")),
                row.getString("package"),
                row.getString("release_name"),
                row.getString("namespace"),
                row.getString("source_repository"),
                row.getString("from_version"),
                row.getString("to_version"),
                row.getString("chart_digest"),
                row.getString("values_masked"),
                row.getString("plan_summary"),
                preflight(row.getString("preflight")),
                OperationOutcome.valueOf(row.getString("outcome")),
                row.getString("error_code"),
                row.getString("error_message"),
                instant(row, "started_at"),
                instant(row, "ended_at"),
                reconciliation(row));
    }

    StepRecord step(ResultSet row) throws SQLException {
        return new StepRecord(
                row.getLong("id"),
                row.getLong("operation_id"),
                row.getInt("seq"),
                OperationAction.valueOf(row.getString("action")),
                row.getString("package"),
                row.getString("release_name"),
                row.getString("namespace"),
                row.getString("from_version"),
                row.getString("to_version"),
                row.getString("chart_digest"),
                row.getString("values_masked"),
                OperationOutcome.valueOf(row.getString("outcome")),
                row.getString("error_code"),
                row.getString("error_message"),
                instant(row, "started_at"),
                instant(row, "ended_at"),
                stepLog(row.getString("log")));
    }

    /** One line of a step's log as the history keeps it: the entry as a JSON object. */
    String stepLogLine(StepLogEntry entry) {
        return toJson(entry) + "\n";
    }

    /** A step's log; lines written before the log had keys (plain text) read as text entries. */
    private List<StepLogEntry> stepLog(String column) {
        List<StepLogEntry> entries = new ArrayList<>();
        if (column != null) {
            column.lines().filter(line -> !line.isBlank()).forEach(line -> entries.add(stepLogEntry(line)));
        }
        return List.copyOf(entries);
    }

    private StepLogEntry stepLogEntry(String line) {
        if (!line.startsWith(KEYED_LINE)) {
            return StepLogEntry.text(line);
        }
        try {
            return json.readValue(line, StepLogEntry.class);
        } catch (JsonProcessingException e) {
            return StepLogEntry.text(line);
        }
    }

    private List<PreflightResult> preflight(String text) {
        List<Map<String, Object>> rows = fromJson(text, new TypeReference<>() { });
        List<PreflightResult> results = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            List<Object> params = (List<Object>) row.getOrDefault("params", List.of());
            results.add(new PreflightResult((String) row.get("check"), PreflightStatus.valueOf((String) row.get("status")),
                    (String) row.get("key"), params));
        }
        return results;
    }

    private Reconciliation reconciliation(ResultSet row) throws SQLException {
        String key = row.getString("reconcile_key");
        if (key == null) {
            return null;
        }
        List<Object> params = fromJson(row.getString("reconcile_params"), new TypeReference<>() { });
        return new Reconciliation(key, params, instant(row, "reconciled_at"), row.getInt("reconcile_repair") == 1);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
