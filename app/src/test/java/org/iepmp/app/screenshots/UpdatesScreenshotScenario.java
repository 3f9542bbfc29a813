package org.iepmp.app.screenshots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.gui.GuiComposition;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.practice.PracticeCatalog;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.Reason;

/**
 * Not a test: a scene for the screenshots of the Updates work (run under Xvfb, see
 * {@code scripts/screenshots-updates.sh}). Starts the real window in practice mode, adds the practice
 * catalog, installs line-monitor 1.0.0 through the engine and opens {@code args[2]} (updates,
 * installed-logs, catalog, settings) in language {@code args[1]}, with {@code args[0]} as home.
 */
public final class UpdatesScreenshotScenario {

    private UpdatesScreenshotScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Language language = Language.fromTag(args[1]).orElseThrow();
        String scene = args[2];
        Optional<Integer> zoom = args.length > 3 ? Optional.of(Integer.parseInt(args[3])) : Optional.empty();
        AppPaths paths = AppPaths.under(home);
        PracticeCatalog.Layout catalog = new PracticeCatalog().writeTo(home.resolve("practice-catalog"));
        Files.createDirectories(paths.configDir());
        FileRepositoryStore store = new FileRepositoryStore(paths.configDir());
        store.save(RepositoryDefinition.directory("practice", catalog.glasskubeRepository().toString(), RepositoryType.GLASSKUBE,
                Origin.VENDOR), Optional.empty());
        store.save(RepositoryDefinition.directory("practice-charts", catalog.helmRepository().toString(), RepositoryType.HELM,
                Origin.OPEN_SOURCE), Optional.empty());
        // A chart whose description uses Markdown, including what must not render (HTML, a javascript: link).
        Path docs = Files.createDirectories(home.resolve("docs-charts"));
        Files.writeString(docs.resolve("index.yaml"), """
                apiVersion: v1
                entries:
                  plant-dashboard:
                  - apiVersion: v2
                    created: "2026-01-01T00:00:00Z"
                    description: "## Plant dashboard\\n\\nShows **OEE**, *scrap rate* and `line.speed` per shift.\\n\\n\
                - Reads counters from the MQTT broker\\n- Needs no cloud access\\n\\n\
                > Set `line.name` before the first start.\\n\\n\
                See the [operator guide](https://vendor.example/plant-dashboard/guide) for details. \
                [Run this](javascript:alert(1)) stays plain text."
                    digest: 0000000000000000000000000000000000000000000000000000000000000000
                    name: plant-dashboard
                    urls:
                    - plant-dashboard-2.1.0.tgz
                    version: 2.1.0
                generated: "2026-01-01T00:00:00Z"
                """);
        store.save(RepositoryDefinition.directory("vendor-docs", docs.toString(), RepositoryType.HELM, Origin.VENDOR),
                Optional.empty());
        GuiComposition[] holder = new GuiComposition[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            holder[0] = new GuiComposition(paths, new LaunchOptions(Optional.of(language), Optional.empty(), Optional.empty(),
                    Optional.of(Section.CLUSTER), zoom, Optional.empty(), true), I18n.load());
            holder[0].show(new Stage(), () -> System.exit(0));
            shown.countDown();
        });
        shown.await();
        GuiComposition app = holder[0];
        waitFor(() -> app.clusterViewModel().stateProperty().get() == ConnectionState.CONNECTED
                && app.clusterViewModel().factsProperty().get() != null);
        try (EngineSession session = app.engineSessions().open(app.clusterViewModel().connectionProperty().get(),
                app.clusterViewModel().factsProperty().get().identity())) {
            var result = session.engine().execute(session.engine().plan(new OperationRequest(OperationAction.INSTALL,
                    "line-monitor", "v1.0.0+1", null, "line-monitor", Map.of(), null, new Actor("screenshots", null),
                    Reason.NONE, true)), event -> { }, CancellationSignal.NEVER);
            if (result.outcome() != OperationOutcome.SUCCEEDED) {
                throw new IllegalStateException("install failed: " + result);
            }
        }
        switch (scene) {
            case "updates" -> {
                Platform.runLater(() -> {
                    app.shellViewModel().show(Section.UPDATES);
                    app.updatesViewModel().check();
                });
                waitFor(() -> !app.updatesViewModel().rows().isEmpty());
                Platform.runLater(() -> app.updatesViewModel().selectedProperty().set(app.updatesViewModel().rows().get(0)));
            }
            case "installed-logs" -> {
                Platform.runLater(() -> {
                    app.shellViewModel().show(Section.INSTALLED);
                    app.installedViewModel().refresh();
                });
                waitFor(() -> app.installedViewModel().rows().stream().anyMatch(r -> r.release().name().equals("line-monitor")
                        && r.health().isPresent()));
                Platform.runLater(() -> {
                    app.installedViewModel().selectedProperty().set(app.installedViewModel().rows().stream()
                            .filter(r -> r.release().name().equals("line-monitor")).findFirst().orElseThrow());
                    var tabs = (javafx.scene.control.TabPane) app.window().scene().lookup("#installed-lower");
                    tabs.getSelectionModel().select(1);
                    app.installedViewModel().logs().followProperty().set(true);
                    // Select the row in the table too, as a click would.
                    var table = (javafx.scene.control.TableView<?>) app.window().scene().lookup("#installed-table");
                    table.getSelectionModel().select(0);
                });
            }
            case "catalog" -> {
                Platform.runLater(() -> {
                    app.shellViewModel().show(Section.CATALOG);
                    app.catalogViewModel().queryProperty().set("dashboard");
                });
                waitFor(() -> !app.catalogViewModel().results().isEmpty());
                // Let a layout pass build the section's skin, so the list can be looked up.
                TimeUnit.SECONDS.sleep(1);
                Platform.runLater(() -> ((javafx.scene.control.ListView<?>) app.window().scene().lookup("#catalog-list"))
                        .getSelectionModel().select(0));
            }
            case "settings" -> Platform.runLater(() -> app.shellViewModel().show(Section.SETTINGS));
            default -> throw new IllegalArgumentException(scene);
        }
        // The screenshot script captures now and ends the process.
        Files.writeString(home.resolve("scene-ready"), scene);
        new CountDownLatch(1).await();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1200 && !condition.getAsBoolean(); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        if (!condition.getAsBoolean()) {
            throw new IllegalStateException("scene not reached");
        }
    }
}
