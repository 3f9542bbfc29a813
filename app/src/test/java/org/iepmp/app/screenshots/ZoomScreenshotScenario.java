package org.iepmp.app.screenshots;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.iepmp.app.gui.GuiComposition;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.lifecycle.api.OperationOutcome;

/**
 * Not a test: the scenes for the large-zoom screenshots (run under Xvfb, see
 * {@code scripts/screenshots-zoom.sh}). Starts the real window in practice mode with the practice
 * catalog and line-monitor 1.0.0 installed, at zoom {@code args[3]}, in language {@code args[1]},
 * and opens scene {@code args[2]}: updates, installed, installed-logs, history, repositories,
 * repository-form, cluster, catalog, settings, support, notifications, error, error-details, export-chooser.
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
        ScreenshotSite.repositories(home, paths, "practice", "practice-charts");
        GuiComposition app = ScreenshotSite.start(paths, language, Optional.of(zoom));
        ScreenshotSite.installLineMonitor(app, null);
        Platform.runLater(() -> {
            app.parts().installed().refresh();
            app.parts().history().firstPage();
            app.parts().updates().check();
        });
        waitFor(() -> !app.parts().updates().rows().isEmpty() && !app.parts().history().rows().isEmpty()
                && app.parts().installed().rows().stream().anyMatch(r -> r.health().isPresent()));
        if (!scene.equals("notifications")) {
            // The "updates available" notice would cover the section's lower right corner.
            TimeUnit.SECONDS.sleep(2);
            Platform.runLater(() -> java.util.List.copyOf(app.parts().notices().shown())
                    .forEach(app.parts().notices()::dismiss));
        }
        switch (scene) {
            case "updates" -> showAndSelect(app, Section.UPDATES, "#updates-table");
            case "installed" -> showAndSelect(app, Section.INSTALLED, "#installed-table");
            case "installed-logs" -> {
                showAndSelect(app, Section.INSTALLED, "#installed-table");
                Platform.runLater(() -> {
                    ((TabPane) app.window().scene().lookup("#installed-lower")).getSelectionModel().select(1);
                    app.parts().installed().logs().followProperty().set(true);
                });
            }
            case "history" -> showAndSelect(app, Section.HISTORY, "#history-table");
            case "repositories" -> showAndSelect(app, Section.REPOSITORIES, "#repositories-table");
            case "repository-form" -> {
                showAndSelect(app, Section.REPOSITORIES, "#repositories-table");
                Platform.runLater(() -> ((Button) app.window().scene().lookup("#repositories-edit")).fire());
            }
            case "cluster" -> Platform.runLater(() -> app.parts().shell().show(Section.CLUSTER));
            case "catalog" -> Platform.runLater(() -> app.parts().shell().show(Section.CATALOG));
            case "export-chooser" -> {
                showAndSelect(app, Section.HISTORY, "#history-table");
                waitFor(() -> app.window().scene().lookup("#history-export-csv") != null);
                Platform.runLater(() -> ((Button) app.window().scene().lookup("#history-export-csv")).fire());
            }
            case "settings" -> Platform.runLater(() -> app.parts().shell().show(Section.SETTINGS));
            case "support" -> Platform.runLater(() -> app.parts().shell().show(Section.SUPPORT));
            case "notifications" -> {
                Platform.runLater(() -> app.parts().shell().show(Section.INSTALLED));
                app.parts().notifier().operationEnded("line-monitor", OperationOutcome.SUCCEEDED);
            }
            case "error", "error-details" -> {
                Platform.runLater(() -> app.parts().shell().show(Section.CLUSTER));
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
        ScreenshotSite.sceneReady(home, scene);
    }

    private static void showAndSelect(GuiComposition app, Section section, String tableId) throws InterruptedException {
        Platform.runLater(() -> app.parts().shell().show(section));
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
        ScreenshotSite.waitFor(condition);
    }
}
