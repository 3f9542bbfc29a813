package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.iepmp.app.gui.catalog.CatalogFixture;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Catalog on two folder repositories that both offer line-monitor: rows name their repository, the repository
 * filter and "clear filters", the cards with keyboard focus and Enter, and the versions with dates and checks.
 */
@ExtendWith(ApplicationExtension.class)
class CatalogUiTest {

    @TempDir
    static Path home;

    private GuiComposition composition;

    @Start
    void start(Stage stage) throws Exception {
        new CatalogFixture(home.resolve("repos"), AppPaths.under(home.resolve("iepmp")).configDir());
        composition = TestCompositions.show(stage, home, Section.CATALOG, Language.ENGLISH, false);
    }

    private static String texts(FxRobot robot, String query) {
        return String.join("\n", robot.lookup(query).queryAll().stream().flatMap(n -> labels(n).stream()).toList());
    }

    private static List<String> labels(Node node) {
        if (node instanceof Label label) {
            return List.of(label.getText());
        }
        if (node instanceof javafx.scene.Parent parent) {
            return parent.getChildrenUnmodifiable().stream().flatMap(n -> labels(n).stream()).toList();
        }
        return List.of();
    }

    @Test
    void filtersCardsAndVersionsWithTheKeyboard(FxRobot robot) throws Exception {
        ListView<CatalogPackage> list = robot.lookup("#catalog-list").queryListView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(robot, "#catalog-list")).as("each row names its repository").contains("vendor", "charts");

        ComboBox<String> repository = robot.lookup("#catalog-repository").queryComboBox();
        assertThat(repository.getItems()).containsExactly(null, "vendor", "charts");
        robot.interact(() -> repository.getSelectionModel().select("charts"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        assertThat(list.getItems().get(0).repository()).isEqualTo("charts");
        robot.clickOn("#catalog-clear-filters");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 3);

        robot.clickOn("#catalog-layout-cards");
        WaitForAsyncUtils.waitForFxEvents();
        FlowPane cards = robot.lookup("#catalog-cards").query();
        assertThat(cards.isVisible()).isTrue();
        assertThat(cards.getChildren()).hasSize(3);
        for (Node card : cards.getChildren()) {
            assertThat(((Region) card).getHeight()).as("touch target").isGreaterThanOrEqualTo(44);
        }
        assertThat(texts(robot, "#catalog-cards")).contains("Latest v1.1.0+1", "Not installed", "charts", "L");

        robot.interact(() -> cards.getChildren().get(0).requestFocus());
        robot.type(KeyCode.TAB);
        assertThat(cards.getChildren().get(1).isFocused()).as("Tab moves from card to card").isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> composition.parts().catalog().detailProperty().get() != null
                && !composition.parts().catalog().versionFacts().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(composition.parts().catalog().selectedProperty().get().repository()).isEqualTo("charts");
        assertThat(robot.lookup("#catalog-detail-source").queryAs(Label.class).getText())
                .isEqualTo("Open source · repository charts");
        String versions = texts(robot, "#catalog-detail-version-list");
        assertThat(versions).contains("1.1.0", "released May 4, 2026", "digest recorded, verified on download",
                "1.0.0", "no digest: download refused", "No publisher signature is checked");

        robot.interact(() -> composition.parts().catalog().open(composition.parts().catalog().results().get(0)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> texts(robot, "#catalog-detail-version-list")
                .contains("release date unknown"));
        assertThat(texts(robot, "#catalog-detail-version-list")).contains("v1.1.0+1", "chart verified on download",
                "plain manifests are applied as the repository serves them");

        CheckBox installedOnly = robot.lookup("#catalog-installed-only").queryAs(CheckBox.class);
        robot.clickOn(installedOnly);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cards.getChildren().isEmpty());
        assertThat(installedOnly.getHeight()).isGreaterThanOrEqualTo(44);
    }
}
