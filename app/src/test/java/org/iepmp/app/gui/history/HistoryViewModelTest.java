package org.iepmp.app.gui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iepmp.app.engine.LocalStorageConnection;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.ExportFormat;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.NewStep;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.RecordedValues;
import org.iepmp.lifecycle.api.StepRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History's paging, filters, detail and "roll back to this revision" over a real SQLite history, on the calling thread. */
class HistoryViewModelTest {

    private static final Instant BASE = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path dir;

    private LocalStorageConnection connection;
    private HistoryStore history;
    private final List<StepRecord> rolledBackTo = new ArrayList<>();
    private final List<Throwable> unexpected = new ArrayList<>();
    private HistoryViewModel model;

    @BeforeEach
    void seed() {
        connection = new LocalStorageConnection(dir.resolve("data"), Clock.systemUTC());
        history = connection.history();
        for (int i = 0; i < 60; i++) {
            boolean broken = i == 59;
            String pkg = i % 2 == 0 ? "line-monitor" : "mqtt-broker";
            record(pkg, i, broken ? OperationOutcome.ROLLED_BACK : OperationOutcome.SUCCEEDED,
                    broken ? "CHG-4711" : null);
        }
        model = new HistoryViewModel(() -> history, new DirectTaskExecutor(unexpected::add),
                Clock.fixed(BASE.plusSeconds(100 * 3600L), ZoneOffset.UTC), rolledBackTo::add);
        model.connectedClusterProperty().set("cluster-1");
    }

    @AfterEach
    void close() {
        connection.close();
        assertThat(unexpected).isEmpty();
    }

    private long record(String pkg, int i, OperationOutcome outcome, String ticket) {
        Instant start = BASE.plusSeconds(i * 3600L);
        long id = history.beginOperation(new NewOperation("cluster-1", new Actor("operator", null),
                new Reason("routine", ticket), start, OperationAction.UPGRADE, pkg, pkg, "line", "vendor",
                "v1.0." + i, "v1.0." + (i + 1), null,
                new RecordedValues(Map.of("password", "hunter2"), Set.of("password")), "upgrade " + pkg, List.of()));
        long step = history.beginStep(new NewStep(id, 1, OperationAction.UPGRADE, pkg, pkg, "line",
                "v1.0." + i, "v1.0." + (i + 1), "sha256:" + i, RecordedValues.EMPTY, start));
        history.finishStep(step, new Completion(outcome, start.plusSeconds(42), null, null, null));
        history.finishOperation(id, new Completion(outcome, start.plusSeconds(42), null, null, null));
        return id;
    }

    private OperationRecord row(OperationOutcome outcome) {
        return model.rows().stream().filter(r -> r.outcome() == outcome).findFirst().orElseThrow();
    }

