package org.iepmp.app.gui.support;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.iepmp.app.gui.common.UiTexts;

/** In screen-share mode: app version, cluster, user and time, so the vendor sees the context. */
public final class ScreenShareStrip extends HBox {

    public ScreenShareStrip(SupportViewModel model, UiTexts texts, String version, String user, Supplier<String> cluster) {
        setId("screen-share-strip");
        getStyleClass().add("screen-share-strip");
        setPadding(new Insets(4, 12, 4, 12));
        Label text = new Label();
        text.setId("screen-share-text");
        getChildren().add(text);
        Runnable render = () -> text.setText(texts.get("app.support.strip", version, cluster.get(), user,
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(texts.language().locale())
                        .withZone(ZoneId.systemDefault()).format(model.clock().instant())));
        Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> render.run()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        model.screenShareModeProperty().addListener((obs, old, on) -> {
            render.run();
            if (on) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
        visibleProperty().bind(model.screenShareModeProperty());
        managedProperty().bind(visibleProperty());
    }
}
