package org.iepmp.app.screenshots;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.iepmp.app.gui.catalog.CatalogViewModel;
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
        PracticeCatalog.Layout catalog = new PracticeCatalog().writeTo(home.resolve("practice-catalog"));
        Files.createDirectories(paths.configDir());
        FileRepositoryStore store = new FileRepositoryStore(paths.configDir());
        store.save(RepositoryDefinition.directory("plant-charts", catalog.helmRepository().toString(), RepositoryType.HELM,
                Origin.OPEN_SOURCE), Optional.empty());
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
        CatalogViewModel model = app.catalogViewModel();
        waitFor(() -> model.repositories().contains("practice"));
        try (EngineSession session = app.engineSessions().open(app.clusterViewModel().connectionProperty().get(),
                app.clusterViewModel().factsProperty().get().identity())) {
            var result = session.engine().execute(session.engine().plan(new OperationRequest(OperationAction.INSTALL,
                    "line-monitor", "v1.0.0+1", null, "line-monitor", Map.of(), null, new Actor("screenshots", null),
                    Reason.NONE, true).withRepository("practice")), event -> { }, CancellationSignal.NEVER);
            if (result.outcome() != OperationOutcome.SUCCEEDED) {
                throw new IllegalStateException("install failed: " + result);
            }
        }
        Platform.runLater(() -> {
            app.shellViewModel().show(Section.INSTALLED);
            app.installedViewModel().refresh();
        });
        waitFor(() -> model.installedVersion("line-monitor").isPresent());
        Platform.runLater(() -> app.shellViewModel().show(Section.CATALOG));
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
        Files.writeString(home.resolve("scene-ready"), scene);
        new CountDownLatch(1).await();
    }

    private static void select(CatalogViewModel model, String name, String repository) {
        Platform.runLater(() -> model.results().stream()
                .filter(p -> p.name().equals(name) && p.repository().equals(repository)).findFirst()
                .ifPresent(model::open));
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
