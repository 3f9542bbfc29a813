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
import org.iepmp.app.gui.GuiStartup;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.practice.api.PracticeCatalog;

/**
 * Not a test: what every screenshot scene starts from (scripts/screenshot-scene.sh runs them) — the
 * practice catalog written into the home, the real window in practice mode, line-monitor 1.0.0
 * installed through the engine, and the "scene-ready" file the script waits for.
 */
final class ScreenshotSite {

    private ScreenshotSite() {
    }

    /** The practice catalog under {@code home}; its Glasskube and Helm folders as configured repositories. */
    static FileRepositoryStore repositories(Path home, AppPaths paths, String glasskubeName, String helmName) throws Exception {
        PracticeCatalog.Layout catalog = PracticeCatalog.create().writeTo(home.resolve("practice-catalog"));
        Files.createDirectories(paths.configDir());
        FileRepositoryStore store = new FileRepositoryStore(paths.configDir());
        if (glasskubeName != null) {
            store.save(RepositoryDefinition.directory(glasskubeName, catalog.glasskubeRepository().toString(),
                    RepositoryType.GLASSKUBE, Origin.VENDOR), Optional.empty());
        }
        store.save(RepositoryDefinition.directory(helmName, catalog.helmRepository().toString(), RepositoryType.HELM,
                Origin.OPEN_SOURCE), Optional.empty());
        return store;
    }

    /** The window in practice mode on the Cluster section, connected to the practice cluster. */
    /** A scene's command line: HOME LANG SCENE [ZOOM]. */
    record SceneArgs(Path home, Language language, String scene, Optional<Integer> zoom) {
        static SceneArgs of(String[] args) {
            return new SceneArgs(Path.of(args[0]), Language.fromTag(args[1]).orElseThrow(), args[2],
                    args.length > 3 ? Optional.of(Integer.parseInt(args[3])) : Optional.empty());
        }

        AppPaths paths() {
            return AppPaths.under(home);
        }
    }

    static GuiComposition start(AppPaths paths, Language language, Optional<Integer> zoom) throws InterruptedException {
        GuiComposition[] holder = new GuiComposition[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        GuiStartup startup = GuiStartup.prepare(paths, new LaunchOptions(Optional.of(language), Optional.empty(),
                Optional.empty(), Optional.of(Section.CLUSTER), zoom, Optional.empty(), true), Locale.getDefault(),
                EngineSettings.defaults());
        Platform.startup(() -> {
            holder[0] = new GuiComposition(startup, I18n.load(), DiscoveryLocations.system());
            holder[0].show(new Stage(), () -> System.exit(0));
            shown.countDown();
        });
        shown.await();
        GuiComposition app = holder[0];
        waitFor(() -> app.parts().cluster().stateProperty().get() == ConnectionState.CONNECTED
                && app.parts().cluster().factsProperty().get() != null);
        return app;
    }

    /** Installs line-monitor v1.0.0+1 (and mqtt-broker, its dependency) through the engine, from {@code repository} if given. */
    static void installLineMonitor(GuiComposition app, String repository) throws Exception {
        try (EngineSession session = app.parts().engines().open(app.parts().cluster().connectionProperty().get(),
                app.parts().cluster().factsProperty().get().identity())) {
            OperationRequest request = new OperationRequest(OperationAction.INSTALL, "line-monitor", "v1.0.0+1", null,
                    "line-monitor", Map.of(), null, new Actor("screenshots", null), Reason.NONE, true);
            var result = session.engine().execute(session.engine().plan(repository == null ? request
                    : request.withRepository(repository)), event -> { }, CancellationSignal.NEVER);
            if (result.outcome() != OperationOutcome.SUCCEEDED) {
                throw new IllegalStateException("install failed: " + result);
            }
        }
    }

    /** Tells the screenshot script to capture now, then waits for it to end the process. */
    static void sceneReady(Path home, String scene) throws Exception {
        Files.writeString(home.resolve("scene-ready"), scene);
        new CountDownLatch(1).await();
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1200 && !condition.getAsBoolean(); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        if (!condition.getAsBoolean()) {
            throw new IllegalStateException("scene not reached");
        }
    }
}
