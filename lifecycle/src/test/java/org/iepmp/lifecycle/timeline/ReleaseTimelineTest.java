package org.iepmp.lifecycle.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.NewStep;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.ReleaseRevision;
import org.iepmp.lifecycle.api.ReleaseStatus;
import org.iepmp.lifecycle.api.TimelineEntry;
import org.iepmp.lifecycle.history.HistoryOptions;
import org.iepmp.lifecycle.history.SqliteHistoryStore;
import org.iepmp.lifecycle.secret.LocalSecretKey;
import org.iepmp.lifecycle.secret.SecretSealer;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.iepmp.lifecycle.values.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseTimelineTest {

    private static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void helmRevisionsWithoutARecordedStepAreOutsideChanges() {
        LocalSecretKey key = LocalSecretKey.loadOrCreate(dir.resolve("secret.key"));
        try (SqliteHistoryStore history = SqliteHistoryStore.open(HistoryOptions.defaults(dir.resolve("history.db")),
                new SecretMasker(key.fingerprintKey()), new SecretSealer(key.sealingKey()), ProcessIdentity.current(), Clock.systemUTC())) {
            long install = step(history, OperationAction.INSTALL, null, "1.0.0", T0, OperationOutcome.SUCCEEDED);
            long failedUpgrade = step(history, OperationAction.UPGRADE, "1.0.0", "2.0.0", T0.plus(Duration.ofDays(2)), OperationOutcome.FAILED);
            long autoRollback = step(history, OperationAction.ROLLBACK, "2.0.0", "1.0.0", T0.plus(Duration.ofDays(2)).plusSeconds(400),
                    OperationOutcome.SUCCEEDED);
            long neverReachedHelm = step(history, OperationAction.UPGRADE, "1.0.0", "1.1.0", T0.plus(Duration.ofDays(5)),
                    OperationOutcome.FAILED);

            List<ReleaseRevision> helm = List.of(
                    new ReleaseRevision(1, "1.0.0", ReleaseStatus.SUPERSEDED, T0.plusSeconds(40), "Install complete"),
                    new ReleaseRevision(2, "2.0.0", ReleaseStatus.FAILED, T0.plus(Duration.ofDays(2)).plusSeconds(280), "Upgrade failed"),
                    new ReleaseRevision(3, "1.0.0", ReleaseStatus.SUPERSEDED, T0.plus(Duration.ofDays(2)).plusSeconds(410), "Upgrade complete"),
                    new ReleaseRevision(4, "1.0.1", ReleaseStatus.DEPLOYED, T0.plus(Duration.ofDays(9)), "Upgrade complete"));

            List<TimelineEntry> timeline = new ReleaseTimeline(Duration.ofMinutes(2))
                    .merge(history.releaseSteps("uid", "iepmp", "mes"), helm, T0.plus(Duration.ofDays(10)));

            assertThat(timeline).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.OUTSIDE_CHANGE,
                    TimelineEntry.Kind.RECORDED_ONLY, TimelineEntry.Kind.RECORDED, TimelineEntry.Kind.RECORDED, TimelineEntry.Kind.RECORDED);
            assertThat(timeline).extracting(TimelineEntry::stepId).containsExactly(null, neverReachedHelm, autoRollback, failedUpgrade, install);
            assertThat(timeline).extracting(TimelineEntry::revision).containsExactly(4, null, 3, 2, 1);
            assertThat(timeline.get(0).chartVersion()).isEqualTo("1.0.1");
            assertThat(history.releaseSteps("other-cluster", "iepmp", "mes")).isEmpty();
        }
    }

    @Test
    void aGlasskubePackageStepClaimsTheRevisionOfTheChartItInstalled() {
        LocalSecretKey key = LocalSecretKey.loadOrCreate(dir.resolve("secret.key"));
        try (SqliteHistoryStore history = SqliteHistoryStore.open(HistoryOptions.defaults(dir.resolve("history.db")),
                new SecretMasker(key.fingerprintKey()), new SecretSealer(key.sealingKey()), ProcessIdentity.current(), Clock.systemUTC())) {
            long install = step(history, OperationAction.INSTALL, null, "v1.0.0+1", T0, OperationOutcome.SUCCEEDED);

            List<TimelineEntry> timeline = new ReleaseTimeline(Duration.ofMinutes(2)).merge(history.releaseSteps("uid", "iepmp", "mes"),
                    List.of(new ReleaseRevision(1, "1.0.0", ReleaseStatus.DEPLOYED, T0.plusSeconds(40), "Install complete")),
                    T0.plus(Duration.ofDays(1)));

            assertThat(timeline).singleElement().satisfies(entry -> {
                assertThat(entry.kind()).isEqualTo(TimelineEntry.Kind.RECORDED);
                assertThat(entry.stepId()).isEqualTo(install);
            });
        }
    }

    @Test
    void aRevisionOutsideTheStepsWindowIsNotClaimedByIt() {
        List<TimelineEntry> timeline = new ReleaseTimeline(Duration.ofSeconds(30)).merge(List.of(),
                List.of(new ReleaseRevision(1, "1.0.0", ReleaseStatus.DEPLOYED, T0, null)), T0);
        assertThat(timeline).singleElement().extracting(TimelineEntry::kind).isEqualTo(TimelineEntry.Kind.OUTSIDE_CHANGE);
    }

    private static long step(SqliteHistoryStore history, OperationAction action, String from, String to, Instant start,
            OperationOutcome outcome) {
        long op = history.beginOperation(new NewOperation("uid", new Actor("op", null), Reason.NONE, start, action, "mes", "mes", "iepmp",
                null, from, to, null, null, null, null));
        long step = history.beginStep(new NewStep(op, 1, action, "mes", "mes", "iepmp", from, to, null, null, start));
        history.finishStep(step, new Completion(outcome, start.plusSeconds(300), null, null, null));
        history.finishOperation(op, new Completion(outcome, start.plusSeconds(300), null, null, null));
        return step;
    }
}
