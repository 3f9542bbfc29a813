package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.iepmp.app.gui.catalog.CatalogFixture;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Catalog's filters, cards and version checks in Traditional Chinese. */
@ExtendWith(ApplicationExtension.class)
class CatalogChineseUiTest {

    @TempDir
    static Path home;

    private GuiComposition composition;

    @Start
    void start(Stage stage) throws Exception {
        new CatalogFixture(home.resolve("repos"), AppPaths.under(home.resolve("iepmp")).configDir());
        composition = TestCompositions.show(stage, home, Section.CATALOG, Language.TRADITIONAL_CHINESE, false);
    }

    @Test
    void cardsAndVersionChecksSpeakChinese(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> composition.parts().catalog().results().size() == 3);
        assertThat(robot.lookup("#catalog-layout-cards").queryAs(ToggleButton.class).getText()).isEqualTo("卡片");
        assertThat(robot.lookup("#catalog-installed-only").queryAs(CheckBox.class).getText()).isEqualTo("僅顯示已安裝");
        robot.clickOn("#catalog-layout-cards");
        WaitForAsyncUtils.waitForFxEvents();
        FlowPane cards = robot.lookup("#catalog-cards").query();
        robot.interact(() -> cards.getChildren().get(0).requestFocus());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !composition.parts().catalog().versionFacts().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#catalog-detail-installed").queryAs(Label.class).getText()).isEqualTo("此叢集尚未安裝");
        assertThat(robot.lookup("#catalog-detail-checks").queryAs(Label.class).getText())
                .contains("下載時與其 Chart 儲存庫索引中的摘要比對").contains("不檢查發行者簽章");
    }
}
