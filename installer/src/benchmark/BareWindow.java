import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Startup baseline for measure-startup.sh: the smallest JavaFX window, started the way the app
 * starts (Platform.startup on the class path), with a label in Chinese so the CJK font is loaded
 * as in the app. Not part of the product.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("Bare JavaFX window");
            stage.setScene(new Scene(new StackPane(new Label("Bare JavaFX window 裸視窗")), 1024, 700));
            stage.show();
        });
    }
}
