package org.iepmp.app.gui.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.Appearance;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.settings.Theme;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.LifecycleEngine;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.ProgressListener;
import org.iepmp.lifecycle.api.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The result page after a failure that was rolled back automatically, and the check page with a
 * warning, rendered from engine answers (no cluster): the plain-words sentence, what was restored,
 * what to do next, the warning's consent box — in English and Traditional Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class OperationPagesUiTest {

    private final UiTexts texts = new UiTexts(I18n.load(), Language.ENGLISH);
    private final SimpleObjectProperty<OperationResult> result = new SimpleObjectProperty<>();
    private PreflightModel preflight;
    private StackPane root;

    @Start
    void start(Stage stage) {
        LifecycleEngine warns = new LifecycleEngine() {
            @Override
            public Plan plan(OperationRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<PreflightResult> preflight(Plan plan) {
                return List.of(new PreflightResult("lock", PreflightStatus.PASS, "lifecycle.preflight.lockFree", List.of()),
                        new PreflightResult("images", PreflightStatus.WARN, "lifecycle.preflight.imagesMissingAirGapped",
                                List.of("registry.iepmp.example/practice/line-monitor:1.2.0")));
            }

            @Override
            public OperationResult apply(Plan plan, List<PreflightResult> accepted, ProgressListener listener,
                    CancellationSignal cancellation) {
                throw new UnsupportedOperationException();
            }
        };
        preflight = new PreflightModel(warns, new DirectTaskExecutor(error -> { }));
        root = new StackPane();
        root.setId("pages-root");
        root.setPadding(new javafx.geometry.Insets(16));
        new Appearance().applyTheme(Theme.LIGHT);
        stage.setScene(new Scene(root, 900, 560));
        stage.show();
    }

    @Test
    void failureResultAndWarningsReadPlainlyInBothLanguages(FxRobot robot) throws Exception {
        for (Language language : List.of(Language.ENGLISH, Language.TRADITIONAL_CHINESE)) {
            robot.interact(() -> {
                texts.setLanguage(language);
                new Appearance().applyFontAndZoom(root, language, 100);
                result.set(null);
                root.getChildren().setAll(new ResultView(result, texts));
                result.set(new OperationResult(12, OperationOutcome.ROLLED_BACK,
                        List.of(new StepResult(1, OperationAction.UPGRADE, "line-monitor", OperationOutcome.FAILED,
                                "VERIFICATION_FAILED")),
                        List.of(new StepResult(1, OperationAction.ROLLBACK, "line-monitor", OperationOutcome.SUCCEEDED, null)),
                        "VERIFICATION_FAILED", "lifecycle.result.rolledBack", List.of("line-monitor", "v1.2.0+1",
                                "line-monitor v1.1.0+1")));
            });
            WaitForAsyncUtils.waitForFxEvents();
            String title = robot.lookup("#ops-result-title").queryAs(Label.class).getText();
            String sentence = robot.lookup("#ops-result-sentence").queryAs(Label.class).getText();
            String restored = robot.lookup("#ops-result-restored").queryAs(Label.class).getText();
            String next = robot.lookup("#ops-result-next").queryAs(Label.class).getText();
            if (language == Language.ENGLISH) {
                assertThat(title).isEqualTo("It failed, and the previous state was restored");
                assertThat(sentence).isEqualTo("line-monitor v1.2.0+1 failed; the previous state was restored: line-monitor v1.1.0+1.");
                assertThat(restored).contains("Restored automatically:").contains("1. Roll back line-monitor: Succeeded");
                assertThat(next).startsWith("Next: the package runs as before.");
            } else {
                assertThat(title).isEqualTo("操作失敗，已還原先前狀態");
                assertThat(sentence).contains("line-monitor v1.2.0+1 失敗");
                assertThat(restored).contains("已自動還原：").contains("回復 line-monitor");
                assertThat(next).startsWith("下一步：套件照舊運作。");
            }
            shoot(robot, "result-rolled-back-" + language.tag());

            robot.interact(() -> {
                root.getChildren().setAll(new PreflightView(preflight, texts, new ErrorPresenter()));
                preflight.check(new Plan(new OperationRequest(OperationAction.UPGRADE, "line-monitor", "v1.2.0+1", null,
                        "line-monitor", null, null, new org.iepmp.lifecycle.api.Actor("tech", null), null), List.of(),
                        Instant.EPOCH));
            });
            WaitForAsyncUtils.waitForFxEvents();
            CheckBox accept = robot.lookup("#ops-preflight-accept").queryAs(CheckBox.class);
            assertThat(accept.isVisible()).isTrue();
            assertThat(preflight.canConfirmProperty().get()).isFalse();
            robot.clickOn("#ops-reason").write("CHG");
            assertThat(preflight.canConfirmProperty().get()).as("the warning is not accepted yet").isFalse();
            robot.clickOn(accept);
            assertThat(preflight.canConfirmProperty().get()).isTrue();
            assertThat(robot.lookup(language == Language.ENGLISH ? "Warning" : "警告").tryQuery()).isPresent();
            shoot(robot, "check-warning-" + language.tag());
        }
    }

    /** With {@code -Diepmp.screenshots=DIR}, writes the window as a PNG for docs/screenshots. */
    private void shoot(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("iepmp.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = root.getScene().snapshot(null));
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage((int) shot[0].getWidth(),
                (int) shot[0].getHeight(), java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, shot[0].getPixelReader().getArgb(x, y));
            }
        }
        java.nio.file.Files.createDirectories(Path.of(dir));
        javax.imageio.ImageIO.write(image, "png", Path.of(dir, name + ".png").toFile());
    }
}
