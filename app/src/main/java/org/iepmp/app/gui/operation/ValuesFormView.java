package org.iepmp.app.gui.operation;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.catalog.api.ValueDefinition;

/**
 * The generated values form: namespace, one control per value definition (text, number,
 * options, a toggle switch for booleans, a masked field for secrets) with its required marker,
 * description and live problem, and the collapsed "Advanced" YAML editor. Binds only.
 */
public final class ValuesFormView extends ScrollPane {

    static final double TOUCH = 44;

    private final UiTexts texts;

    public ValuesFormView(ValuesFormModel model, UiTexts texts) {
        this.texts = texts;
        setId("ops-form");
        setFitToWidth(true);
        VBox content = new VBox(12);
        content.setPadding(new Insets(4, 12, 12, 4));

        TextField namespace = new TextField();
        namespace.setId("ops-namespace");
        namespace.setMinHeight(TOUCH);
        namespace.textProperty().bindBidirectional(model.namespaceProperty());
        namespace.setEditable(model.namespaceEditable());
        namespace.setFocusTraversable(model.namespaceEditable());
        content.getChildren().add(block(label("ops.form.namespace", true, namespace), namespace,
                texts.bind("ops.form.namespace.hint"), model.namespaceProblemProperty(), "ops-namespace-problem"));

        if (model.fields().isEmpty()) {
            Label none = new Label();
            none.setWrapText(true);
            none.setMinHeight(Region.USE_PREF_SIZE);
            none.getStyleClass().add(Styles.TEXT_MUTED);
            none.textProperty().bind(texts.bind("ops.form.noFields"));
            content.getChildren().add(none);
        }
        for (FieldModel field : model.fields()) {
            Node control = control(field);
            ValueDefinition definition = field.definition();
            ObservableValue<String> hint = definition.description() == null || definition.description().isBlank()
                    ? null : Bindings.createStringBinding(definition::description);
            Label name = label(field.label(), field.required(), control);
            Node header = model.newIn(field.name()).<Node>map(version -> withBadge(name, field.name(), version)).orElse(name);
            content.getChildren().add(block(header, control, hint, field.problemProperty(), "ops-problem-" + field.name()));
        }

        TextArea yaml = new TextArea();
        yaml.setId("ops-yaml");
        yaml.setPrefRowCount(10);
        yaml.setStyle("-fx-font-family: monospace;");
        yaml.textProperty().bindBidirectional(model.yamlProperty());
        Label yamlHint = new Label();
        yamlHint.setWrapText(true);
        yamlHint.setMinHeight(Region.USE_PREF_SIZE);
        yamlHint.getStyleClass().add(Styles.TEXT_MUTED);
        yamlHint.textProperty().bind(texts.bind(model.packageSettings() ? "ops.form.advanced.settingsHint" : "ops.form.advanced.hint"));
        Label yamlProblem = problemLabel(model.yamlProblemProperty(), "ops-yaml-problem");
        TitledPane advanced = new TitledPane();
        advanced.setId("ops-advanced");
        advanced.textProperty().bind(texts.bind(model.packageSettings() ? "ops.form.advanced.chartValues" : "ops.form.advanced"));
        advanced.setContent(new VBox(6, yamlHint, yaml, yamlProblem));
        advanced.setExpanded(false);
        advanced.setAnimated(false);
        advanced.setMinHeight(Region.USE_PREF_SIZE);
        content.getChildren().add(advanced);
        setContent(content);
    }

    private Node control(FieldModel field) {
        String id = "ops-field-" + field.name();
        ValueDefinition definition = field.definition();
        switch (definition.type()) {
            case BOOLEAN -> {
                ToggleSwitch toggle = new ToggleSwitch();
                toggle.setId(id);
                toggle.setMinHeight(TOUCH);
                toggle.selectedProperty().bindBidirectional(field.checkedProperty());
                toggle.textProperty().bind(Bindings.createStringBinding(() -> texts.get(field.checkedProperty().get()
                        ? "ops.form.on" : "ops.form.off"), field.checkedProperty(), texts.messagesProperty()));
                return toggle;
            }
            case OPTIONS -> {
                ComboBox<String> options = new ComboBox<>(FXCollections.observableArrayList(definition.options()));
                options.setId(id);
                options.setMinHeight(TOUCH);
                options.setMaxWidth(Double.MAX_VALUE);
                options.valueProperty().bindBidirectional(field.textProperty());
                return options;
            }
            default -> {
                TextField text = field.secret() ? new PasswordField() : new TextField();
                text.setId(id);
                text.setMinHeight(TOUCH);
                text.textProperty().bindBidirectional(field.textProperty());
                if (definition.defaultValue() != null && !field.secret()) {
                    text.setPromptText(definition.defaultValue());
                }
                return text;
            }
        }
    }

    private Label label(String keyOrText, boolean required, Node control) {
        Label label = new Label();
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setLabelFor(control);
        boolean isKey = keyOrText.startsWith("ops.");
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = isKey ? texts.get(keyOrText) : keyOrText;
            return required ? texts.get("ops.form.requiredLabel", text) : text;
        }, texts.messagesProperty()));
        return label;
    }

    /** A setting the installed version does not have: its label with a "new in v1.1.0" badge. */
    private Node withBadge(Label name, String fieldName, String version) {
        Label badge = new Label();
        badge.setId("ops-new-" + fieldName);
        badge.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        badge.setStyle("-fx-border-color: -color-accent-emphasis; -fx-border-radius: 8; -fx-padding: 1 8 1 8;");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.textProperty().bind(texts.bind("wizard.review.newSetting", version));
        javafx.scene.layout.HBox header = new javafx.scene.layout.HBox(8, name, badge);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return header;
    }

    private VBox block(Node label, Node control, ObservableValue<String> hint, ObservableValue<FieldProblem> problem,
                       String problemId) {
        VBox block = new VBox(4, label, control);
        if (hint != null) {
            Label hintLabel = new Label();
            hintLabel.setWrapText(true);
            hintLabel.setMinHeight(Region.USE_PREF_SIZE);
            hintLabel.getStyleClass().add(Styles.TEXT_MUTED);
            hintLabel.textProperty().bind(hint);
            block.getChildren().add(hintLabel);
        }
        block.getChildren().add(problemLabel(problem, problemId));
        return block;
    }

    private Label problemLabel(ObservableValue<FieldProblem> problem, String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.DANGER);
        label.textProperty().bind(Bindings.createStringBinding(() -> problem.getValue() == null ? ""
                : texts.get(problem.getValue().key(), problem.getValue().params().toArray()), problem, texts.messagesProperty()));
        label.visibleProperty().bind(problem.map(p -> true).orElse(false));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
