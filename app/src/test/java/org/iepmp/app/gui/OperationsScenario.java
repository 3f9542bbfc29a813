package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.installed.InstalledRow;
import org.iepmp.app.gui.operation.OperationFlowModel;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.i18n.api.Language;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The done-when walk of operations from the GUI, on the practice cluster with the practice
 * catalog (added as a repository by practice mode): bad input first (invalid YAML blocks Next; a
 * preflight FAIL blocks the confirmation), then install line-monitor (which needs mqtt-broker)
 * through the generated form, see both healthy, change a value, roll back from History, roll back
 * from Installed choosing the revision, uninstall,
 * and check each History row. Run once per language by the subclasses.
 */
abstract class OperationsScenario {

    @TempDir
    Path home;

    GuiComposition composition;

    abstract Language language();

    /** Texts the scenario expects on screen, in the subclass's language. */
    abstract String installTitle();

    abstract String doneTitle();

    abstract String succeededOutcome();

    /** Called from the subclass's {@code @Start} (TestFX finds only methods declared in the test class itself). */
    void start(Stage stage) {
        composition = TestCompositions.show(stage, home, Section.CATALOG, language(), true, TestCompositions.FAST);
    }

    @Test
    void installConfigureRollBackUninstallThroughTheGui(FxRobot robot) throws Exception {
        waitFor(90, () -> composition.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED
                && composition.parts().clusterEngine().sessionProperty().get() != null
                && composition.parts().catalog().results().stream().anyMatch(p -> p.name().equals("line-monitor")));
        CatalogPackage lineMonitor = composition.parts().catalog().results().stream()
                .filter(p -> p.name().equals("line-monitor")).findFirst().orElseThrow();
        assertThat(lineMonitor.repository()).isEqualTo("practice");
        robot.interact(() -> composition.parts().catalog().selectedProperty().set(lineMonitor));
        // The latest version is the deliberately broken one; choose the one before it.
        robot.interact(() -> composition.parts().catalog().selectedVersionProperty().set("v1.1.0+1"));
        waitFor(30, () -> composition.parts().catalog().detailProperty().get() != null
                && composition.parts().catalog().detailProperty().get().version().equals("v1.1.0+1"));

        // ----- bad input: invalid YAML keeps Next disabled; a preflight FAIL blocks the confirmation
        robot.clickOn("#catalog-install");
        OperationFlowModel install = flowOn(Page.FORM);
        assertThat(robot.lookup("#ops-title").queryAs(Label.class).getText()).isEqualTo(installTitle());
        shoot(robot, "install-form");
        robot.clickOn("#ops-advanced");
        TextArea yaml = robot.lookup("#ops-yaml").queryAs(TextArea.class);
        String goodYaml = yaml.getText();
        // The fields are the package's settings, applied through its targets; the editor holds only other chart values.
        assertThat(goodYaml).isEmpty();
        robot.interact(() -> yaml.setText(goodYaml + "resources: [unclosed\n"));
        assertThat(robot.lookup("#ops-yaml-problem").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#ops-yaml-problem").queryAs(Label.class).getText()).contains("YAML");
        assertThat(robot.lookup("#ops-next").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#ops-form").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        shoot(robot, "install-form-invalid-yaml");
        robot.interact(() -> robot.lookup("#ops-form").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        robot.interact(() -> yaml.setText(goodYaml + "resources:\n  requests:\n    cpu: \"64\"\n"));
        assertThat(robot.lookup("#ops-next").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#ops-next");
        waitFor(60, () -> install.planProperty().get() != null);
        robot.clickOn("#ops-next");
        waitFor(60, () -> install.pageProperty().get() == Page.CHECK && !install.preflight().runningProperty().get()
                && !install.preflight().results().isEmpty());
        assertThat(install.preflight().results()).anyMatch(r -> r.status() == PreflightStatus.FAIL
                && r.checkId().equals("resources"));
        robot.clickOn("#ops-reason").write("practice run");
        assertThat(robot.lookup("#ops-next").queryAs(Button.class).isDisabled()).as("FAIL blocks").isTrue();
        shoot(robot, "install-check-blocked");
        robot.type(KeyCode.ENTER);
        assertThat(install.pageProperty().get()).isEqualTo(Page.CHECK);
        robot.clickOn("#ops-back");
        robot.clickOn("#ops-back");
        waitFor(10, () -> install.pageProperty().get() == Page.FORM);
        robot.interact(() -> yaml.setText(goodYaml));

        // ----- install through the generated form, setting a value in it
        robot.clickOn("#ops-field-lineName");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("packing-2");
        assertThat(yaml.getText()).doesNotContain("packing-2");
        assertThat(install.formProperty().get().settings()).containsOnlyKeys("lineName");
        robot.clickOn("#ops-next");
        waitFor(60, () -> install.planProperty().get() != null);
        assertThat(install.planProperty().get().steps().get(1).settings()).anyMatch(m -> m.definition().equals("lineName")
                && m.target().path().equals("line.name") && m.json().equals("\"packing-2\""));
        assertThat(install.planProperty().get().steps()).extracting(PlanStep::packageName)
                .containsExactly("mqtt-broker", "line-monitor");
        assertThat(install.planProperty().get().steps()).extracting(PlanStep::action)
                .containsOnly(OperationAction.INSTALL);
        shoot(robot, "install-plan");
        confirmAndFinish(robot, install, "install");
        assertThat(install.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(robot.lookup("#ops-result-title").queryAs(Label.class).getText()).isEqualTo(doneTitle());
        waitFor(10, () -> composition.parts().notices().shown().stream()
                .anyMatch(e -> e.notice().titleKey().equals("updates.notice.operation.succeeded.title")
                        && e.notice().textArgs().contains("line-monitor")));
        robot.clickOn("#ops-cancel");
        waitFor(10, () -> composition.parts().operations().currentFlowProperty().get() == null);
        closeNotices(robot);

        // ----- both healthy in Installed
        robot.interact(() -> composition.parts().shell().show(Section.INSTALLED));
        TableView<InstalledRow> installed = robot.lookup("#installed-table").queryTableView();
        refreshUntil(robot, 60, () -> healthy(installed, "line-monitor") && healthy(installed, "mqtt-broker"));
        assertThat(row(installed, "line-monitor").origin()).isPresent();

        // ----- change a value (Configure)
        robot.interact(() -> installed.getSelectionModel().select(row(installed, "line-monitor")));
        robot.clickOn("#installed-configure");
        OperationFlowModel configure = flowOn(Page.FORM);
        assertThat(robot.lookup("#ops-field-lineName").queryAs(TextField.class).getText()).isEqualTo("packing-2");
        robot.clickOn("#ops-field-replicas");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("2");
        robot.clickOn("#ops-next");
        waitFor(60, () -> configure.planProperty().get() != null);
        PlanStep change = configure.planProperty().get().steps().get(0);
        assertThat(change.action()).isEqualTo(OperationAction.CONFIGURE);
        assertThat(change.valuesDiff().changes()).anyMatch(c -> c.path().equals("replicaCount") && "2".equals(c.after()));
        confirmAndFinish(robot, configure, null);
        assertThat(configure.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        robot.clickOn("#ops-cancel");
        waitFor(10, () -> composition.parts().operations().currentFlowProperty().get() == null);
        closeNotices(robot);

        // ----- roll it back from History to the installed revision
        robot.interact(() -> composition.parts().shell().show(Section.HISTORY));
        TableView<OperationRecord> history = robot.lookup("#history-table").queryTableView();
        waitFor(20, () -> history.getItems().size() == 2);
        OperationRecord installRow = history.getItems().stream().filter(r -> r.action() == OperationAction.INSTALL).findFirst()
                .orElseThrow();
        robot.interact(() -> history.getSelectionModel().select(installRow));
        waitFor(20, () -> composition.parts().history().rollbackTargetProperty().get() != null);
        robot.clickOn("#history-rollback");
        OperationFlowModel rollback = flowOn(Page.PLAN);
        waitFor(60, () -> rollback.planProperty().get() != null);
        assertThat(rollback.planProperty().get().steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.ROLLBACK);
            assertThat(step.valuesDiff().changes()).anyMatch(c -> c.path().equals("replicaCount") && "1".equals(c.after()));
        });
        confirmAndFinish(robot, rollback, null);
        assertThat(rollback.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        robot.clickOn("#ops-cancel");
        waitFor(10, () -> composition.parts().operations().currentFlowProperty().get() == null);
        closeNotices(robot);

        // ----- roll back from Installed too, choosing the revision (the changed settings again)
        robot.interact(() -> composition.parts().shell().show(Section.INSTALLED));
        refreshUntil(robot, 60, () -> healthy(installed, "line-monitor"));
        robot.interact(() -> installed.getSelectionModel().select(row(installed, "line-monitor")));
        robot.clickOn("#installed-rollback");
        OperationFlowModel choose = flowOn(Page.CHOOSE);
        javafx.scene.control.ListView<org.iepmp.lifecycle.api.StepRecord> choices = robot.lookup("#ops-choose-list").queryListView();
        assertThat(choices.getItems()).extracting(org.iepmp.lifecycle.api.StepRecord::action)
                .containsExactly(OperationAction.CONFIGURE, OperationAction.INSTALL);
        assertThat(robot.lookup("#ops-next").queryAs(Button.class).isDisabled()).as("nothing chosen yet").isTrue();
        robot.interact(() -> choices.getSelectionModel().select(0));
        robot.clickOn("#ops-next");
        waitFor(60, () -> choose.pageProperty().get() == Page.PLAN && choose.planProperty().get() != null);
        assertThat(choose.planProperty().get().steps()).singleElement().satisfies(step -> {
            assertThat(step.action()).isEqualTo(OperationAction.ROLLBACK);
            assertThat(step.valuesDiff().changes()).anyMatch(c -> c.path().equals("replicaCount") && "2".equals(c.after()));
        });
        confirmAndFinish(robot, choose, null);
        assertThat(choose.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        robot.clickOn("#ops-cancel");
        waitFor(10, () -> composition.parts().operations().currentFlowProperty().get() == null);
        closeNotices(robot);

        // ----- uninstall it from Installed
        refreshUntil(robot, 60, () -> healthy(installed, "line-monitor"));
        robot.interact(() -> installed.getSelectionModel().select(row(installed, "line-monitor")));
        robot.clickOn("#installed-uninstall");
        OperationFlowModel uninstall = flowOn(Page.PLAN);
        waitFor(60, () -> uninstall.planProperty().get() != null);
        assertThat(uninstall.planProperty().get().steps()).singleElement()
                .satisfies(step -> assertThat(step.action()).isEqualTo(OperationAction.UNINSTALL));
        confirmAndFinish(robot, uninstall, null);
        assertThat(uninstall.resultProperty().get().outcome()).isEqualTo(OperationOutcome.SUCCEEDED);
        robot.clickOn("#ops-cancel");
        waitFor(10, () -> composition.parts().operations().currentFlowProperty().get() == null);
        closeNotices(robot);
        refreshUntil(robot, 60, () -> installed.getItems().stream().noneMatch(r -> r.release().name().equals("line-monitor"))
                && healthy(installed, "mqtt-broker"));

        // ----- every step's history row: outcome, action, versions
        robot.interact(() -> composition.parts().shell().show(Section.HISTORY));
        waitFor(20, () -> history.getItems().size() == 5);
        List<OperationRecord> rows = List.copyOf(history.getItems());
        assertThat(rows).extracting(OperationRecord::action).containsExactly(OperationAction.UNINSTALL,
                OperationAction.ROLLBACK, OperationAction.ROLLBACK, OperationAction.CONFIGURE, OperationAction.INSTALL);
        assertThat(rows).extracting(OperationRecord::outcome).containsOnly(OperationOutcome.SUCCEEDED);
        assertThat(rows).extracting(OperationRecord::packageName).containsOnly("line-monitor");
        assertThat(rows.get(4).fromVersion()).isNull();
        assertThat(rows.get(4).toVersion()).isEqualTo("v1.1.0+1");
        assertThat(rows.subList(1, 4)).allSatisfy(r -> {
            assertThat(r.fromVersion()).isEqualTo("v1.1.0+1");
            assertThat(r.toVersion()).isEqualTo("v1.1.0+1");
        });
        assertThat(rows.get(0).fromVersion()).isEqualTo("v1.1.0+1");
        assertThat(rows.get(0).toVersion()).isNull();
        assertThat(rows).extracting(r -> r.reason().text()).containsOnly("practice run");
        assertThat(robot.lookup(succeededOutcome()).tryQuery()).as("outcome column in the chosen language").isPresent();
        assertThat(rows.get(4).maskedValuesJson()).contains("packing-2");
    }

    /**
     * With {@code -Diepmp.screenshots=DIR}: writes the operation window as {@code DIR/NAME-LANG.png}
     * (for docs/screenshots; the window is 900×560, inside the 1024×600 target screen).
     */
    void shoot(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("iepmp.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = robot.lookup("#ops-dialog").query().getScene().snapshot(null));
        int width = (int) shot[0].getWidth();
        int height = (int) shot[0].getHeight();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, shot[0].getPixelReader().getArgb(x, y));
            }
        }
        java.nio.file.Files.createDirectories(Path.of(dir));
        javax.imageio.ImageIO.write(image, "png", Path.of(dir, name + "-" + language().tag() + ".png").toFile());
    }

    /** Closes the "operation ended" notices, as the technician would: they sit over the buttons bottom right. */
    void closeNotices(FxRobot robot) {
        robot.interact(() -> List.copyOf(composition.parts().notices().shown()).forEach(composition.parts().notices()::dismiss));
    }

    /** Waits until the open flow shows {@code page}; returns it. */
    OperationFlowModel flowOn(Page page) throws Exception {
        waitFor(60, () -> composition.parts().operations().currentFlowProperty().get() != null
                && composition.parts().operations().currentFlowProperty().get().pageProperty().get() == page);
        return composition.parts().operations().currentFlowProperty().get();
    }

    /** Plan page → check page; gives a reason, accepts warnings if any, confirms with Enter, waits for the result. */
    void confirmAndFinish(FxRobot robot, OperationFlowModel flow, String shots) throws Exception {
        waitFor(60, () -> flow.planProperty().get() != null && !flow.planningProperty().get());
        robot.clickOn("#ops-next");
        waitFor(60, () -> flow.pageProperty().get() == Page.CHECK && !flow.preflight().runningProperty().get()
                && !flow.preflight().results().isEmpty());
        assertThat(flow.preflight().blockedProperty().get()).as("checks: %s", flow.preflight().results()).isFalse();
        robot.clickOn("#ops-reason");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("practice run");
        if (flow.preflight().hasWarningsProperty().get()) {
            robot.clickOn("#ops-preflight-accept");
        }
        robot.clickOn("#ops-reason");
        if (shots != null) {
            shoot(robot, shots + "-check");
        }
        robot.type(KeyCode.ENTER);
        if (shots != null) {
            // A single property read: the event list itself changes on the FX thread meanwhile.
            waitFor(60, () -> flow.pageProperty().get() != Page.PROGRESS || flow.progress().currentProgressProperty().get() != null);
            if (flow.pageProperty().get() == Page.PROGRESS) {
                shoot(robot, shots + "-progress");
            }
        }
        waitFor(240, () -> flow.pageProperty().get() == Page.RESULT || flow.failureProperty().get() != null);
        assertThat(flow.failureProperty().get()).isNull();
        WaitForAsyncUtils.waitForFxEvents();
        if (shots != null) {
            shoot(robot, shots + "-result");
        }
    }

    /** Refreshes Installed (each refresh allowed to finish) until {@code condition} holds. */
    void refreshUntil(FxRobot robot, int seconds, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            robot.interact(() -> composition.parts().installed().refresh());
            waitFor(30, () -> !composition.parts().installed().loadingProperty().get());
            if (onFx(condition)) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Installed never showed the expected state: " + composition.parts().installed().rows());
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    static boolean healthy(TableView<InstalledRow> table, String name) {
        return table.getItems().stream().anyMatch(r -> r.release().name().equals(name) && r.health().isPresent()
                && r.health().get().healthy());
    }

    static InstalledRow row(TableView<InstalledRow> table, String name) {
        return table.getItems().stream().filter(r -> r.release().name().equals(name)).findFirst().orElseThrow();
    }

    /** Polls {@code condition} on the FX thread, where the lists and properties it reads change. */
    static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static boolean onFx(BooleanSupplier condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(10, TimeUnit.SECONDS);
    }
}
