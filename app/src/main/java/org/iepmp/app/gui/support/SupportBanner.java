package org.iepmp.app.gui.support;

import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.support.api.SupportSession;

/** Always visible while a remote-support session runs: who may do what, time left, End now. */
public final class SupportBanner extends HBox {

    private final Timeline ticker;

    public SupportBanner(SupportViewModel model, UiTexts texts) {
        setId("support-banner");
        getStyleClass().add("support-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        setPadding(new Insets(6, 12, 6, 12));
        Label text = new Label();
        text.setId("support-banner-text");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button end = new Button();
        end.setId("support-end");
        end.textProperty().bind(texts.bind("app.support.session.endNow"));
        end.setOnAction(e -> model.endNow());
        end.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(text, end);

        Runnable render = () -> {
            SupportSession session = model.sessionProperty().get();
            if (session != null) {
                Duration left = model.remaining();
                String clock = String.format("%d:%02d", left.toMinutes(), left.toSecondsPart());
                text.setText(texts.get(session.allowControl() ? "app.support.banner.control" : "app.support.banner.view",
                        clock, session.peer().isBlank() ? "—" : session.peer()));
            }
        };
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> render.run()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        model.sessionProperty().addListener((obs, old, session) -> {
            render.run();
            if (session == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
        texts.messagesProperty().addListener((obs, old, value) -> render.run());
        visibleProperty().bind(model.sessionProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
