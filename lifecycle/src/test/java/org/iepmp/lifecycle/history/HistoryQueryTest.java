package org.iepmp.lifecycle.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iepmp.lifecycle.history.HistoryFixture.CLUSTER;
import static org.iepmp.lifecycle.history.HistoryFixture.SECRET;
import static org.iepmp.lifecycle.history.HistoryFixture.T0;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.ExportFormat;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.HistoryPage;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.PageCursor;
import org.iepmp.lifecycle.api.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Read-only queries, so one history filled once serves every test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryQueryTest {

    private static final List<String> PACKAGES = List.of("cert-manager", "mes", "scada-gateway", "opcua-bridge");

    @TempDir
    static Path dir;

    private SqliteHistoryStore store;

    @BeforeAll
    void fill() {
        store = new HistoryFixture(dir).open();
        // 40 operations, one per hour, over two clusters and four packages; every fifth failed.
        for (int i = 0; i < 40; i++) {
            String pkg = PACKAGES.get(i % PACKAGES.size());
            String reason = i == 7 ? "更新憑證, \"urgent\"\nline 2" : "routine update #" + i;
            NewOperation op = new NewOperation(i % 2 == 0 ? CLUSTER : "cluster-b", new Actor("operator", i == 11 ? "Li Na" : null),
                    new Reason(reason, i == 3 ? "CHG-100%" : null), T0.plusSeconds(3600L * i), OperationAction.UPGRADE, pkg, null, "iepmp",
                    "vendor", "1." + i + ".0", "1." + (i + 1) + ".0", null, HistoryFixture.valuesWithSecret(), "upgrade " + pkg, null);
            long id = store.beginOperation(op);
            Instant end = T0.plusSeconds(3600L * i + 30);
            store.finishOperation(id, i % 5 == 0 ? Completion.failed(end, "KUBE_TIMEOUT", "rollout of " + pkg + " timed out")
                    : Completion.succeeded(end));
        }
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void filtersByClusterPackageTimeAndOutcome() {
        assertThat(store.count(HistoryFilter.ALL)).isEqualTo(40);
        assertThat(store.count(HistoryFilter.ALL.withCluster(CLUSTER))).isEqualTo(20);
        assertThat(store.count(HistoryFilter.ALL.withPackage("mes"))).isEqualTo(10);
        assertThat(store.count(HistoryFilter.ALL.withCluster(CLUSTER).withPackage("mes"))).isZero();
        assertThat(store.count(HistoryFilter.ALL.withOutcomes(Set.of(OperationOutcome.FAILED)))).isEqualTo(8);
        assertThat(store.count(HistoryFilter.ALL.between(T0.plusSeconds(3600 * 10), T0.plusSeconds(3600 * 20)))).isEqualTo(10);
        HistoryPage page = store.query(HistoryFilter.ALL.withPackage("mes").withOutcomes(Set.of(OperationOutcome.FAILED)), null, 50);
        assertThat(page.rows()).extracting(OperationRecord::fromVersion).containsExactly("1.25.0", "1.5.0");
        assertThat(page.total()).isEqualTo(2);
    }

    @Test
    void pagesWalkEveryRowOnceNewestFirst() {
        List<Long> seen = new ArrayList<>();
        PageCursor cursor = null;
        int pages = 0;
        do {
            HistoryPage page = store.query(HistoryFilter.ALL, cursor, 15);
            assertThat(page.total()).isEqualTo(40);
            page.rows().forEach(r -> seen.add(r.id()));
            cursor = page.next().orElse(null);
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(40).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void textSearchFindsSubstringsCaseInsensitivelyInAnyLanguage() {
        assertThat(store.count(HistoryFilter.ALL.withText("CERT-MAN"))).isEqualTo(10);
        assertThat(store.count(HistoryFilter.ALL.withText("timed out"))).isEqualTo(8);
        assertThat(store.count(HistoryFilter.ALL.withText("li na"))).isEqualTo(1);
        // Three characters use the trigram index, two fall back to LIKE: both find the Chinese reason.
        assertThat(store.count(HistoryFilter.ALL.withText("更新憑"))).isEqualTo(1);
        assertThat(store.count(HistoryFilter.ALL.withText("憑證"))).isEqualTo(1);
        // FTS and LIKE syntax in the user's text is matched literally.
        assertThat(store.count(HistoryFilter.ALL.withText("\"urgent\""))).isEqualTo(1);
        assertThat(store.count(HistoryFilter.ALL.withText("0%"))).isEqualTo(1);
        assertThat(store.count(HistoryFilter.ALL.withText("AND OR NOT *"))).isZero();
        assertThat(store.query(HistoryFilter.ALL.withText("1.0.0"), null, 10).rows()).singleElement()
                .extracting(OperationRecord::packageName).isEqualTo("cert-manager");
    }

    @Test
    void textCombinesWithOtherFiltersAndPaging() {
        HistoryFilter mesOnB = HistoryFilter.ALL.withCluster("cluster-b").withText("timed out");
        assertThat(store.count(mesOnB)).isEqualTo(4);
        HistoryPage first = store.query(mesOnB, null, 3);
        HistoryPage second = store.query(mesOnB, first.next().orElseThrow(), 3);
        assertThat(first.rows()).hasSize(3);
        assertThat(second.rows()).hasSize(1);
        assertThat(second.next()).isEmpty();
        assertThat(first.rows().get(0).startedAt()).isAfter(second.rows().get(0).startedAt());
        assertThat(store.query(HistoryFilter.ALL.withPackage("mes").withText("routine"), null, 50).total()).isEqualTo(10);
        assertThat(store.count(HistoryFilter.ALL.withPackage("mes").withText("更新憑"))).isZero();
        assertThat(store.count(HistoryFilter.ALL.withPackage("opcua-bridge").withText("更新憑"))).isEqualTo(1);
    }

    @Test
    void exportsCsvThatParsesBackWithQuotesAndNewlines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.export(HistoryFilter.ALL.withPackage("cert-manager"), ExportFormat.CSV, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(SECRET).contains("\r\n");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(10);
        CSVRecord withQuotes = records.stream().filter(r -> r.get("from_version").equals("1.8.0")).findFirst().orElseThrow();
        assertThat(withQuotes.get("reason")).isEqualTo("routine update #8");
        assertThat(records.get(0).get("started_at")).isEqualTo(T0.plusSeconds(3600L * 36).toString());
        ByteArrayOutputStream mes = new ByteArrayOutputStream();
        store.export(HistoryFilter.ALL.withText("urgent"), ExportFormat.CSV, mes);
        CSVRecord chinese = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(mes.toString(StandardCharsets.UTF_8))).getRecords().get(0);
        assertThat(chinese.get("reason")).isEqualTo("更新憑證, \"urgent\"\nline 2");
        assertThat(chinese.get("values")).contains("******#");
    }

    @Test
    void exportsJsonAsAnArrayOfObjects() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.export(HistoryFilter.ALL.withCluster(CLUSTER), ExportFormat.JSON, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
        JsonNode rows = new ObjectMapper().readTree(out.toByteArray());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(20);
        JsonNode first = rows.get(0);
        assertThat(first.get("cluster_id").asText()).isEqualTo(CLUSTER);
        assertThat(first.get("values").get("database").get("user").asText()).isEqualTo("mes");
        assertThat(first.get("values").get("database").get("password").asText()).startsWith("******#");
        assertThat(first.get("duration_ms").asLong()).isEqualTo(30_000);
        assertThat(first.get("technician").isNull()).isTrue();
    }
}
