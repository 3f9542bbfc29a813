package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.gui.installed.InstalledRow;
import org.iepmp.app.gui.operation.OperationFlowModel;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;
import org.iepmp.app.gui.operation.UpgradeChoice;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.i18n.api.Language;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.Reason;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the update wizard's UI tests share: the composition on the practice cluster (verification
 * shortened), page helpers, screenshots. See {@link UpdateWizardScenario} for the walk.
 *
 * <p>The done-when walk of the update wizard on the practice cluster with the practice catalog
 * (line-monitor 1.0.0 / 1.1.0 / 1.2.0, the last crash-looping on purpose): a successful update
 * from Installed (1.0.0 → 1.1.0, keyboard-driven), an update to 1.2.0 from the Updates list that
 * fails verification and is rolled back automatically (History shows it, reached from the result
 * page), a downgrade (1.1.0 → 1.0.0), and a preflight failure that blocks (a CPU request no
 * practice node has, set in the review page's settings). Run once per language by the subclasses;
 * with {@code -Diepmp.screenshots=DIR} every page is written as {@code wizard-N-page-LANG.png}.
 */
abstract class WizardUiSupport {

    @TempDir
    Path home;

    GuiComposition composition;
    Stage stage;

    abstract Language language();

    /** The Choose page's hint for an older version, written out (English or Traditional Chinese). */
    String downgradeHint() {
        return english() ? "older version (downgrade)" : "較舊的版本（降級）";
    }

    /** The step indicator of the first page, written out. */
    String firstStep() {
        return english() ? "Step 1 of 5: Choose the version" : "第 1 步，共 5 步：選擇版本";
    }

    private boolean english() {
        if (language() != Language.ENGLISH && language() != Language.TRADITIONAL_CHINESE) {
            throw new IllegalStateException("the wizard walks expect English or Traditional Chinese: " + language());
        }
        return language() == Language.ENGLISH;
    }

    void start(Stage stage) {
        this.stage = stage;
        composition = TestCompositions.show(stage, home, Section.INSTALLED, language(), true, TestCompositions.FAST);
    }

    // ----- helpers

    /** Installs a version through the cluster's shared engine session, without the GUI (the starting point of a walk). */
    void installDirectly(String version) throws Exception {
        EngineSession session = composition.parts().clusterEngine().sessionProperty().get();
        OperationRequest install = new OperationRequest(OperationAction.INSTALL, "line-monitor", version, null,
                "line-monitor", Map.of(), null, new Actor("wizard-ui-test", null), Reason.NONE, true);
        OperationResult result = session.engine().execute(session.engine().plan(install), event -> { }, CancellationSignal.NEVER);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
    }

    OperationFlowModel openFromInstalled(FxRobot robot, TableView<InstalledRow> installed) throws Exception {
        robot.interact(() -> composition.parts().shell().show(Section.INSTALLED));
        robot.interact(() -> installed.getSelectionModel().select(row(installed, "line-monitor")));
        robot.clickOn("#installed-upgrade");
        return flowOn(Page.CHOOSE);
    }

    void choose(FxRobot robot, OperationFlowModel flow, String version) {
        ListView<UpgradeChoice> list = robot.lookup("#wizard-choose-list").queryListView();
        UpgradeChoice choice = list.getItems().stream().filter(c -> c.version().equals(version)).findFirst().orElseThrow();
        // Touched like on the HMI screen: the cell of that version.
        javafx.scene.Node cell = robot.from(list).lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && choice.equals(c.getItem())).query();
        robot.clickOn(cell);
        assertThat(flow.upgradeChoiceProperty().get()).isEqualTo(choice);
    }

    static PlanStep last(OperationFlowModel flow) {
        List<PlanStep> steps = flow.planProperty().get().steps();
        return steps.get(steps.size() - 1);
    }

    static void waitForPlan(OperationFlowModel flow) throws Exception {
        try {
            waitFor(60, () -> flow.failureProperty().get() != null || flow.pageProperty().get() == Page.PLAN
                    && flow.planProperty().get() != null && !flow.planningProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no plan: page " + flow.pageProperty().get() + ", planning " + flow.planningProperty().get(), e);
        }
        assertThat(flow.failureProperty().get()).as("planning failed").isNull();
    }

    /** Review → Check (reason, maintenance window, warnings) → Enter → Apply → Result. */
    void confirmAndApply(FxRobot robot, OperationFlowModel flow, boolean shots) throws Exception {
        robot.clickOn("#ops-next");
        waitFor(60, () -> flow.pageProperty().get() == Page.CHECK && !flow.preflight().runningProperty().get()
                && !flow.preflight().results().isEmpty());
        assertThat(flow.preflight().blockedProperty().get()).as("checks: %s", flow.preflight().results()).isFalse();
        robot.clickOn("#ops-reason").write("planned update");
        assertThat(robot.lookup("#ops-next").queryAs(Button.class).isDisabled()).as("the maintenance window").isTrue();
        robot.clickOn("#ops-preflight-maintenance");
        assertThat(robot.lookup("#ops-preflight-maintenance").queryAs(CheckBox.class).isSelected()).isTrue();
        if (flow.preflight().hasWarningsProperty().get()) {
            robot.clickOn("#ops-preflight-accept");
        }
        robot.clickOn("#ops-reason");
        if (shots) {
            shoot(robot, "wizard-3-check");
        }
        robot.type(KeyCode.ENTER);
        waitFor(60, () -> flow.pageProperty().get() != Page.PROGRESS
                || flow.progress().events().stream().anyMatch(e -> e instanceof ProgressEvent.StepProgress));
        if (flow.pageProperty().get() == Page.PROGRESS && flow.progress().runningProperty().get()) {
            // Escape during Apply asks before stopping; "keep going" lets the update run on.
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            if (flow.progress().runningProperty().get()) {
                assertThat(robot.lookup("#ops-stop-question").queryAs(Label.class).isVisible()).isTrue();
                if (shots) {
                    shoot(robot, "wizard-4-apply");
                }
                robot.clickOn("#ops-stop-keep");
                assertThat(flow.progress().cancelRequestedProperty().get()).isFalse();
            }
        }
        waitFor(240, () -> flow.pageProperty().get() == Page.RESULT || flow.failureProperty().get() != null);
        assertThat(flow.failureProperty().get()).isNull();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** With {@code -Diepmp.screenshots=DIR}: the wizard window at 1024×600 as {@code DIR/NAME-LANG.png}. */
    void shoot(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("iepmp.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        javafx.scene.Node dialog = robot.lookup("#ops-dialog").query();
        robot.interact(() -> {
            javafx.stage.Window window = dialog.getScene().getWindow();
            window.setWidth(1024);
            window.setHeight(600);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = dialog.getScene().snapshot(null));
        int width = (int) shot[0].getWidth();
        int height = (int) shot[0].getHeight();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, shot[0].getPixelReader().getArgb(x, y));
            }
        }
        java.nio.file.Files.createDirectories(Path.of(dir));
        javax.imageio.ImageIO.write(image, "png", Path.of(dir, name + "-" + language().tag() + ".png").toFile());
    }

    /** With {@code -Diepmp.screenshots=DIR}: the page again at 150 % zoom (Settings), as {@code NAME-150-LANG.png}; zoom back after. */
    void shootAt150(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("iepmp.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        int before = composition.parts().settings().zoomPercentProperty().get();
        robot.interact(() -> composition.parts().settings().zoomPercentProperty().set(150));
        shoot(robot, name + "-150");
        robot.interact(() -> composition.parts().settings().zoomPercentProperty().set(before));
        WaitForAsyncUtils.waitForFxEvents();
    }

    OperationFlowModel flowOn(Page page) throws Exception {
        waitFor(60, () -> composition.parts().operations().currentFlowProperty().get() != null
                && composition.parts().operations().currentFlowProperty().get().pageProperty().get() == page);
        return composition.parts().operations().currentFlowProperty().get();
    }

    void refreshUntil(FxRobot robot, int seconds, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            robot.interact(() -> composition.parts().installed().refresh());
            waitFor(30, () -> !composition.parts().installed().loadingProperty().get());
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Installed never showed the expected state: " + composition.parts().installed().rows());
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    static boolean healthy(TableView<InstalledRow> table, String name, String chartVersion) {
        return table.getItems().stream().anyMatch(r -> r.release().name().equals(name) && r.health().isPresent()
                && r.health().get().healthy() && chartVersion.equals(r.release().chartVersion()));
    }

    static InstalledRow row(TableView<InstalledRow> table, String name) {
        return table.getItems().stream().filter(r -> r.release().name().equals(name)).findFirst().orElseThrow();
    }

    static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        // Evaluated on the FX thread: conditions read lists the FX thread appends to (progress events, table rows).
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
