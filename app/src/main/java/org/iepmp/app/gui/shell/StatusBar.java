package org.iepmp.app.gui.shell;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.iepmp.app.gui.cluster.ClusterViewModel;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.settings.SettingsViewModel;
import org.iepmp.kube.api.ClusterCandidate;

/**
 * Bottom line of the window: the connected cluster and its state, the language and the zoom. What does not
 * fit (200 % on a 1024 px screen) moves to a second line rather than being cut.
 */
final class StatusBar extends FlowPane {

    StatusBar(ClusterViewModel cluster, SettingsViewModel settings, UiTexts texts) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setHgap(16);
        setVgap(2);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));

        Label dot = new Label("●");
        dot.setId("status-dot");
        cluster.stateProperty().addListener((obs, old, state) -> styleDot(dot, state));
        styleDot(dot, cluster.stateProperty().get());

        Label clusterText = new Label();
        clusterText.setId("status-cluster");
        clusterText.textProperty().bind(Bindings.createStringBinding(() -> {
            ClusterCandidate connected = cluster.connectedCandidateProperty().get();
            String state = texts.get(cluster.stateProperty().get().labelKey());
            if (connected == null) {
                return texts.get("shell.status.clusterNone", state);
            }
            String name = connected.context().isEmpty() ? connected.server() : connected.context();
            return texts.get("shell.status.cluster", name, state);
        }, cluster.stateProperty(), cluster.connectedCandidateProperty(), texts.messagesProperty()));
        clusterText.setMinWidth(Region.USE_PREF_SIZE);

        Label language = new Label();
        language.setId("status-language");
        language.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("shell.status.language", texts.language().nativeName()), texts.messagesProperty()));
        Label zoom = new Label();
        zoom.setId("status-zoom");
        zoom.textProperty().bind(texts.bind("shell.status.zoom", settings.zoomPercentProperty()));
        language.setMinWidth(Region.USE_PREF_SIZE);
        zoom.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(dot, clusterText, language, zoom);
    }

    private static void styleDot(Label dot, ConnectionState state) {
        dot.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
        switch (state) {
            case CONNECTED -> dot.getStyleClass().add(Styles.SUCCESS);
            case FAILED -> dot.getStyleClass().add(Styles.DANGER);
            case CONNECTING, SEARCHING -> dot.getStyleClass().add(Styles.WARNING);
            default -> { }
        }
    }
}
