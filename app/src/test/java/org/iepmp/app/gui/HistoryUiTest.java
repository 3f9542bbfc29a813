package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.engine.LocalStorageConnection;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.DiscoveryLocations;
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
import org.iepmp.lifecycle.api.StepLogEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The History view over a real SQLite history: paging, filters, detail with step log, export, in Chinese too. */
@ExtendWith(ApplicationExtension.class)
class HistoryUiTest {

    @TempDir
    static Path home;

    private GuiComposition composition;

    @BeforeAll
    static void seed() {
        AppPaths paths = AppPaths.under(home.resolve("iepmp"));
        try (LocalStorageConnection connection = new LocalStorageConnection(paths.dataDir(), Clock.systemUTC())) {
            HistoryStore history = connection.history();
            Instant base = Instant.parse("2026-11-01T08:00:00Z");
            for (int i = 0; i < 60; i++) {
                boolean broken = i == 59;
                String pkg = i % 2 == 0 ? "line-monitor" : "mqtt-broker";
                long id = history.beginOperation(new NewOperation("cluster-1", new Actor("operator", i % 3 == 0 ? "Chen" : null),
                        new Reason(broken ? "update to v1.2.0 for new sensor" : "routine", broken ? "CHG-4711" : null),
                        base.plusSeconds(i * 3600L), OperationAction.UPGRADE, pkg, pkg, "line", "vendor",
                        "v1.0." + i, "v1.0." + (i + 1), null,
                        new RecordedValues(Map.of("password", "hunter2", "lineName", "line-1"), Set.of("password")),
                        "upgrade " + pkg, List.of()));
                long step = history.beginStep(new NewStep(id, 1, OperationAction.UPGRADE, pkg, pkg, "line",
                        "v1.0." + i, "v1.0." + (i + 1), null, RecordedValues.EMPTY, base.plusSeconds(i * 3600L)));
                history.appendStepLog(step, broken ? StepLogEntry.text("waiting for line-monitor-api: container crashing")
                        : StepLogEntry.of("lifecycle.log.healthy", pkg));
                OperationOutcome outcome = broken ? OperationOutcome.ROLLED_BACK : OperationOutcome.SUCCEEDED;
                Instant end = base.plusSeconds(i * 3600L + 42);
                history.finishStep(step, new Completion(outcome, end, null, null, null));
                history.finishOperation(id, new Completion(outcome, end, broken ? "HEALTH_CHECK_FAILED" : null,
                        broken ? "container crashing" : null, null));
            }
        }
    }

    @Start
    void start(Stage stage) {
        DiscoveryLocations nowhere = new DiscoveryLocations(home.resolve("n/a"), home.resolve("n/b"), List.of(),
                home.resolve("n/c"));
        composition = TestCompositions.build(AppPaths.under(home.resolve("iepmp")), new LaunchOptions(Optional.of(Language.ENGLISH),
                Optional.empty(), Optional.empty(), Optional.of(Section.HISTORY), Optional.empty(), Optional.empty(), false),
                nowhere, Locale.ENGLISH);
        composition.show(stage, () -> { });
    }

    @Test
    void pagesFiltersShowsDetailAndExports(FxRobot robot) throws Exception {
        TableView<OperationRecord> table = robot.lookup("#history-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 50);
        assertThat(robot.lookup("#history-count").queryAs(Label.class).getText()).isEqualTo("60 operations");
        assertThat(table.getItems().get(0).outcome()).as("newest first").isEqualTo(OperationOutcome.ROLLED_BACK);

        robot.clickOn("#history-next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 10);
        robot.clickOn("#history-previous");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 50);

        robot.clickOn("#history-search").write("CHG-4711");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !composition.parts().history().steps().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String detail = robot.lookup("#history-detail").queryAs(TextArea.class).getText();
        assertThat(detail).contains("Upgrade mqtt-broker v1.0.59 → v1.0.60: Failed, rolled back")
                .contains("Reason: update to v1.2.0 for new sensor (ticket CHG-4711)")
                .contains("container crashing").doesNotContain("hunter2")
                .as("a step log written as text reads as it was").contains("    waiting for line-monitor-api: container crashing");

        robot.interact(() -> composition.parts().history().textProperty().set(""));
        robot.interact(() -> composition.parts().history().packageNameProperty().set("mqtt-broker"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> composition.parts().history().totalProperty().get() == 30);

        Path csv = home.resolve("audit.csv");
        robot.interact(() -> composition.parts().history().export(ExportFormat.CSV, csv));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> composition.parts().history().exportedProperty().get() != null);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(31);
        assertThat(String.join("\n", lines)).contains("mqtt-broker").doesNotContain("line-monitor").doesNotContain("hunter2");

        robot.interact(() -> composition.parts().settings().languageProperty().set(Language.TRADITIONAL_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#history-count").queryAs(Label.class).getText()).isEqualTo("共 30 筆操作");
        assertThat(robot.lookup("成功").tryQuery()).isPresent();
    }
}