    @Test
    void pagesForwardAndBackNewestFirst() {
        model.firstPage();
        assertThat(model.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
        assertThat(model.totalProperty().get()).isEqualTo(60);
        assertThat(model.rows().get(0).outcome()).as("newest first").isEqualTo(OperationOutcome.ROLLED_BACK);
        assertThat(model.hasNextProperty().get()).isTrue();
        assertThat(model.hasPreviousProperty().get()).isFalse();

        model.nextPage();
        assertThat(model.rows()).hasSize(10);
        assertThat(model.hasNextProperty().get()).isFalse();
        assertThat(model.hasPreviousProperty().get()).isTrue();
        model.nextPage();
        assertThat(model.rows()).as("no page after the last").hasSize(10);

        model.previousPage();
        assertThat(model.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
        assertThat(model.rows().get(0).outcome()).isEqualTo(OperationOutcome.ROLLED_BACK);
        assertThat(model.hasPreviousProperty().get()).isFalse();
    }

    @Test
    void everyFilterReadsTheFirstPageAgain() {
        model.packageNameProperty().set(" mqtt-broker ");
        assertThat(model.totalProperty().get()).isEqualTo(30);
        assertThat(model.rows()).allSatisfy(r -> assertThat(r.packageName()).isEqualTo("mqtt-broker"));

        model.outcomeProperty().set(OperationOutcome.ROLLED_BACK);
        assertThat(model.rows()).extracting(OperationRecord::packageName).containsExactly("mqtt-broker");

        model.outcomeProperty().set(null);
        model.packageNameProperty().set("");
        model.textProperty().set("CHG-4711");
        assertThat(model.totalProperty().get()).isEqualTo(1);

        model.textProperty().set("");
        model.periodProperty().set(HistoryViewModel.Period.DAY);
        assertThat(model.totalProperty().get()).as("the last day before the clock's now: nothing").isZero();
        model.periodProperty().set(HistoryViewModel.Period.WEEK);
        assertThat(model.totalProperty().get()).isEqualTo(60);
    }

    @Test
    void aSucceededOperationOffersItsRevisionAndTheCommandGetsIt() {
        model.firstPage();
        model.selectedProperty().set(row(OperationOutcome.SUCCEEDED));
        assertThat(model.steps()).hasSize(1);
        StepRecord target = model.rollbackTargetProperty().get();
        assertThat(target).isNotNull();
        assertThat(target.chartDigest()).isEqualTo("sha256:58");

        model.rollBackToSelected();
        assertThat(rolledBackTo).containsExactly(target);
    }

    @Test
    void aRevisionOfAnotherClusterIsNotOfferedAndLeavingTheClusterWithdrawsTheOffer() {
        model.firstPage();
        model.selectedProperty().set(row(OperationOutcome.SUCCEEDED));
        assertThat(model.rollbackTargetProperty().get()).isNotNull();

        // Leaving practice mode, or a practice cluster started afresh (a new identity).
        model.connectedClusterProperty().set("another-cluster");
        assertThat(model.rollbackTargetProperty().get()).isNull();
        model.rollBackToSelected();
        assertThat(rolledBackTo).isEmpty();
        model.connectedClusterProperty().set(null);
        assertThat(model.rollbackTargetProperty().get()).isNull();

        model.connectedClusterProperty().set("cluster-1");
        assertThat(model.rollbackTargetProperty().get()).isNotNull();
    }

    @Test
    void failedIncludesFailuresThatWereRolledBack() {
        model.outcomeProperty().set(OperationOutcome.FAILED);
        assertThat(model.rows()).extracting(OperationRecord::outcome).containsExactly(OperationOutcome.ROLLED_BACK);
        model.outcomeProperty().set(OperationOutcome.ROLLED_BACK);
        assertThat(model.totalProperty().get()).isEqualTo(1);
        model.outcomeProperty().set(OperationOutcome.SUCCEEDED);
        assertThat(model.totalProperty().get()).isEqualTo(59);
    }

    @Test
    void aRolledBackOperationOffersNoRevisionAndTheCommandIsNotCalled() {
        model.firstPage();
        model.selectedProperty().set(row(OperationOutcome.ROLLED_BACK));
        assertThat(model.steps()).hasSize(1);
        assertThat(model.rollbackTargetProperty().get()).isNull();

        model.rollBackToSelected();
        assertThat(rolledBackTo).isEmpty();

        model.selectedProperty().set(null);
        assertThat(model.steps()).isEmpty();
    }

    @Test
    void showOperationClearsTheFiltersAndSelectsIt() {
        model.textProperty().set("nothing matches this");
        assertThat(model.rows()).isEmpty();
        long wanted = newestId();

        model.showOperation(wanted);
        assertThat(model.textProperty().get()).isEmpty();
        assertThat(model.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
        assertThat(model.selectedProperty().get().id()).isEqualTo(wanted);
    }

    private long newestId() {
        return history.query(org.iepmp.lifecycle.api.HistoryFilter.ALL, null, 1).rows().get(0).id();
    }

    @Test
    void exportsWhatTheFilterMatchesWithoutSecrets() throws Exception {
        model.packageNameProperty().set("mqtt-broker");
        Path csv = dir.resolve("audit.csv");

        model.export(ExportFormat.CSV, csv);

        assertThat(model.exportedProperty().get()).isEqualTo(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(31);
        assertThat(String.join("\n", lines)).contains("mqtt-broker").doesNotContain("line-monitor").doesNotContain("hunter2");
    }

    @Test
    void aHistoryThatCannotBeReadIsShownAsAFailure() {
        HistoryViewModel broken = new HistoryViewModel(() -> {
            throw new IllegalStateException("history locked");
        }, new DirectTaskExecutor(unexpected::add), Clock.systemUTC(), rolledBackTo::add);

        broken.firstPage();

        assertThat(broken.failureProperty().get()).hasMessage("history locked");
        assertThat(broken.rows()).isEmpty();
    }
}
