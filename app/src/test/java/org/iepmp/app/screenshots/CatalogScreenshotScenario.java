package org.iepmp.app.screenshots;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.iepmp.app.gui.GuiComposition;
import org.iepmp.app.gui.catalog.CatalogViewModel;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.Language;

/**
 * Not a test: a scene for the Catalog screenshots (run under Xvfb, see {@code scripts/screenshots-catalog.sh}). Starts
 * the real window in practice mode with the practice catalog and its chart repository configured as a second
 * repository (so the same package shows from two repositories), installs line-monitor v1.0.0+1 through the engine, and
 * shows {@code args[2]} (list, cards, filters, detail) in language {@code args[1]} with {@code args[0]} as home and
 * optionally zoom {@code args[3]}.
 */
public final class CatalogScreenshotScenario {

    private CatalogScreenshotScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Language language = Language.fromTag(args[1]).orElseThrow();
        String scene = args[2];
        Optional<Integer> zoom = args.length > 3 ? Optional.of(Integer.parseInt(args[3])) : Optional.empty();
        AppPaths paths = AppPaths.under(home);
        ScreenshotSite.repositories(home, paths, null, "plant-charts");
        GuiComposition app = ScreenshotSite.start(paths, language, zoom);
        CatalogViewModel model = app.parts().catalog();
        waitFor(() -> model.repositories().contains("practice"));
        ScreenshotSite.installLineMonitor(app, "practice");
        Platform.runLater(() -> {
            app.parts().shell().show(Section.INSTALLED);
            app.parts().installed().refresh();
        });
        waitFor(() -> model.installedVersion("line-monitor").isPresent());
        Platform.runLater(() -> app.parts().shell().show(Section.CATALOG));
        TimeUnit.SECONDS.sleep(1);
        switch (scene) {
            case "list" -> select(model, "line-monitor", "practice");
            case "cards" -> Platform.runLater(() -> {
                model.layoutProperty().set(CatalogViewModel.Layout.CARDS);
                select(model, "line-monitor", "practice");
            });
            case "filters" -> Platform.runLater(() -> {
                model.layoutProperty().set(CatalogViewModel.Layout.CARDS);
                model.queryProperty().set("line");
                model.updatesOnlyProperty().set(true);
                model.repositoryProperty().set("practice");
            });
            case "detail" -> {
                Platform.runLater(() -> model.repositoryProperty().set("plant-charts"));
                waitFor(() -> model.results().stream().allMatch(p -> p.repository().equals("plant-charts")));
                select(model, "line-monitor", "plant-charts");
                waitFor(() -> !model.versionFacts().isEmpty() && model.detailProperty().get() != null);
                Platform.runLater(() -> {
                    var scroll = (javafx.scene.control.ScrollPane) app.window().scene().lookup("#catalog-detail-scroll");
                    scroll.setVvalue(1.0);
                });
            }
            default -> throw new IllegalArgumentException(scene);
        }
        TimeUnit.SECONDS.sleep(1);
        // The screenshot script captures now and ends the process.
        ScreenshotSite.sceneReady(home, scene);
    }

    private static void select(CatalogViewModel model, String name, String repository) {
        Platform.runLater(() -> model.results().stream()
                .filter(p -> p.name().equals(name) && p.repository().equals(repository)).findFirst()
                .ifPresent(model::open));
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        ScreenshotSite.waitFor(condition);
    }
}
