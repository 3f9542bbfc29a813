package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.installed.InstalledRow;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.gui.updates.UpdateRow;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.i18n.api.Language;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.practice.api.PracticeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On the practice cluster with the practice catalog: line-monitor 1.0.0 installed through the
 * engine shows in Updates as updatable to 1.2.0, with the badge, a notice, release notes and the
 * Update buttons of the wizard enabled; its pod log follows in Installed.
 */
@ExtendWith(ApplicationExtension.class)
class UpdatesUiTest {

    @TempDir
    static Path home;

    private GuiComposition composition;

    @Start
    void start(Stage stage) {
        composition = TestCompositions.show(stage, home, Section.UPDATES, Language.ENGLISH, true);
    }

    @Test
    void installedPackageShowsItsUpdateBadgeNoticeNotesAndFollowsItsLog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> composition.parts().cluster().practiceProperty().get()
                && composition.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED
                && composition.parts().cluster().factsProperty().get() != null);
        TableView<?> table = robot.lookup("#updates-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> composition.parts().updates().lastCheckedProperty().get() != null);
        assertThat(table.getItems()).as("nothing installed yet").isEmpty();
        assertThat(robot.lookup("#nav-updates-badge").tryQuery()).as("no badge at zero").isEmpty();

        PracticeCatalog.Layout catalog = PracticeCatalog.create().writeTo(home.resolve("practice-catalog"));
        FileRepositoryStore store = new FileRepositoryStore(AppPaths.under(home.resolve("iepmp")).configDir());
        store.save(RepositoryDefinition.directory("practice", catalog.glasskubeRepository().toString(), RepositoryType.GLASSKUBE,
                Origin.VENDOR), Optional.empty());
        store.save(RepositoryDefinition.directory("practice-charts", catalog.helmRepository().toString(), RepositoryType.HELM,
                Origin.OPEN_SOURCE), Optional.empty());
        robot.interact(() -> composition.parts().repositories().loadCached());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> composition.parts().repositories().rows().size() == 2);

        var connection = composition.parts().cluster().connectionProperty().get();
        String identity = composition.parts().cluster().factsProperty().get().identity();
        try (EngineSession session = composition.parts().engines().open(connection, identity)) {
            OperationRequest install = new OperationRequest(OperationAction.INSTALL, "line-monitor", "v1.0.0+1", null,
                    "line-monitor", Map.of(), null, new Actor("updates-ui-test", null), Reason.NONE, true);
            OperationResult result = session.engine().execute(session.engine().plan(install), event -> { },
                    CancellationSignal.NEVER);
            assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        }

        // As the operation flows will: the end of an operation re-checks the updates.
        composition.parts().notifier().operationEnded("line-monitor", OperationOutcome.SUCCEEDED);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        UpdateRow row = (UpdateRow) table.getItems().get(0);
        assertThat(row.info().releaseName()).isEqualTo("line-monitor");
        assertThat(row.info().installedVersion()).isEqualTo("v1.0.0+1");
        assertThat(row.latest()).isEqualTo("v1.2.0+1");
        assertThat(row.origin()).contains(Origin.VENDOR);
        assertThat(robot.lookup("v1.0.0+1\u00A0→ v1.2.0+1").tryQuery()).isPresent();
        assertThat(robot.lookup("Vendor").tryQuery()).isPresent();
        assertThat(robot.lookup("Minor update").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-updates-badge").queryAs(Label.class).getText()).isEqualTo("1");

        // A notice, reachable from the keyboard, that leads to the list (the operation's own notice may be beside it).
        VBox notices = robot.lookup("#notification-area").queryAs(VBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(notices).lookup("Updates available").tryQuery()
                .isPresent());
        Node notice = notices.getChildren().get(notices.getChildren().size() - 1);
        // The pointer on the notice holds it (the test must not race its lifetime).
        robot.moveTo(notice);
        assertThat(robot.from(notice).lookup("Updates available").tryQuery()).isPresent();
        assertThat(robot.from(notice).lookup("1 installed package can be updated.").tryQuery()).isPresent();
        assertThat(notices.getChildren()).filteredOn(n -> robot.from(n).lookup("Updates available").tryQuery().isPresent())
                .as("announced once").hasSize(1);
        assertThat(notice.isFocusWithin()).as("the notice took no focus").isFalse();
        robot.interact(() -> notices.getScene().getAccelerators().entrySet().stream()
                .filter(e -> e.getKey().getName().contains("N")).findFirst().orElseThrow().getValue().run());
        Node focused = notices.getScene().getFocusOwner();
        assertThat(focused).as("Ctrl+Shift+N reaches the newest notice").isInstanceOf(Button.class);
        assertThat(((Button) focused).getText()).isEqualTo("Show updates");
        robot.interact(() -> composition.parts().shell().show(Section.CLUSTER));
        robot.clickOn("Show updates");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(composition.parts().shell().sectionProperty().get()).isEqualTo(Section.UPDATES);
        assertThat(notices.getChildren()).doesNotContain(notice);

        // The update wizard is wired: the buttons are enabled and no "wizard missing" note shows.
        assertThat(robot.lookup("#updates-update-line-monitor").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#updates-all").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#updates-wizard-missing").tryQuery().map(Node::isVisible).orElse(false)).isFalse();

        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !composition.parts().updates().notes().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Version v1.2.0+1").tryQuery()).isPresent();
        assertThat(robot.lookup("Release notes: line-monitor (namespace line-monitor)").tryQuery()).isPresent();

        // Installed → Logs → Follow streams the pod's log.
        robot.interact(() -> composition.parts().shell().show(Section.INSTALLED));
        robot.interact(() -> composition.parts().installed().refresh());
        TableView<InstalledRow> installed = robot.lookup("#installed-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> installed.getItems().stream()
                .anyMatch(r -> r.release().name().equals("line-monitor") && r.health().isPresent()
                        && !r.health().get().workloads().isEmpty() && !r.health().get().workloads().get(0).pods().isEmpty()));
        robot.interact(() -> installed.getSelectionModel().select(installed.getItems().stream()
                .filter(r -> r.release().name().equals("line-monitor")).findFirst().orElseThrow()));
        robot.interact(() -> robot.lookup("#installed-lower").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.clickOn("#logs-follow");
        assertThat(robot.lookup("#logs-follow").queryAs(ToggleButton.class).isSelected()).isTrue();
        ListView<?> lines = robot.lookup("#logs-lines").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lines.getItems().isEmpty());
        assertThat(lines.getItems().get(0).toString()).contains("starting");
        assertThat(composition.parts().installed().logs().streamingProperty().get()).isTrue();
        robot.clickOn("#logs-pause");
        assertThat(composition.parts().installed().logs().pausedProperty().get()).isTrue();
        robot.clickOn("#logs-follow");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(composition.parts().installed().logs().followProperty().get()).isFalse();
    }
}
