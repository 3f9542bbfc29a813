package org.iepmp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.storage.LifecyclePaths;
import org.iepmp.lifecycle.storage.LifecycleStorage;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.iepmp.support.api.SupportAuditLog;
import org.iepmp.support.api.SupportSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session start and end land in the real SQLite history as one AUDIT row, without the password. */
class HistorySupportAuditLogTest {

    @TempDir
    Path data;

    @Test
    void sessionIsOneAuditRowWithModePeerAndDuration() {
        // The real SQLite history, opened the way the app opens it (test code only: main code sees lifecycle's api).
        try (LifecycleStorage history = LifecycleStorage.open(new LifecyclePaths(data), false, ProcessIdentity.current(),
                Clock.systemUTC())) {
            HistorySupportAuditLog audit = new HistorySupportAuditLog(history::history, () -> "cluster-uid-1",
                    new Actor("operator", null));
            Instant start = Instant.parse("2026-11-21T08:00:00Z");
            SupportSession session = new SupportSession("pw3k7mnp", "100.64.0.12", 5900, false, start,
                    start.plus(Duration.ofMinutes(30)), "support-alice");
            audit.sessionStarted(session);
            audit.sessionEnded(session, start.plus(Duration.ofMinutes(12)), SupportAuditLog.EndReason.ENDED_BY_TECHNICIAN);

            List<OperationRecord> rows = history.history().query(HistoryFilter.ALL.withPackage(
                    HistorySupportAuditLog.AUDIT_SUBJECT), null, 10).rows();
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.action()).isEqualTo(OperationAction.AUDIT);
                assertThat(row.clusterId()).isEqualTo("cluster-uid-1");
                assertThat(row.actor().osUser()).isEqualTo("operator");
                assertThat(row.outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
                assertThat(row.planSummary()).contains("view only").contains("100.64.0.12:5900").contains("support-alice")
                        .doesNotContain("pw3k7mnp");
                assertThat(row.duration()).contains(Duration.ofMinutes(12));
            });
        }
    }
}
