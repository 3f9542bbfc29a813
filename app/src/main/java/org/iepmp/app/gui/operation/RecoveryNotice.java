package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.lifecycle.api.Reconciliation;

/**
 * A bar (not a dialog: it blocks nothing) saying what the check of interrupted operations found
 * when the cluster was connected — e.g. "line-monitor was interrupted, but the cluster runs the new
 * version" — until the technician dismisses it.
 */
public final class RecoveryNotice extends HBox {

    public RecoveryNotice(ObservableList<Reconciliation> recovered, UiTexts texts) {
        this(recovered, texts, null);
    }

    /** @param resume opens the update wizard on the result page of the interrupted operation, or {@code null} */
    public RecoveryNotice(ObservableList<Reconciliation> recovered, UiTexts texts, Runnable resume) {
        setId("ops-recovery-notice");
        getStyleClass().add("recovery-notice");
        setSpacing(10);
        setPadding(new Insets(8, 16, 8, 16));
        setAlignment(Pos.CENTER_LEFT);
        setStyle("-fx-background-color: -color-warning-subtle;");
        Label text = new Label();
        text.setId("ops-recovery-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.textProperty().bind(Bindings.createStringBinding(() -> texts.get("ops.recovery.heading", recovered.size()) + "\n"
                + recovered.stream().map(r -> "• " + texts.get(r.sentenceKey(), r.params().toArray())
                        + (r.repairSuggested() ? " " + texts.get("ops.recovery.repair") : ""))
                        .collect(Collectors.joining("\n")), recovered, texts.messagesProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button();
        dismiss.setId("ops-recovery-dismiss");
        dismiss.setMinHeight(44);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.getStyleClass().add(Styles.FLAT);
        dismiss.textProperty().bind(texts.bind("ops.recovery.dismiss"));
        dismiss.setOnAction(e -> recovered.clear());
        getChildren().add(text);
        if (resume != null) {
            Button open = new Button();
            open.setId("ops-recovery-open");
            open.setMinHeight(44);
            open.setMinWidth(Region.USE_PREF_SIZE);
            open.getStyleClass().add(Styles.ACCENT);
            open.textProperty().bind(texts.bind("wizard.resumed.open"));
            open.setOnAction(e -> resume.run());
            getChildren().add(open);
        }
        getChildren().add(dismiss);
        visibleProperty().bind(Bindings.isNotEmpty(recovered));
        managedProperty().bind(visibleProperty());
    }
}
