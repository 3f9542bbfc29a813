package org.iepmp.app.screenshots;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.iepmp.app.gui.GuiComposition;
import org.iepmp.app.gui.catalog.CatalogViewModel;
import org.iepmp.app.gui.operation.OperationFlowModel;
import org.iepmp.catalog.api.ResolvedVersion;

/**
 * The install of the practice's line-monitor with its package settings: SCENE {@code form} (the
 * settings, one changed) or {@code plan} (the plan's Settings tab: where each setting lands).
 */
public final class SettingsScreenshotScenario {

    private SettingsScreenshotScenario() {
    }

    public static void main(String[] args) throws Exception {
        ScreenshotSite.SceneArgs scene = ScreenshotSite.SceneArgs.of(args);
        ScreenshotSite.repositories(scene.home(), scene.paths(), null, "plant-charts");
        org.iepmp.catalog.api.Catalog catalog = new org.iepmp.app.engine.LocalParts(scene.paths(), java.time.Clock.systemUTC()).catalog();
        GuiComposition app = ScreenshotSite.start(scene.paths(), scene.language(), scene.zoom());
        CatalogViewModel model = app.parts().catalog();
        ScreenshotSite.waitFor(() -> model.repositories().contains("practice"));
        catalog.loadCached();
        ResolvedVersion version = catalog.resolve(Optional.of("practice"), "line-monitor", Optional.of("v1.0.0+1"));
        Platform.runLater(() -> app.parts().operations().install(version));
        ScreenshotSite.waitFor(() -> app.parts().operations().currentFlowProperty().get() != null
                && app.parts().operations().currentFlowProperty().get().pageProperty().get() == OperationFlowModel.Page.FORM);
        OperationFlowModel flow = app.parts().operations().currentFlowProperty().get();
        Platform.runLater(() -> flow.formProperty().get().fields().stream().filter(f -> f.name().equals("lineName")).findFirst()
                .ifPresent(f -> f.textProperty().set("line-3")));
        TimeUnit.SECONDS.sleep(1);
        if (scene.scene().equals("plan")) {
            Platform.runLater(flow::next);
            ScreenshotSite.waitFor(() -> flow.pageProperty().get() == OperationFlowModel.Page.PLAN && flow.planProperty().get() != null);
        }
        TimeUnit.SECONDS.sleep(1);
        ScreenshotSite.sceneReady(scene.home(), scene.scene());
    }
}
