package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.engine.LocalStorageConnection;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;
import org.iepmp.app.gui.operation.OperationFlowModel;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.i18n.api.Language;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.NewStep;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.RecordedValues;
import org.iepmp.practice.api.PracticeCatalog;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A resumed interrupted update after a real restart of the app. The cluster (a practice cluster
 * started by the test, reached through its kubeconfig as a plant IPC would be) outlives the app:
 * line-monitor 1.0.0 is installed through a first app start, the whole window closes as at exit
 * (sessions, storage), an update to 1.1.0 is left RUNNING in the history (rows written and never
 * finished, as a crash leaves them), and a second app start over the same home directory finds it:
 * the recovery notice opens the wizard on its result page with the reconciled state and the two
 * ways on; "try again" walks the wizard to a successful update.
 */
@ExtendWith(ApplicationExtension.class)
class UpdateWizardResumeUiTest extends WizardUiSupport {

    private PracticeCluster cluster;

    @Start
    void begin(Stage stage) throws Exception {
        Platform.setImplicitExit(false);
        cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(home.resolve("site/kubeconfig.yaml")));
        // The vendor's repositories, as a technician adds them (the practice catalog's content under other names).
        PracticeCatalog.Layout layout = PracticeCatalog.create().writeTo(home.resolve("usb/vendor"));
        FileRepositoryStore repositories = new FileRepositoryStore(AppPaths.under(home.resolve("iepmp")).configDir());
        repositories.save(RepositoryDefinition.directory("vendor", layout.glasskubeRepository().toString(), RepositoryType.GLASSKUBE,
                Origin.VENDOR), Optional.empty());
        repositories.save(RepositoryDefinition.directory("vendor-charts", layout.helmRepository().toString(), RepositoryType.HELM,
                Origin.VENDOR), Optional.empty());
        this.stage = stage;
        composition = appStart(stage);
    }

    /** The second start's window closes as at exit (its composition with it), then the site's cluster stops. */
    @AfterEach
    void exitAndStopCluster() throws Exception {
        Stage last = stage;
        if (last != null) {
            WaitForAsyncUtils.asyncFx(last::close).get(30, java.util.concurrent.TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** One start of the app over the test's home directory, connecting to the site's cluster by its kubeconfig. */
    private GuiComposition appStart(Stage window) {
        return TestCompositions.show(window, home, new LaunchOptions(Optional.of(language()), Optional.of(cluster.kubeconfig()),
                Optional.empty(), Optional.of(Section.INSTALLED), Optional.empty(), Optional.empty(), false), TestCompositions.FAST);
    }

    @Override
    Language language() {
        return Language.ENGLISH;
    }

    @Test
    void anInterruptedUpdateOpensOnTheResultPageAndCanBeTriedAgain(FxRobot robot) throws Exception {
        robot.interact(() -> composition.parts().repositories().refreshAll());
        waitFor(90, () -> composition.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED
                && composition.parts().clusterEngine().sessionProperty().get() != null
                && composition.parts().catalog().results().stream().anyMatch(p -> p.name().equals("line-monitor")));
        installDirectly("v1.0.0+1");
        String identity = composition.parts().cluster().factsProperty().get().identity();

        // The app exits: window, engine sessions and storage close as they do at exit.
        Stage first = stage;
        robot.interact(first::close);
        waitFor(20, () -> composition.parts().clusterEngine().sessionProperty().get() == null);

        // A crash in the middle of an update: its operation and step rows stay RUNNING.
        long abandoned;
        try (LocalStorageConnection storage = new LocalStorageConnection(AppPaths.under(home.resolve("iepmp")).dataDir(),
                Clock.systemUTC())) {
            HistoryStore history = storage.history();
            Instant now = Instant.now();
            abandoned = history.beginOperation(new NewOperation(identity, new Actor("tech", null), new Reason("line 2 update", null),
                    now, OperationAction.UPGRADE, "line-monitor", "line-monitor", "line-monitor", "vendor", "v1.0.0+1",
                    "v1.1.0+1", null, RecordedValues.EMPTY, "upgrade line-monitor v1.0.0+1 -> v1.1.0+1", List.of()));
            history.beginStep(new NewStep(abandoned, 1, OperationAction.UPGRADE, "line-monitor", "line-monitor", "line-monitor",
                    "v1.0.0+1", "v1.1.0+1", null, RecordedValues.EMPTY, now));
        }

        // The second start of the app, a new composition over the same home directory: the engine session
        // opens when the cluster is connected, and the interrupted operation is reconciled then.
        robot.interact(() -> {
            stage = new Stage();
            composition = appStart(stage);
        });
        waitFor(90, () -> composition.parts().clusterEngine().sessionProperty().get() != null
                && !composition.parts().clusterEngine().recoveredOperations().isEmpty());
        assertThat(composition.parts().clusterEngine().recoveredOperations()).extracting(r -> r.operationId()).containsExactly(abandoned);
        assertThat(robot.lookup("#ops-recovery-notice").query().isVisible()).isTrue();

        robot.clickOn("#ops-recovery-open");
        OperationFlowModel resumed = flowOn(Page.RESULT);
        assertThat(resumed.resumedProperty().get().operation().id()).isEqualTo(abandoned);
        assertThat(robot.lookup("#ops-page-name").queryAs(Label.class).getText()).isEqualTo("Step 5 of 5: Result");
        assertThat(robot.lookup("#wizard-resumed-title").queryAs(Label.class).getText())
                .isEqualTo("Upgrade of line-monitor (v1.0.0+1 → v1.1.0+1) was interrupted");
        var reconciliation = resumed.resumedProperty().get().reconciliation();
        assertThat(robot.lookup("#wizard-resumed-text").queryAs(Label.class).getText())
                .startsWith(composition.parts().texts().get(reconciliation.sentenceKey(), reconciliation.params().toArray()));
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
        waitFor(10, () -> composition.parts().operations().currentFlowProperty().get() == null);
        var releases = composition.parts().clusterEngine().sessionProperty().get().drivers().helm().list(java.time.Duration.ofSeconds(30));
        assertThat(releases).filteredOn(r -> r.name().equals("line-monitor")).singleElement()
                .satisfies(r -> assertThat(r.chartVersion()).isEqualTo("1.1.0"));
        robot.interact(() -> composition.parts().shell().show(org.iepmp.app.gui.shell.Section.HISTORY));
        waitFor(20, () -> composition.parts().history().rows().size() >= 3);
        assertThat(composition.parts().history().rows().get(0).toVersion()).isEqualTo("v1.1.0+1");
        assertThat(composition.parts().history().rows().get(0).outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(abandonedOutcome(abandoned)).isEqualTo(OperationOutcome.INTERRUPTED);
    }

    private OperationOutcome abandonedOutcome(long id) {
        // Read beside the running app (SQLite allows a second reader).
        try (LocalStorageConnection storage = new LocalStorageConnection(AppPaths.under(home.resolve("iepmp")).dataDir(),
                Clock.systemUTC())) {
            return storage.history().operation(id).orElseThrow().outcome();
        }
    }
}
