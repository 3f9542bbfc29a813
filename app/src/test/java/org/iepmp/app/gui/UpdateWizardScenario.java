package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.installed.InstalledRow;
import org.iepmp.app.gui.operation.OperationFlowModel;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;
import org.iepmp.app.gui.operation.UpgradeChoice;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The done-when walk of the update wizard on the practice cluster with the practice catalog
 * (line-monitor 1.0.0 / 1.1.0 / 1.2.0, the last crash-looping on purpose): a successful update
 * from Installed (1.0.0 → 1.1.0), an update to 1.2.0 from the Updates list that fails
 * verification and is rolled back automatically (History shows it, reached from the result page),
 * a downgrade (1.1.0 → 1.0.0), and a preflight failure that blocks (a CPU request no practice node
 * has, set in the review page's settings). Run once per language by the subclasses.
 */
abstract class UpdateWizardScenario extends WizardUiSupport {

    @Test
    void updateRollBackAutomaticallyDowngradeAndBlockThroughTheWizard(FxRobot robot) throws Exception {
        waitFor(90, () -> composition.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED
                && composition.parts().clusterEngine().sessionProperty().get() != null
                && composition.parts().catalog().results().stream().anyMatch(p -> p.name().equals("line-monitor")));
        installDirectly("v1.0.0+1");
        TableView<InstalledRow> installed = robot.lookup("#installed-table").queryTableView();
        refreshUntil(robot, 60, () -> healthy(installed, "line-monitor", "1.0.0"));

        // ----- (a) a successful update 1.0.0 → 1.1.0 from Installed, by keyboard where it can be
        OperationFlowModel update = openFromInstalled(robot, installed);
        assertThat(robot.lookup("#ops-page-name").queryAs(Label.class).getText()).isEqualTo(firstStep());
        assertThat(update.upgradeChoiceProperty().get().version()).as("the newest in the same major is proposed")
                .isEqualTo("v1.2.0+1");
        choose(robot, update, "v1.1.0+1");
        assertThat(robot.lookup("#wizard-choose-notes").queryAs(Label.class).getText()).isNotBlank();
        shoot(robot, "wizard-1-choose");
        shootAt150(robot, "wizard-1-choose");
        robot.type(KeyCode.ENTER);
        waitForPlan(update);
        assertThat(update.pageProperty().get()).isEqualTo(Page.PLAN);
        PlanStep main = last(update);
        assertThat(main.action()).isEqualTo(OperationAction.UPGRADE);
        assertThat(main.fromVersion()).isEqualTo("v1.0.0+1");
        assertThat(main.toVersion()).isEqualTo("v1.1.0+1");
        shoot(robot, "wizard-2-review");
        shootAt150(robot, "wizard-2-review");
        confirmAndApply(robot, update, true);
        assertThat(update.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(robot.lookup("#wizard-result-why").queryAs(Label.class).getText()).as("the health summary").contains("v1.1.0+1");
        shoot(robot, "wizard-5-result");
        robot.clickOn("#ops-cancel");
        waitFor(10, () -> composition.parts().operations().currentFlowProperty().get() == null);
        refreshUntil(robot, 60, () -> healthy(installed, "line-monitor", "1.1.0"));

        // ----- (b) the Updates list offers 1.2.0; it fails verification and 1.1.0 is restored automatically
        robot.interact(() -> composition.parts().shell().show(Section.UPDATES));
        robot.interact(() -> composition.parts().updates().check());
        TableView<?> updates = robot.lookup("#updates-table").queryTableView();
        waitFor(60, () -> updates.getItems().size() == 1);
        // The row's button exists once the table has laid the row out; it is pressed on the FX thread, in one go,
        // because a late answer of the update check may lay the row out again between a lookup and a click.
        waitFor(20, () -> robot.lookup("#updates-update-line-monitor").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#updates-update-line-monitor").queryButton().fire());
        OperationFlowModel broken = flowOn(Page.CHOOSE);
        assertThat(broken.upgradeChoiceProperty().get().version()).as("the Updates list's version").isEqualTo("v1.2.0+1");
        robot.clickOn("#ops-next");
        waitForPlan(broken);
        confirmAndApply(robot, broken, false);
        OperationResult failed = broken.resultProperty().get();
        assertThat(failed.outcome()).as(failed.toString()).isEqualTo(OperationOutcome.ROLLED_BACK);
        assertThat(failed.restored()).isNotEmpty();
        assertThat(robot.lookup("#ops-result-sentence").queryAs(Label.class).getText()).contains("v1.2.0+1").contains("v1.1.0+1");
        assertThat(robot.lookup("#wizard-result-why").queryAs(Label.class).getText()).as("the reason and the restored health")
                .contains("v1.1.0+1");
        shoot(robot, "wizard-5-result-rolled-back");
        robot.clickOn("#wizard-result-history");
        waitFor(10, () -> composition.parts().operations().currentFlowProperty().get() == null);
        waitFor(20, () -> composition.parts().history().selectedProperty().get() != null);
        assertThat(composition.parts().shell().sectionProperty().get()).isEqualTo(Section.HISTORY);
        OperationRecord shown = composition.parts().history().selectedProperty().get();
        assertThat(shown.id()).isEqualTo(failed.operationId());
        assertThat(shown.toVersion()).isEqualTo("v1.2.0+1");
        assertThat(shown.outcome()).isEqualTo(OperationOutcome.ROLLED_BACK);
        waitFor(20, () -> !composition.parts().history().steps().isEmpty());
        assertThat(composition.parts().history().steps()).as("the failed update and the automatic rollback")
                .anyMatch(s -> "v1.2.0+1".equals(s.toVersion()) && s.outcome() != OperationOutcome.SUCCEEDED)
                .anyMatch(s -> "v1.1.0+1".equals(s.toVersion()) && s.outcome() == OperationOutcome.SUCCEEDED);
        robot.interact(() -> composition.parts().shell().show(Section.INSTALLED));
        refreshUntil(robot, 60, () -> healthy(installed, "line-monitor", "1.1.0"));

        // ----- (c) a downgrade 1.1.0 → 1.0.0
        OperationFlowModel downgrade = openFromInstalled(robot, installed);
        choose(robot, downgrade, "v1.0.0+1");
        assertThat(downgrade.upgradeChoiceProperty().get().downgrade()).isTrue();
        assertThat(robot.lookup("#wizard-choose-risk").queryAs(Label.class).getText()).contains("v1.1.0+1").contains("v1.0.0+1");
        javafx.scene.Node list = robot.lookup("#wizard-choose-list").query();
        assertThat(robot.from(list).lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().contains(downgradeHint())).tryQuery()).isPresent();
        robot.clickOn("#ops-next");
        waitForPlan(downgrade);
        assertThat(last(downgrade).fromVersion()).isEqualTo("v1.1.0+1");
        assertThat(last(downgrade).toVersion()).isEqualTo("v1.0.0+1");
        confirmAndApply(robot, downgrade, false);
        assertThat(downgrade.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        robot.clickOn("#ops-cancel");
        waitFor(10, () -> composition.parts().operations().currentFlowProperty().get() == null);
        refreshUntil(robot, 60, () -> healthy(installed, "line-monitor", "1.0.0"));

        // ----- (d) a preflight failure blocks: more CPU than the practice nodes have, set on the review page
        OperationFlowModel blocked = openFromInstalled(robot, installed);
        choose(robot, blocked, "v1.1.0+1");
        robot.clickOn("#ops-next");
        waitForPlan(blocked);
        javafx.scene.control.TabPane details = robot.lookup("#ops-plan-details").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> details.getSelectionModel().select(details.getTabs().get(details.getTabs().size() - 1)));
        robot.interact(() -> robot.lookup("#ops-advanced").queryAs(TitledPane.class).setExpanded(true));
        TextArea yaml = robot.lookup("#ops-yaml").queryAs(TextArea.class);
        assertThat(yaml.getText()).as("current values carried over").contains("replicaCount");
        robot.interact(() -> yaml.setText(yaml.getText() + "resources:\n  requests:\n    cpu: \"64\"\n"));
        robot.clickOn("#wizard-replan");
        waitForPlan(blocked);
        assertThat(last(blocked).valuesDiff().changes()).anyMatch(c -> c.path().startsWith("resources"));
        robot.clickOn("#ops-next");
        waitFor(60, () -> blocked.pageProperty().get() == Page.CHECK && !blocked.preflight().runningProperty().get()
                && !blocked.preflight().results().isEmpty());
        assertThat(blocked.preflight().results()).anyMatch(r -> r.status() == PreflightStatus.FAIL && r.checkId().equals("resources"));
        robot.clickOn("#ops-reason").write("more capacity");
        robot.clickOn("#ops-preflight-maintenance");
        assertThat(robot.lookup("#ops-next").queryAs(Button.class).isDisabled()).as("FAIL blocks").isTrue();
        shoot(robot, "wizard-3-check-blocked");
        robot.clickOn("#ops-reason");
        robot.type(KeyCode.ENTER);
        assertThat(blocked.pageProperty().get()).isEqualTo(Page.CHECK);
        robot.type(KeyCode.ESCAPE);
        waitFor(10, () -> composition.parts().operations().currentFlowProperty().get() == null);
        robot.interact(() -> composition.parts().shell().show(Section.HISTORY));
        waitFor(20, () -> composition.parts().history().rows().size() >= 4);
        assertThat(composition.parts().history().rows()).extracting(OperationRecord::toVersion)
                .as("newest first: downgrade, broken update, update, install; the blocked one never ran")
                .containsExactly("v1.0.0+1", "v1.2.0+1", "v1.1.0+1", "v1.0.0+1");
    }

}
