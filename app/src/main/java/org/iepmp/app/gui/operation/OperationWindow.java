package org.iepmp.app.gui.operation;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.UiTexts;

/**
 * Shows an operation flow in its own window, modal to the main window, with the main window's
 * theme, font and zoom (a new scene would otherwise fall back to boxes for Chinese text). The
 * window cannot be closed while the operation runs; closing it otherwise cancels the flow.
 */
public final class OperationWindow {

    private final UiTexts texts;
    private final ErrorPresenter presenter;
    private final ResultLinks links;

    public OperationWindow(UiTexts texts, ErrorPresenter presenter) {
        this(texts, presenter, null);
    }

    /** @param links where result pages lead (History entry, support bundle), or {@code null} */
    public OperationWindow(UiTexts texts, ErrorPresenter presenter, ResultLinks links) {
        this.texts = texts;
        this.presenter = presenter;
        this.links = links;
    }

    /** Opens the flow (on the FX thread); {@code onClosed} runs when its window closed. */
    public Stage open(Window owner, OperationFlowModel flow, Runnable onClosed) {
        OperationDialog dialog = new OperationDialog(flow, texts, presenter, links);
        Stage stage = stage(owner, dialog);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> new OperationTexts(texts)
                .flowTitle(flow.spec(), flow.upgradeChoiceProperty().get()), flow.upgradeChoiceProperty(), texts.messagesProperty()));
        stage.setOnCloseRequest(event -> {
            if (flow.progress().runningProperty().get()) {
                event.consume();
            } else {
                flow.cancel();
            }
        });
        flow.closeRequestedProperty().addListener((obs, old, close) -> {
            if (close) {
                stage.close();
            }
        });
        stage.setOnHidden(event -> onClosed.run());
        flow.start();
        stage.show();
        return stage;
    }

    /** Opens "Update all" (on the FX thread); {@code onClosed} runs when its window closed. */
    public Stage open(Window owner, UpdateRunModel run, Runnable onClosed) {
        UpdateRunDialog dialog = new UpdateRunDialog(run, texts, presenter, links);
        Stage stage = stage(owner, dialog);
        stage.titleProperty().bind(texts.bind("wizard.run.windowTitle"));
        stage.setOnCloseRequest(event -> {
            if (run.runningProperty().get()) {
                event.consume();
            } else {
                run.cancel();
            }
        });
        run.closeRequestedProperty().addListener((obs, old, close) -> {
            if (close) {
                stage.close();
            }
        });
        stage.setOnHidden(event -> onClosed.run());
        run.start();
        stage.show();
        return stage;
    }

    /** A window modal to the main window, with its theme, font and zoom (a new scene would otherwise fall back to boxes for Chinese text). */
    private static Stage stage(Window owner, javafx.scene.Parent dialog) {
        Stage stage = new Stage();
        Scene scene = new Scene(dialog, 900, 560);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
                if (owner.getScene().getRoot() != null) {
                    // The main window's font and zoom, followed while the window is open (Settings may change the zoom).
                    dialog.styleProperty().bind(owner.getScene().getRoot().styleProperty());
                    dialog.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().stream()
                            .filter(c -> !dialog.getStyleClass().contains(c)).toList());
                }
            }
        }
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        return stage;
    }
}
