package org.iepmp.app.gui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.iepmp.app.gui.cluster.ClusterViewModel;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.UiTexts;

/** Always visible while connected to the practice cluster, so nobody mistakes it for the IPC. */
final class PracticeBanner extends HBox {

    PracticeBanner(ClusterViewModel cluster, UiTexts texts) {
        setId("practice-banner");
        getStyleClass().add("practice-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        setPadding(new Insets(6, 12, 6, 12));
        Labels labels = new Labels(texts);
        Label badge = labels.plain("shell.practice.badge");
        badge.getStyleClass().add("practice-badge");
        Label text = labels.paragraph("shell.practice.text");
        text.getStyleClass().remove("text-muted");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button leave = new Button();
        leave.setId("practice-leave");
        leave.textProperty().bind(texts.bind("shell.practice.leave"));
        leave.setOnAction(e -> cluster.leavePractice());
        leave.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(badge, text, leave);
        visibleProperty().bind(cluster.practiceProperty());
        managedProperty().bind(visibleProperty());
    }
}
