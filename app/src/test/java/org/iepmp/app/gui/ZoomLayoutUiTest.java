package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.practice.api.PracticeCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 100, 125, 150 and 200 % zoom on a 1024×600 window, in English and both Chinese scripts, with a package
 * installed on the practice cluster (so tables, details and history have rows): every section keeps
 * its words (no button, title, tab or column header cut with an ellipsis; a shortened cell has its
 * whole text as tooltip), nothing reaches past any edge of the window outside a scroll container (the
 * navigation and the status bar included), every touch target is at least 44 px, and no Chinese screen shows
 * English words coming from the project (bundle values, the practice catalog's texts). The repository form
 * and the export chooser are opened at each size too: inside the window, not squeezed, their nodes inside.
 * The Catalog and the operation pages have their own zoom checks.
 */
@ExtendWith(ApplicationExtension.class)
class ZoomLayoutUiTest {

    private static final List<Section> SECTIONS = List.of(Section.values());
    private static final int[] ZOOMS = {100, 125, 150, 200};

    @TempDir
    static Path home;

    private GuiComposition composition;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DiscoveryLocations nowhere = new DiscoveryLocations(home.resolve("n/a"), home.resolve("n/b"), List.of(),
                home.resolve("n/c"));
        composition = TestCompositions.build(AppPaths.under(home.resolve("iepmp")), new LaunchOptions(
                Optional.of(Language.ENGLISH), Optional.empty(), Optional.empty(), Optional.of(Section.UPDATES),
                Optional.of(150), Optional.empty(), true), nowhere, Locale.ENGLISH);
        composition.show(stage, () -> { });
    }

    @Test
    void everySectionAndDialogKeepsItsWordsAndStaysInsideTheWindowAtEveryZoom(FxRobot robot) throws Exception {
        assertThat(stage.getScene().getWidth()).isEqualTo(1024);
        assertThat(stage.getScene().getHeight()).isEqualTo(600);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> composition.parts().cluster().practiceProperty().get()
                && composition.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED
                && composition.parts().cluster().factsProperty().get() != null);
        installLineMonitor(robot);

        List<String> problems = new ArrayList<>();
        for (int zoom : ZOOMS) {
            for (Language language : Language.values()) {
                robot.interact(() -> {
                    composition.parts().settings().zoomPercentProperty().set(zoom);
                    composition.parts().settings().languageProperty().set(language);
                });
                for (Section section : SECTIONS) {
                    robot.interact(() -> composition.parts().shell().show(section));
                    selectFirstRow(robot);
                    WaitForAsyncUtils.waitForFxEvents();
                    String where = zoom + "% " + language.tag() + " " + section + ": ";
                    LayoutFacts.problems(stage.getScene()).forEach(p -> problems.add(where + p));
                    if (language != Language.ENGLISH) {
                        englishIn(language).problems(stage.getScene()).forEach(p -> problems.add(where + p));
                    }
                    if (section == Section.INSTALLED) {
                        // The log tab of the detail too.
                        robot.interact(() -> robot.lookup("#installed-lower").queryAs(TabPane.class).getSelectionModel()
                                .select(1));
                        WaitForAsyncUtils.waitForFxEvents();
                        LayoutFacts.problems(stage.getScene()).forEach(p -> problems.add(where + "logs: " + p));
                        robot.interact(() -> robot.lookup("#installed-lower").queryAs(TabPane.class).getSelectionModel()
                                .select(0));
                    }
                    if (section == Section.REPOSITORIES) {
                        checkDialog(robot, where + "repository form: ", "#repositories-add", problems);
                    }
                    if (section == Section.HISTORY) {
                        checkDialog(robot, where + "export chooser: ", "#history-export-csv", problems);
                    }
                }
            }
        }
        assertThat(problems).as("layout problems at large zoom").isEmpty();
    }

    private final Map<Language, EnglishInChinese> english = new java.util.EnumMap<>(Language.class);

    /** English words from the project (bundles, the practice catalog's texts) that a Chinese screen must not show. */
    private EnglishInChinese englishIn(Language language) {
        return english.computeIfAbsent(language, chinese -> new EnglishInChinese(org.iepmp.i18n.api.I18n.load(), chinese,
                List.of("Production line monitor (practice package)", "MQTT broker for line data (practice package)",
                        "Shop-floor dashboard, plain manifests (practice package)")));
    }

    /** The practice catalog's repositories, there before the window starts (as after an earlier session). */
    @BeforeAll
    static void addPracticeRepositories() throws Exception {
        PracticeCatalog.Layout catalog = PracticeCatalog.create().writeTo(home.resolve("practice-catalog"));
        Path config = AppPaths.under(home.resolve("iepmp")).configDir();
        Files.createDirectories(config);
        FileRepositoryStore store = new FileRepositoryStore(config);
        store.save(RepositoryDefinition.directory("practice", catalog.glasskubeRepository().toString(),
                RepositoryType.GLASSKUBE, Origin.VENDOR), Optional.empty());
        store.save(RepositoryDefinition.directory("practice-charts", catalog.helmRepository().toString(),
                RepositoryType.HELM, Origin.OPEN_SOURCE), Optional.empty());
    }

    private void installLineMonitor(FxRobot robot) throws Exception {
        // The engine resolves line-monitor's dependency through the catalog: it must have read both repositories.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> composition.parts().repositories().rows().size() == 2
                && !composition.parts().catalog().loadingProperty().get()
                && composition.parts().catalog().results().stream().map(p -> p.name()).toList()
                        .containsAll(List.of("line-monitor", "mqtt-broker")));
        var connection = composition.parts().cluster().connectionProperty().get();
        String identity = composition.parts().cluster().factsProperty().get().identity();
        try (EngineSession session = composition.parts().engines().open(connection, identity)) {
            OperationRequest install = new OperationRequest(OperationAction.INSTALL, "line-monitor", "v1.0.0+1", null,
                    "line-monitor", Map.of(), null, new Actor("zoom-ui-test", null), Reason.NONE, true);
            OperationResult result = session.engine().execute(session.engine().plan(install), event -> { },
                    CancellationSignal.NEVER);
            assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        }
        composition.parts().notifier().operationEnded("line-monitor", OperationOutcome.SUCCEEDED);
        robot.interact(() -> {
            composition.parts().installed().refresh();
            composition.parts().history().firstPage();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> composition.parts().updates().rows().size() == 1
                && composition.parts().installed().rows().stream().anyMatch(r -> r.health().isPresent())
                && !composition.parts().history().rows().isEmpty());
    }

    /**
     * Opens a dialog with {@code buttonId} and checks it as a technician sees it without a window manager
     * (Monocle has none): inside the main window, at a usable size (its content not squeezed below its
     * preferred height unless the window is too low for it), and its own nodes inside it; then cancels it.
     */
    private void checkDialog(FxRobot robot, String where, String buttonId, List<String> problems) throws Exception {
        javafx.application.Platform.runLater(() -> robot.lookup(buttonId).queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogPane().isPresent());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane pane = dialogPane().orElseThrow();
        javafx.stage.Window dialog = pane.getScene().getWindow();
        double width = stage.getWidth();
        double height = stage.getHeight();
        if (dialog.getWidth() > width + 0.5 || dialog.getHeight() > height + 0.5) {
            problems.add(where + "dialog larger than the screen: " + Math.round(dialog.getWidth()) + "×"
                    + Math.round(dialog.getHeight()));
        }
        if (dialog.getX() < stage.getX() - 0.5 || dialog.getY() < stage.getY() - 0.5
                || dialog.getX() + dialog.getWidth() > stage.getX() + width + 0.5
                || dialog.getY() + dialog.getHeight() > stage.getY() + height + 0.5) {
            problems.add(where + "dialog outside the screen at " + Math.round(dialog.getX()) + "," + Math.round(dialog.getY()));
        }
        double wanted = Math.min(pane.prefHeight(pane.getWidth()), height);
        if (pane.getHeight() < wanted - 2) {
            problems.add(where + "dialog opened squeezed: " + Math.round(pane.getHeight()) + " px of " + Math.round(wanted));
        }
        LayoutFacts.problems(pane.getScene()).forEach(p -> problems.add(where + p));
        robot.interact(() -> pane.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE)
                .findFirst().map(pane::lookupButton).map(javafx.scene.control.Button.class::cast)
                .ifPresent(javafx.scene.control.Button::fire));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogPane().isEmpty());
    }

    private static Optional<javafx.scene.control.DialogPane> dialogPane() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
                .map(w -> (javafx.scene.control.DialogPane) w.getScene().getRoot()).findFirst();
    }

    /** Tables with a chosen row show their detail below, which must fit too. */
    private static void selectFirstRow(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        for (Node node : robot.lookup(".table-view").queryAll()) {
            if (node instanceof TableView<?> table && table.getScene() != null && !table.getItems().isEmpty()
                    && table.getSelectionModel().isEmpty()) {
                robot.interact(() -> table.getSelectionModel().select(0));
            }
        }
    }
}
