package org.iepmp.app.gui.operation;

import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.lifecycle.api.StepRecord;

/** The recorded revisions a release can return to, newest first; the chosen one is the rollback target. */
public final class RevisionChoiceView extends VBox {

    public RevisionChoiceView(List<StepRecord> revisions, ObjectProperty<StepRecord> choice, UiTexts texts) {
        OperationTexts words = new OperationTexts(texts);
        setId("ops-choose");
        ListView<StepRecord> list = new ListView<>();
        list.setId("ops-choose-list");
        list.getItems().setAll(revisions);
        list.setFixedCellSize(48);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(StepRecord item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : texts.get("ops.choose.revision", item.toVersion(),
                        words.action(item.action()), texts.messages().formats().dateTime(item.startedAt(), ZoneId.systemDefault()),
                        item.operationId()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, value) -> choice.set(value));
        texts.messagesProperty().addListener((obs, old, value) -> list.refresh());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().add(list);
    }
}
