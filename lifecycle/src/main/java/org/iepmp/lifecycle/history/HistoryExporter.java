package org.iepmp.lifecycle.history;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.iepmp.lifecycle.api.ExportFormat;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;

/**
 * Streams history rows to CSV (RFC 4180, UTF-8, CRLF) or a JSON array, one row at a time, so an
 * export of years of history needs no more memory than one row. Values are the masked ones;
 * sealed secrets are never exported.
 */
final class HistoryExporter {

    static final String[] COLUMNS = {
        "id", "cluster_id", "started_at", "ended_at", "duration_ms", "os_user", "technician", "reason", "ticket", "action", "package",
        "release_name", "namespace", "source_repository", "from_version", "to_version", "chart_digest", "outcome", "error_code",
        "error_message", "values", "plan_summary", "preflight", "reconciliation"
    };

    private final HistoryRows rows;

    HistoryExporter(HistoryRows rows) {
        this.rows = rows;
    }

    void write(ResultSet result, ExportFormat format, OutputStream out) throws SQLException {
        try {
            if (format == ExportFormat.CSV) {
                writeCsv(result, out);
            } else {
                writeJson(result, out);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new LifecycleException(LifecycleErrorCode.EXPORT_FAILED, "Export failed: " + e.getMessage(), e, format.name());
        }
    }

    private void writeCsv(ResultSet result, OutputStream out) throws IOException, SQLException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // RFC4180: comma, double quotes, CRLF; the header names the columns.
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS).build());
        while (result.next()) {
            String[] values = values(result);
            for (int i = 0; i < values.length; i++) {
                values[i] = formulaSafe(values[i]);
            }
            csv.printRecord((Object[]) values);
        }
        csv.flush();
    }

    /**
     * A cell a spreadsheet would run as a formula (OWASP "CSV injection": it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return) gets a leading apostrophe, so it is shown as the text it is.
     * A reason typed by a technician or a message quoting a repository must not become a hyperlink or a command.
     */
    static String formulaSafe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + cell : cell;
    }

    private void writeJson(ResultSet result, OutputStream out) throws IOException, SQLException {
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.writeStartArray();
        while (result.next()) {
            String[] values = values(result);
            json.writeStartObject();
            for (int i = 0; i < COLUMNS.length; i++) {
                String column = COLUMNS[i];
                if (values[i] == null) {
                    json.writeNullField(column);
                } else if (column.equals("values") || column.equals("preflight")) {
                    // Our own JSON, written by this store: embedded as structure, not as a string.
                    json.writeFieldName(column);
                    json.writeRawValue(values[i]);
                } else if (column.equals("id") || column.equals("duration_ms")) {
                    json.writeNumberField(column, Long.parseLong(values[i]));
                } else {
                    json.writeStringField(column, values[i]);
                }
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.flush();
    }

    private String[] values(ResultSet row) throws SQLException {
        Instant started = HistoryRows.instant(row, "started_at");
        Instant ended = HistoryRows.instant(row, "ended_at");
        long duration = row.getLong("duration_ms");
        String durationText = row.wasNull() ? null : Long.toString(duration);
        String reconcileKey = row.getString("reconcile_key");
        return new String[] {
            Long.toString(row.getLong("id")), row.getString("cluster_id"), started.toString(), ended == null ? null : ended.toString(),
            durationText, row.getString("os_user"), row.getString("technician"), row.getString("reason"), row.getString("ticket"),
            row.getString("action"), row.getString("package"), row.getString("release_name"), row.getString("namespace"),
            row.getString("source_repository"), row.getString("from_version"), row.getString("to_version"), row.getString("chart_digest"),
            row.getString("outcome"), row.getString("error_code"), row.getString("error_message"), row.getString("values_masked"),
            row.getString("plan_summary"), row.getString("preflight"), reconcileKey
        };
    }
}
