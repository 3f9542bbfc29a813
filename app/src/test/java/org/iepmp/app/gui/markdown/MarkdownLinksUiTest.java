package org.iepmp.app.gui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drawn Markdown: links show their URL and open only on click; hostile links are plain text; nothing else is interpreted. */
@ExtendWith(ApplicationExtension.class)
class MarkdownLinksUiTest {

    @TempDir
    static Path dir;

    private final List<String> opened = new ArrayList<>();
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        MarkdownNodes nodes = new MarkdownNodes(new UiTexts(I18n.load(), Language.ENGLISH), opened::add);
        root.getChildren().add(nodes.render(new SafeMarkdown().parse(
                "See the [guide](https://vendor.example/guide) or [this](javascript:alert(1)).\n\n<b>bold?</b>")));
        stage.setScene(new Scene(root, 800, 400));
        stage.show();
    }

    @Test
    void onlySafeLinksAreClickableAndShowTheirUrl(FxRobot robot) {
        List<Hyperlink> links = robot.lookup(".md-link").queryAllAs(Hyperlink.class).stream().toList();
        assertThat(links).extracting(Hyperlink::getText).containsExactly("guide");
        assertThat(opened).as("nothing opens by itself").isEmpty();
        List<String> texts = robot.lookup(".md-text").queryAllAs(Text.class).stream().map(Text::getText).toList();
        assertThat(texts).contains(" (https://vendor.example/guide)").anyMatch(t -> t.contains("this"));
        assertThat(String.join("", texts)).doesNotContain("javascript").doesNotContain("<b>");
        robot.clickOn("guide");
        assertThat(opened).containsExactly("https://vendor.example/guide");
    }

    @Test
    void theDesktopOpenerPassesTheUrlAsOneArgumentAndRefusesOtherSchemes() throws Exception {
        Path record = dir.resolve("opened.txt");
        Path script = dir.resolve("fake-xdg-open");
        Files.writeString(script, "#!/bin/sh\nprintf '%s|%s\\n' \"$#\" \"$1\" >> '" + record + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        XdgLinkOpener opener = new XdgLinkOpener(new DirectTaskExecutor(e -> { }), script.toString());
        opener.open("javascript:alert(1)");
        opener.open("file:///etc/passwd");
        opener.open("https://vendor.example/a?b=c&d=$(reboot)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(record));
        assertThat(Files.readAllLines(record)).containsExactly("1|https://vendor.example/a?b=c&d=$(reboot)");
    }
}
