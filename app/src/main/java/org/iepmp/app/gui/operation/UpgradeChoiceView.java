package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.UiTexts;

/**
 * The update wizard's first page: every version of the package (newer and older), each as
 * "installed → version" with its risk hints; the chosen one's origin and release notes beside.
 */
public final class UpgradeChoiceView extends HBox {

    private final UiTexts texts;
    private final UpgradeOffer offer;

    /** @param resources what the chosen version does to the resources, worked out in the background */
    public UpgradeChoiceView(UpgradeOffer offer, ObjectProperty<UpgradeChoice> choice,
                             ObservableValue<ResourcePreview> resources, UiTexts texts) {
        this.texts = texts;
        this.offer = offer;
        setId("wizard-choose");
        setSpacing(12);
        ListView<UpgradeChoice> list = versionList(choice);
        HBox.setHgrow(list, Priority.SOMETIMES);
        VBox detail = new VBox(8, originLabel(), riskLabel(choice), resourceLabel(resources), notesTitle(choice),
                notesLabel(choice));
        detail.setPadding(new Insets(4, 8, 4, 4));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setId("wizard-choose-detail");
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(360);
        scroll.setMinWidth(220);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(list, scroll);
    }

    /** Every offered version with its hints; choosing one sets the flow's choice. */
    private ListView<UpgradeChoice> versionList(ObjectProperty<UpgradeChoice> choice) {
        ListView<UpgradeChoice> list = new ListView<>();
        list.setId("wizard-choose-list");
        list.getItems().setAll(offer.choices());
        list.setPrefWidth(420);
        list.setMinWidth(260);
        list.setCellFactory(view -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
                // Two lines (version, hints) at any zoom: in em, so it grows with the font.
                setStyle("-fx-min-height: 3.8em;");
            }

            @Override
            protected void updateItem(UpgradeChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : OperationTexts.versions(offer.installedVersion(), item.version()) + "\n" + hints(item));
            }
        });
        if (choice.get() != null) {
            list.getSelectionModel().select(choice.get());
            list.scrollTo(choice.get());
        }
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, value) -> {
            if (value != null) {
                choice.set(value);
            }
        });
        texts.messagesProperty().addListener((obs, old, value) -> list.refresh());
        return list;
    }

    private Label originLabel() {
        Label origin = Labels.wrapping("wizard-choose-origin");
        origin.textProperty().bind(Bindings.createStringBinding(() -> texts.get("wizard.choose.origin",
                offer.origin() == null ? texts.get("wizard.choose.origin.unknown") : new EnumTexts(texts).origin(offer.origin())),
                texts.messagesProperty()));
        return origin;
    }

    private Label riskLabel(ObjectProperty<UpgradeChoice> choice) {
        Label risk = Labels.wrapping("wizard-choose-risk");
        risk.getStyleClass().add(Styles.TEXT_BOLD);
        risk.textProperty().bind(Bindings.createStringBinding(() -> choice.get() == null ? "" : riskSentence(choice.get()),
                choice, texts.messagesProperty()));
        return risk;
    }

    /** What the chosen version does to the resources; in danger colour when it removes any. */
    private Label resourceLabel(ObservableValue<ResourcePreview> resources) {
        Label resourceRisk = Labels.wrapping("wizard-choose-resources");
        OperationTexts words = new OperationTexts(texts);
        resourceRisk.textProperty().bind(Bindings.createStringBinding(() -> words.resourceSentence(resources.getValue()),
                resources, texts.messagesProperty()));
        resources.addListener((obs, old, preview) -> {
            resourceRisk.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_BOLD);
            if (preview != null && !preview.removed().isEmpty()) {
                resourceRisk.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
            }
        });
        return resourceRisk;
    }

    private Label notesTitle(ObjectProperty<UpgradeChoice> choice) {
        Label notesTitle = Labels.wrapping("wizard-choose-notes-title");
        notesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        notesTitle.textProperty().bind(Bindings.createStringBinding(() -> choice.get() == null ? ""
                : texts.get("wizard.choose.notes", choice.get().version()), choice, texts.messagesProperty()));
        return notesTitle;
    }

    private Label notesLabel(ObjectProperty<UpgradeChoice> choice) {
        Label notes = Labels.wrapping("wizard-choose-notes");
        notes.textProperty().bind(Bindings.createStringBinding(() -> choice.get() == null ? ""
                : choice.get().notes().isBlank() ? texts.get("wizard.choose.notes.none") : choice.get().notes().strip(),
                choice, texts.messagesProperty()));
        return notes;
    }

    /** The short hint line under a version in the list. */
    private String hints(UpgradeChoice item) {
        return hints(texts, offer, item);
    }

    /** The short hint line of a version ("minor update · 1 dependency changes · recommended"). */
    static String hints(UiTexts texts, UpgradeOffer offer, UpgradeChoice item) {
        List<String> parts = new ArrayList<>();
        if (item.version().equals(offer.installedVersion())) {
            parts.add(texts.get("wizard.choose.hint.installed"));
        } else if (item.downgrade()) {
            parts.add(texts.get("wizard.choose.hint.downgrade"));
        } else {
            parts.add(texts.get(item.majorChange() ? "wizard.choose.hint.major" : "wizard.choose.hint.minor"));
        }
        if (!item.dependencyChanges().isEmpty()) {
            parts.add(texts.get("wizard.choose.hint.dependencies", item.dependencyChanges().size()));
        }
        if (item.deprecated()) {
            parts.add(texts.get("wizard.choose.hint.deprecated"));
        }
        if (item.recommended()) {
            parts.add(texts.get("wizard.choose.hint.recommended"));
        }
        return String.join(" · ", parts);
    }

    /** The risk of the chosen version, in a sentence or three. */
    private String riskSentence(UpgradeChoice item) {
        List<String> lines = new ArrayList<>();
        if (item.version().equals(offer.installedVersion())) {
            lines.add(texts.get("wizard.choose.risk.same"));
        } else if (item.downgrade()) {
            lines.add(texts.get("wizard.choose.risk.downgrade", offer.installedVersion(), item.version()));
        } else if (item.majorChange()) {
            lines.add(texts.get("wizard.choose.risk.major", offer.installedVersion(), item.version()));
        } else if (!item.deprecated()) {
            // Never "the safer choice" for a version its publisher warns against.
            lines.add(texts.get("wizard.choose.risk.minor"));
        }
        if (!item.dependencyChanges().isEmpty()) {
            lines.add(texts.get("wizard.choose.risk.dependencies", String.join(", ", item.dependencyChanges())));
        }
        if (item.deprecated()) {
            lines.add(texts.get("wizard.choose.risk.deprecated", item.version()));
        }
        return String.join("\n", lines);
    }

}
