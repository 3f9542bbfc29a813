package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;
import org.iepmp.app.gui.operation.UpdateRunModel;
import org.iepmp.app.gui.operation.UpdateRunModel.PartStatus;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Reason;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Update all" from the Updates list on the practice cluster: two plain-manifest packages from a
 * folder repository written by the test — {@code cell-app} needs {@code cell-base} — both installed
 * at v1.0.0 and offered v1.1.0. One wizard run lists them in dependency order (cell-base first,
 * though the list names cell-app first), reviews both plans, checks both, applies both, and the
 * result shows both updated with their own History entries. Run once per language by the subclasses;
 * with {@code -Diepmp.screenshots=DIR} the pages are written as {@code wizard-all-N-page-LANG.png}.
 */
abstract class UpdateAllScenario extends WizardUiSupport {

    @Override
    void start(Stage stage) {
        try {
            writeRepository(home.resolve("usb/cell-packages"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        super.start(stage);
    }

    private void writeRepository(Path repository) throws IOException {
        write(repository, "index.yaml", """
                packages:
                  - name: cell-app
                    shortDescription: "Cell controller app"
                    latestVersion: v1.1.0+1
                  - name: cell-base
                    shortDescription: "Cell base configuration"
                    latestVersion: v1.1.0+1
                """);
        for (String pkg : List.of("cell-app", "cell-base")) {
            write(repository, pkg + "/versions.yaml", """
                    latestVersion: v1.1.0+1
                    versions:
                      - version: v1.0.0+1
                      - version: v1.1.0+1
                    """);
            for (String version : List.of("v1.0.0+1", "v1.1.0+1")) {
                String needs = pkg.equals("cell-app") ? """
                        dependencies:
                          - name: cell-base
                            version: ">=1.0.0"
                        """ : "";
                // cell-base 1.1.0 brings a setting its 1.0.0 did not have (marked "new" on Review).
                String settings = !pkg.equals("cell-base") ? "" : """
                        valueDefinitions:
                          cellName:
                            type: text
                            defaultValue: "cell-1"
                            metadata:
                              label: Name of the cell
                        """ + (version.equals("v1.0.0+1") ? "" : """
                          shiftCount:
                            type: number
                            defaultValue: "3"
                            metadata:
                              label: Shifts per day
                        """);
                write(repository, pkg + "/" + version + "/package.yaml", """
                        name: %s
                        shortDescription: "Cell package %s"
                        defaultNamespace: cell
                        manifests:
                          - url: config.yaml
                        """.formatted(pkg, version) + needs + settings);
                // cell-app's first version has a legacy ConfigMap that v1.1.0 no longer has: the update removes it.
                String legacy = pkg.equals("cell-app") && version.equals("v1.0.0+1") ? """
                        ---
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: cell-app-legacy
                          namespace: cell
                        data:
                          mode: "old"
                        """ : "";
                write(repository, pkg + "/" + version + "/config.yaml", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: %s
                          namespace: cell
                        data:
                          version: "%s"
                        """.formatted(pkg, version) + legacy);
            }
        }
        new FileRepositoryStore(AppPaths.under(home.resolve("iepmp")).configDir()).save(RepositoryDefinition.directory("cell",
                repository.toString(), RepositoryType.GLASSKUBE, Origin.VENDOR), Optional.empty());
    }

    private static void write(Path repository, String relative, String text) throws IOException {
        Path file = repository.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void install(String pkg) {
        EngineSession session = composition.parts().clusterEngine().sessionProperty().get();
        OperationRequest install = new OperationRequest(OperationAction.INSTALL, pkg, "v1.0.0+1", null, "cell", Map.of(), null,
                new Actor("wizard-ui-test", null), Reason.NONE, true);
        OperationResult result = session.engine().execute(session.engine().plan(install), event -> { }, CancellationSignal.NEVER);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
    }

    /** Scrolls {@code scroll} so that {@code target} (inside its content) is near the top of the view. */
    private static void reveal(javafx.scene.control.ScrollPane scroll, javafx.scene.Node target) {
        javafx.scene.Node content = scroll.getContent();
        double y = content.sceneToLocal(target.localToScene(0, 0)).getY() - 40;
        double room = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, y / room)));
    }

    UpdateRunModel runOn(Page page) throws Exception {
        waitFor(60, () -> composition.parts().operations().currentRunProperty().get() != null
                && composition.parts().operations().currentRunProperty().get().pageProperty().get() == page);
        return composition.parts().operations().currentRunProperty().get();
    }

    @Test
    void updateAllUpdatesBothPackagesInDependencyOrderInOneRun(FxRobot robot) throws Exception {
        waitFor(90, () -> composition.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED
                && composition.parts().clusterEngine().sessionProperty().get() != null
                && composition.parts().catalog().results().stream().anyMatch(p -> p.name().equals("cell-app")));
        install("cell-base");
        install("cell-app");

        robot.interact(() -> composition.parts().shell().show(Section.UPDATES));
        robot.interact(() -> composition.parts().updates().check());
        TableView<?> updates = robot.lookup("#updates-table").queryTableView();
        waitFor(60, () -> updates.getItems().size() == 2);
        robot.clickOn("#updates-all");

        // ----- Choose: both packages, the needed one first, each changeable
        UpdateRunModel run = runOn(Page.CHOOSE);
        assertThat(run.parts()).extracting(p -> p.flow().spec().releaseName()).containsExactly("cell-base", "cell-app");
        assertThat(run.parts()).allSatisfy(p -> assertThat(p.flow().upgradeChoiceProperty().get().version()).isEqualTo("v1.1.0+1"));
        ComboBox<?> appVersions = robot.lookup("#wizard-run-version-cell-app").queryAs(ComboBox.class);
        assertThat(appVersions.getItems()).hasSize(2);
        assertThat(robot.lookup("#ops-page-name").queryAs(Label.class).getText()).isEqualTo(firstStep());
        // Worked out in the background from the target version's manifests: cell-app 1.1.0 removes a ConfigMap.
        waitFor(60, () -> run.parts().stream().allMatch(p -> p.flow().resourcePreviewProperty().get() != null
                && !p.flow().resourcePreviewProperty().get().checking()));
        assertThat(robot.lookup("#wizard-run-removes-cell-app").queryAs(Label.class).getText()).contains("ConfigMap/cell-app-legacy");
        assertThat(robot.lookup("#wizard-run-removes-cell-app").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#wizard-run-removes-cell-base").queryAs(Label.class).isVisible()).isFalse();
        shoot(robot, "wizard-all-1-choose");
        shootAt150(robot, "wizard-all-1-choose");

        // ----- Review: a plan per package
        robot.clickOn("#ops-next");
        waitFor(60, () -> run.pageProperty().get() == Page.PLAN && run.canNextProperty().get());
        for (UpdateRunModel.Part part : run.parts()) {
            var steps = part.flow().planProperty().get().steps();
            assertThat(steps).last().satisfies(step -> {
                assertThat(step.action()).isEqualTo(OperationAction.UPGRADE);
                assertThat(step.packageName()).isEqualTo(part.flow().spec().releaseName());
                assertThat(step.fromVersion()).isEqualTo("v1.0.0+1");
                assertThat(step.toVersion()).isEqualTo("v1.1.0+1");
            });
        }
        assertThat(robot.lookup("#wizard-run-review-cell-base").tryQuery()).isPresent();
        assertThat(robot.lookup("#wizard-run-review-cell-app").tryQuery()).isPresent();
        // cell-base's settings: the one new in v1.1.0+1 carries a badge, the one it had already does not.
        javafx.scene.Node baseSection = robot.lookup("#wizard-run-review-cell-base").query();
        javafx.scene.control.TabPane details = robot.from(baseSection).lookup("#ops-plan-details")
                .queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> details.getSelectionModel().select(details.getTabs().get(details.getTabs().size() - 1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(baseSection).lookup("#ops-new-shiftCount").queryAs(Label.class).getText()).contains("v1.1.0+1");
        assertThat(robot.from(baseSection).lookup("#ops-new-cellName").tryQuery()).isEmpty();
        // For the picture: the settings with the badge in view.
        robot.interact(() -> {
            reveal(robot.from(baseSection).lookup("#ops-form").queryAs(javafx.scene.control.ScrollPane.class),
                    robot.from(baseSection).lookup("#ops-new-shiftCount").query());
            reveal(robot.lookup("#wizard-run-review").queryAs(javafx.scene.control.ScrollPane.class),
                    robot.from(baseSection).lookup("#ops-plan-details").query());
        });
        shoot(robot, "wizard-all-2-review");
        shootAt150(robot, "wizard-all-2-review");

        // ----- Check: all packages checked, one reason and maintenance-window confirmation
        robot.clickOn("#ops-next");
        waitFor(60, () -> run.pageProperty().get() == Page.CHECK && !run.busyProperty().get()
                && run.parts().stream().noneMatch(p -> p.flow().preflight().results().isEmpty()));
        assertThat(run.blockedProperty().get()).as("checks: %s", run.parts().stream()
                .map(p -> p.flow().preflight().results()).toList()).isFalse();
        robot.clickOn("#ops-reason").write("cell update");
        robot.clickOn("#ops-preflight-maintenance");
        if (run.hasWarningsProperty().get()) {
            robot.clickOn("#ops-preflight-accept");
        }
        assertThat(robot.lookup("#ops-next").queryAs(Button.class).isDisabled()).isFalse();
        shoot(robot, "wizard-all-3-check");
        robot.clickOn("#ops-reason");
        robot.type(KeyCode.ENTER);

        // ----- Apply, then Result: both updated, each with its own History entry
        waitFor(240, () -> run.pageProperty().get() == Page.RESULT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.parts()).extracting(p -> p.statusProperty().get()).containsExactly(PartStatus.UPDATED, PartStatus.UPDATED);
        OperationResult base = run.parts().get(0).flow().resultProperty().get();
        OperationResult app = run.parts().get(1).flow().resultProperty().get();
        assertThat(base.operationId()).as("dependency first").isLessThan(app.operationId());
        assertThat(robot.lookup("#wizard-run-history-cell-app").queryButton().isVisible()).isTrue();
        shoot(robot, "wizard-all-5-result");

        robot.clickOn("#wizard-run-history-cell-app");
        waitFor(10, () -> composition.parts().operations().currentRunProperty().get() == null);
        waitFor(20, () -> composition.parts().history().selectedProperty().get() != null);
        assertThat(composition.parts().shell().sectionProperty().get()).isEqualTo(Section.HISTORY);
        assertThat(composition.parts().history().selectedProperty().get().id()).isEqualTo(app.operationId());
        waitFor(20, () -> composition.parts().history().rows().size() >= 4);
        List<OperationRecord> rows = composition.parts().history().rows();
        assertThat(rows.subList(0, 2)).as("newest first: cell-app's update after cell-base's, same reason")
                .extracting(OperationRecord::packageName, OperationRecord::action, OperationRecord::toVersion, OperationRecord::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cell-app", OperationAction.UPGRADE, "v1.1.0+1", OperationOutcome.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("cell-base", OperationAction.UPGRADE, "v1.1.0+1", OperationOutcome.SUCCEEDED));
        assertThat(rows.subList(0, 2)).allSatisfy(r -> assertThat(r.reason().text()).isEqualTo("cell update"));
        var installed = composition.parts().clusterEngine().sessionProperty().get().engine().checkUpdates();
        assertThat(installed).filteredOn(u -> u.packageName().startsWith("cell-")).as("both at v1.1.0, nothing left to update")
                .hasSize(2).allSatisfy(u -> {
                    assertThat(u.installedVersion()).isEqualTo("v1.1.0+1");
                    assertThat(u.latest()).isEmpty();
                });
    }
}
