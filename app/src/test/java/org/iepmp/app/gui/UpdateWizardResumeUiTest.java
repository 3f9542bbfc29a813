package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.iepmp.app.engine.LocalStorageConnection;
import org.iepmp.app.gui.operation.OperationFlowModel;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.Language;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.NewStep;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.RecordedValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A resumed interrupted update: line-monitor 1.0.0 is installed, then an update to 1.1.0 is left
 * RUNNING in the history (rows written and never finished, in the same data directory, as a crash
 * leaves them). When the cluster's engine session opens again, the interrupted operation is
 * reconciled; the notice opens the wizard on its result page with the state found and the two
 * ways on; "try again" walks the wizard to a successful update.
 */
@ExtendWith(ApplicationExtension.class)
class UpdateWizardResumeUiTest extends WizardUiSupport {

    @Start
    void begin(Stage stage) {
        start(stage);
    }

    @Override
    Language language() {
        return Language.ENGLISH;
    }

    @Override
    String downgradeHint() {
        return "older version (downgrade)";
    }

    @Override
    String firstStep() {
        return "Step 1 of 5: Choose the version";
    }

    @Test
    void anInterruptedUpdateOpensOnTheResultPageAndCanBeTriedAgain(FxRobot robot) throws Exception {
        waitFor(90, () -> composition.clusterViewModel().stateProperty().get() == ConnectionState.CONNECTED
                && composition.clusterEngine().sessionProperty().get() != null
                && composition.catalogViewModel().results().stream().anyMatch(p -> p.name().equals("line-monitor")));
        installDirectly("v1.0.0+1");
        var connection = composition.clusterViewModel().connectionProperty().get();
        String identity = composition.clusterViewModel().factsProperty().get().identity();

        // A crash in the middle of an update: its operation and step rows stay RUNNING.
        long abandoned;
        try (LocalStorageConnection storage = new LocalStorageConnection(AppPaths.under(home.resolve("iepmp")).dataDir(),
                Clock.systemUTC())) {
            HistoryStore history = storage.history();
            Instant now = Instant.now();
            abandoned = history.beginOperation(new NewOperation(identity, new Actor("tech", null), new Reason("line 2 update", null),
                    now, OperationAction.UPGRADE, "line-monitor", "line-monitor", "line-monitor", "practice", "v1.0.0+1",
                    "v1.1.0+1", null, RecordedValues.EMPTY, "upgrade line-monitor v1.0.0+1 -> v1.1.0+1", List.of()));
            history.beginStep(new NewStep(abandoned, 1, OperationAction.UPGRADE, "line-monitor", "line-monitor", "line-monitor",
                    "v1.0.0+1", "v1.1.0+1", null, RecordedValues.EMPTY, now));
        }
        // The engine session opens again, as at the next start: interrupted operations are reconciled then.
        robot.interact(() -> {
            composition.clusterEngine().connected(null, null);
            composition.clusterEngine().connected(connection, identity);
        });
        waitFor(60, () -> composition.clusterEngine().sessionProperty().get() != null
                && !composition.clusterEngine().recoveredOperations().isEmpty());
        assertThat(composition.clusterEngine().recoveredOperations()).extracting(r -> r.operationId()).containsExactly(abandoned);
        assertThat(robot.lookup("#ops-recovery-notice").query().isVisible()).isTrue();

        robot.clickOn("#ops-recovery-open");
        OperationFlowModel resumed = flowOn(Page.RESULT);
        assertThat(resumed.resumedProperty().get().operation().id()).isEqualTo(abandoned);
        assertThat(robot.lookup("#ops-page-name").queryAs(Label.class).getText()).isEqualTo("Step 5 of 5: Result");
        assertThat(robot.lookup("#wizard-resumed-title").queryAs(Label.class).getText())
                .isEqualTo("Upgrade of line-monitor (v1.0.0+1 → v1.1.0+1) was interrupted");
        var reconciliation = resumed.resumedProperty().get().reconciliation();
        assertThat(robot.lookup("#wizard-resumed-text").queryAs(Label.class).getText())
                .startsWith(composition.texts().get(reconciliation.sentenceKey(), reconciliation.params().toArray()));
        Button rollBack = robot.lookup("#wizard-resumed-rollback").queryButton();
        assertThat(rollBack.isVisible()).isTrue();
        assertThat(rollBack.getText()).isEqualTo("Roll back to v1.0.0+1");
        Button retry = robot.lookup("#wizard-resumed-retry").queryButton();
        assertThat(retry.getText()).isEqualTo("Try v1.1.0+1 again");
        shoot(robot, "wizard-5-result-resumed");

        robot.clickOn("#wizard-resumed-retry");
        OperationFlowModel again = flowOn(Page.CHOOSE);
        assertThat(again).isNotSameAs(resumed);
        assertThat(again.upgradeChoiceProperty().get().version()).isEqualTo("v1.1.0+1");
        robot.clickOn("#ops-next");
        waitForPlan(again);
        confirmAndApply(robot, again, false);
        assertThat(again.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        robot.clickOn("#ops-cancel");
        waitFor(10, () -> composition.operations().currentFlowProperty().get() == null);
        var releases = composition.clusterEngine().sessionProperty().get().drivers().helm().list(java.time.Duration.ofSeconds(30));
        assertThat(releases).filteredOn(r -> r.name().equals("line-monitor")).singleElement()
                .satisfies(r -> assertThat(r.chartVersion()).isEqualTo("1.1.0"));
        robot.interact(() -> composition.shellViewModel().show(org.iepmp.app.gui.shell.Section.HISTORY));
        waitFor(20, () -> composition.historyViewModel().rows().size() >= 3);
        assertThat(composition.historyViewModel().rows().get(0).toVersion()).isEqualTo("v1.1.0+1");
        assertThat(composition.historyViewModel().rows().get(0).outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(abandonedOutcome(abandoned)).isEqualTo(OperationOutcome.INTERRUPTED);
    }

    private OperationOutcome abandonedOutcome(long id) {
        try (LocalStorageConnection storage = new LocalStorageConnection(AppPaths.under(home.resolve("iepmp")).dataDir(),
                Clock.systemUTC())) {
            return storage.history().operation(id).orElseThrow().outcome();
        }
    }
}
