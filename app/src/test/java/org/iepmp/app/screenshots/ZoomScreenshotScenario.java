package org.iepmp.app.screenshots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.practice.PracticeCatalog;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.Reason;

/**
 * Not a test: the scenes for the large-zoom screenshots (run under Xvfb, see
 * {@code scripts/screenshots-zoom.sh}). Starts the real window in practice mode with the practice
 * catalog and line-monitor 1.0.0 installed, at zoom {@code args[3]}, in language {@code args[1]},
 * and opens scene {@code args[2]}: updates, installed, installed-logs, history, repositories,
 * repository-form, cluster, settings, support, notifications, error, error-details.
 */
public final class ZoomScreenshotScenario {

    private ZoomScreenshotScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Language language = Language.fromTag(args[1]).orElseThrow();
        String scene = args[2];
        int zoom = Integer.parseInt(args[3]);
        AppPaths paths = AppPaths.under(home);
        PracticeCatalog.Layout catalog = new PracticeCatalog().writeTo(home.resolve("practice-catalog"));
        Files.createDirectories(paths.configDir());
        FileRepositoryStore store = new FileRepositoryStore(paths.configDir());
        store.save(RepositoryDefinition.directory("practice", catalog.glasskubeRepository().toString(), RepositoryType.GLASSKUBE,
                Origin.VENDOR), Optional.empty());
        store.save(RepositoryDefinition.directory("practice-charts", catalog.helmRepository().toString(), RepositoryType.HELM,
                Origin.OPEN_SOURCE), Optional.empty());
        GuiComposition[] holder = new GuiComposition[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            holder[0] = new GuiComposition(paths, new LaunchOptions(Optional.of(language), Optional.empty(), Optional.empty(),
                    Optional.of(Section.CLUSTER), Optional.of(zoom), Optional.empty(), true), I18n.load());
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
        Platform.runLater(() -> {
            app.installedViewModel().refresh();
            app.historyViewModel().firstPage();
            app.updatesViewModel().check();
        });
        waitFor(() -> !app.updatesViewModel().rows().isEmpty() && !app.historyViewModel().rows().isEmpty()
                && app.installedViewModel().rows().stream().anyMatch(r -> r.health().isPresent()));
        if (!scene.equals("notifications")) {
            // The "updates available" notice would cover the section's lower right corner.
            TimeUnit.SECONDS.sleep(2);
            Platform.runLater(() -> java.util.List.copyOf(app.notificationCenter().shown())
                    .forEach(app.notificationCenter()::dismiss));
        }
        switch (scene) {
            case "updates" -> showAndSelect(app, Section.UPDATES, "#updates-table");
            case "installed" -> showAndSelect(app, Section.INSTALLED, "#installed-table");
            case "installed-logs" -> {
                showAndSelect(app, Section.INSTALLED, "#installed-table");
                Platform.runLater(() -> {
                    ((TabPane) app.window().scene().lookup("#installed-lower")).getSelectionModel().select(1);
                    app.installedViewModel().logs().followProperty().set(true);
                });
            }
            case "history" -> showAndSelect(app, Section.HISTORY, "#history-table");
            case "repositories" -> showAndSelect(app, Section.REPOSITORIES, "#repositories-table");
            case "repository-form" -> {
                showAndSelect(app, Section.REPOSITORIES, "#repositories-table");
                Platform.runLater(() -> ((Button) app.window().scene().lookup("#repositories-edit")).fire());
            }
            case "cluster" -> Platform.runLater(() -> app.shellViewModel().show(Section.CLUSTER));
            case "settings" -> Platform.runLater(() -> app.shellViewModel().show(Section.SETTINGS));
            case "support" -> Platform.runLater(() -> app.shellViewModel().show(Section.SUPPORT));
            case "notifications" -> {
                Platform.runLater(() -> app.shellViewModel().show(Section.INSTALLED));
                app.notifier().operationEnded("line-monitor", OperationOutcome.SUCCEEDED);
            }
            case "error", "error-details" -> {
                Platform.runLater(() -> app.shellViewModel().show(Section.CLUSTER));
                Thread failing = new Thread(() -> {
                    throw new KubeException(KubeErrorCode.UNREACHABLE, "screenshot: cluster does not answer",
                            "https://192.168.10.20:16443");
                });
                failing.start();
                waitFor(() -> dialogPane().isPresent());
                if (scene.equals("error-details")) {
                    Platform.runLater(() -> dialogPane().ifPresent(pane -> {
                        pane.setExpanded(true);
                        pane.getScene().getWindow().sizeToScene();
                    }));
                }
            }
            default -> throw new IllegalArgumentException(scene);
        }
        // The screenshot script captures now and ends the process.
        Files.writeString(home.resolve("scene-ready"), scene);
        new CountDownLatch(1).await();
    }

    private static void showAndSelect(GuiComposition app, Section section, String tableId) throws InterruptedException {
        Platform.runLater(() -> app.shellViewModel().show(section));
        waitFor(() -> app.window().scene().lookup(tableId) != null);
        Platform.runLater(() -> {
            TableView<?> table = (TableView<?>) app.window().scene().lookup(tableId);
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
    }

    private static Optional<DialogPane> dialogPane() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot()).findFirst();
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
