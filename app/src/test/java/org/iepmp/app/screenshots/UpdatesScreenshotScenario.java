package org.iepmp.app.screenshots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.iepmp.app.gui.GuiComposition;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.i18n.api.Language;

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
        FileRepositoryStore store = ScreenshotSite.repositories(home, paths, "practice", "practice-charts");
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
        GuiComposition app = ScreenshotSite.start(paths, language, zoom);
        ScreenshotSite.installLineMonitor(app, null);
        switch (scene) {
            case "updates" -> {
                Platform.runLater(() -> {
                    app.parts().shell().show(Section.UPDATES);
                    app.parts().updates().check();
                });
                waitFor(() -> !app.parts().updates().rows().isEmpty());
                Platform.runLater(() -> app.parts().updates().selectedProperty().set(app.parts().updates().rows().get(0)));
            }
            case "installed-logs" -> {
                Platform.runLater(() -> {
                    app.parts().shell().show(Section.INSTALLED);
                    app.parts().installed().refresh();
                });
                waitFor(() -> app.parts().installed().rows().stream().anyMatch(r -> r.release().name().equals("line-monitor")
                        && r.health().isPresent()));
                Platform.runLater(() -> {
                    app.parts().installed().selectedProperty().set(app.parts().installed().rows().stream()
                            .filter(r -> r.release().name().equals("line-monitor")).findFirst().orElseThrow());
                    var tabs = (javafx.scene.control.TabPane) app.window().scene().lookup("#installed-lower");
                    tabs.getSelectionModel().select(1);
                    app.parts().installed().logs().followProperty().set(true);
                    // Select the row in the table too, as a click would.
                    var table = (javafx.scene.control.TableView<?>) app.window().scene().lookup("#installed-table");
                    table.getSelectionModel().select(0);
                });
            }
            case "catalog" -> {
                Platform.runLater(() -> {
                    app.parts().shell().show(Section.CATALOG);
                    app.parts().catalog().queryProperty().set("dashboard");
                });
                waitFor(() -> !app.parts().catalog().results().isEmpty());
                // Let a layout pass build the section's skin, so the list can be looked up.
                TimeUnit.SECONDS.sleep(1);
                Platform.runLater(() -> ((javafx.scene.control.ListView<?>) app.window().scene().lookup("#catalog-list"))
                        .getSelectionModel().select(0));
            }
            case "settings" -> Platform.runLater(() -> app.parts().shell().show(Section.SETTINGS));
            default -> throw new IllegalArgumentException(scene);
        }
        // The screenshot script captures now and ends the process.
        ScreenshotSite.sceneReady(home, scene);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        ScreenshotSite.waitFor(condition);
    }
}
