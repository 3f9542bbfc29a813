package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.gui.repositories.RepositoryRow;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.DiscoveryLocations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Adds a folder repository through the dialog (with live validation and Test connection), sees
 * its status, then finds its packages in the Catalog by search as you type.
 */
@ExtendWith(ApplicationExtension.class)
class RepositoriesAndCatalogUiTest {

    @TempDir
    static Path home;
    static Path repository;

    private GuiComposition composition;

    @BeforeAll
    static void writeRepository() throws IOException {
        repository = home.resolve("usb/vendor-packages");
        write("index.yaml", """
                packages:
                  - name: line-monitor
                    shortDescription: "Monitors the packaging line 產線監控"
                    latestVersion: v1.1.0+1
                  - name: mqtt-broker
                    shortDescription: "Message broker for the machines"
                    latestVersion: v2.0.0+1
                """);
        write("line-monitor/versions.yaml", """
                latestVersion: v1.1.0+1
                versions:
                  - version: v1.0.0+1
                  - version: v1.1.0+1
                """);
        for (String version : List.of("v1.0.0+1", "v1.1.0+1")) {
            write("line-monitor/" + version + "/package.yaml", """
                    name: line-monitor
                    shortDescription: "Monitors the packaging line 產線監控"
                    defaultNamespace: line
                    manifests:
                      - url: deployment.yaml
                    dependencies:
                      - name: mqtt-broker
                        version: ">=2.0.0"
                    valueDefinitions:
                      lineName:
                        type: text
                        defaultValue: "line-1"
                        metadata:
                          label: Line name
                    """);
            write("line-monitor/" + version + "/deployment.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lm\n");
        }
        write("mqtt-broker/versions.yaml", "latestVersion: v2.0.0+1\nversions:\n  - version: v2.0.0+1\n");
        write("mqtt-broker/v2.0.0+1/package.yaml", """
                name: mqtt-broker
                shortDescription: "Message broker for the machines"
                manifests:
                  - url: broker.yaml
                """);
        write("mqtt-broker/v2.0.0+1/broker.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broker\n");
    }

    private static void write(String relative, String text) throws IOException {
        Path file = repository.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Start
    void start(Stage stage) {
        DiscoveryLocations nowhere = new DiscoveryLocations(home.resolve("none/a"), home.resolve("none/b"), List.of(),
                home.resolve("none/c"));
        LaunchOptions options = new LaunchOptions(Optional.of(Language.ENGLISH), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
        composition = TestCompositions.build(AppPaths.under(home.resolve("iepmp")), options, nowhere, Locale.ENGLISH);
        composition.show(stage, () -> { });
    }

    @Test
    void addAFolderRepositoryThenFindItsPackages(FxRobot robot) throws Exception {
        robot.clickOn("#nav-repositories");
        robot.clickOn("#repositories-add");
        WaitForAsyncUtils.waitForFxEvents();
        Button save = robot.lookup("#repo-save").queryButton();
        assertThat(save.isDisabled()).as("empty form cannot be saved").isTrue();
        assertThat(robot.lookup("#repo-problems").queryAs(Label.class).getText()).contains("The name may use");

        robot.clickOn("#repo-name").write("vendor usb");
        assertThat(robot.lookup("#repo-problems").queryAs(Label.class).getText()).contains("The name may use");
        robot.doubleClickOn("#repo-name").eraseText(10).write("vendor-usb");
        robot.clickOn("#repo-transport").clickOn("Folder or USB");
        robot.clickOn("#repo-location").write(repository.toString());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#repo-problems").queryAs(Label.class).getText()).isEmpty();

        robot.clickOn("#repo-test");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> composition.parts().repositories().lastTestProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#repo-test-verdict").queryAs(Label.class).getText()).isEqualTo("Works: 2 packages found.");

        robot.clickOn("#repo-save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> composition.parts().repositories().rows().stream()
                .anyMatch(r -> r.status().map(s -> s.state() == RepositoryStatus.State.FRESH).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<RepositoryRow> table = robot.lookup("#repositories-table").queryTableView();
        assertThat(table.getItems()).singleElement().satisfies(row -> {
            assertThat(row.definition().name()).isEqualTo("vendor-usb");
            assertThat(row.status()).get().extracting(RepositoryStatus::packageCount).isEqualTo(2);
        });
        assertThat(home.resolve("iepmp/config")).isDirectoryRecursivelyContaining("glob:**repositories*");

        robot.clickOn("#nav-catalog");
        ListView<CatalogPackage> list = robot.lookup("#catalog-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        robot.clickOn("#catalog-search").write("產線");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        assertThat(list.getItems().get(0).name()).isEqualTo("line-monitor");
        robot.clickOn("line-monitor");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> composition.parts().catalog().detailProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String facts = robot.lookup("#catalog-detail-facts").queryAs(Label.class).getText();
        assertThat(facts).contains("Needs: mqtt-broker >=2.0.0").contains("1 settings can be configured")
                .contains("Installs into namespace line");
        assertThat(robot.lookup("#catalog-detail-source").queryAs(Label.class).getText())
                .isEqualTo("Vendor · repository vendor-usb");
    }
}
