package org.iepmp.app.gui.repositories;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.files.FileChoosers;
import javafx.stage.Window;
import org.iepmp.app.gui.common.DialogFit;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.NamedCell;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;

/**
 * Add / edit one repository, with live validation and "Test connection". The secret field is
 * masked; when editing it stays empty and an empty field keeps the stored secret.
 */
final class RepositoryDialog extends Dialog<RepositoryForm> {

    private final FileChoosers choosers;

    RepositoryDialog(RepositoryForm form, RepositoriesViewModel model, UiTexts texts, FileChoosers choosers, Window owner) {
        this.choosers = choosers;
        initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        setTitle(texts.get(form.editing() ? "app.repositories.edit.title" : "app.repositories.add.title"));
        setResizable(true);
        GridPane grid = fields(form, model, texts);
        Label problems = problemsLabel(form, texts);
        Label verdict = verdictLabel(model, texts);
        VBox content = new VBox(10, grid, problems);
        // The test's verdict heads the dialog, above the scrolling form: seen without scrolling after "Test connection".
        verdict.getStyleClass().add("repository-verdict");
        verdict.setPadding(new javafx.geometry.Insets(8, 12, 0, 12));
        verdict.managedProperty().bind(verdict.textProperty().isNotEmpty());
        verdict.visibleProperty().bind(verdict.managedProperty());
        getDialogPane().setHeader(verdict);
        content.getStyleClass().add("repository-form");
        // 620 px at 100 %: computed from the form's font, so it grows with the zoom.
        content.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> 44 * verdict.getFont().getSize(),
                verdict.fontProperty()));
        // At large zoom the form is taller than a 600 px screen: it scrolls, the buttons stay in view.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("section-scroll");
        getDialogPane().setContent(scroll);
        DialogFit.keepOnScreen(this, owner);
        buttons(form, model, texts, problems);
    }

    /** One row per setting; what the transport or authentication makes irrelevant is disabled. */
    private GridPane fields(RepositoryForm form, RepositoriesViewModel model, UiTexts texts) {
        EnumTexts names = new EnumTexts(texts);
        TextField name = new TextField();
        name.setId("repo-name");
        name.textProperty().bindBidirectional(form.nameProperty());
        name.setDisable(form.editing());
        TextField location = new TextField();
        location.setId("repo-location");
        location.textProperty().bindBidirectional(form.locationProperty());
        location.promptTextProperty().bind(texts.bind("app.repositories.form.locationExample"));
        ComboBox<Transport> transport = combo("repo-transport", List.of(Transport.values()), names::transport,
                form.transportProperty());
        ComboBox<RepositoryType> type = combo("repo-type", List.of(RepositoryType.values()), names::type, form.typeProperty());
        ComboBox<Origin> origin = combo("repo-origin", List.of(Origin.values()), names::origin, form.originProperty());
        ComboBox<AuthMethod> auth = combo("repo-auth", List.of(AuthMethod.values()), names::auth, form.authProperty());
        TextField username = new TextField();
        username.setId("repo-username");
        username.textProperty().bindBidirectional(form.usernameProperty());
        username.disableProperty().bind(form.authProperty().isNotEqualTo(AuthMethod.BASIC));
        PasswordField secret = new PasswordField();
        secret.setId("repo-secret");
        secret.textProperty().bindBidirectional(form.secretProperty());
        secret.disableProperty().bind(form.authProperty().isEqualTo(AuthMethod.NONE));
        if (form.editing()) {
            secret.setPromptText(texts.get("app.repositories.form.secretKept"));
        }
        TextField gitRef = new TextField();
        gitRef.textProperty().bindBidirectional(form.gitRefProperty());
        gitRef.disableProperty().bind(form.transportProperty().isNotEqualTo(Transport.GIT));
        CheckBox enabled = new CheckBox();
        enabled.selectedProperty().bindBidirectional(form.enabledProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, label(texts, "app.repositories.form.name"), name);
        grid.addRow(row++, label(texts, "app.repositories.form.transport"), transport);
        grid.addRow(row++, label(texts, "app.repositories.form.location"), locationRow(form, model, location, texts));
        grid.addRow(row++, label(texts, "app.repositories.form.type"), type);
        grid.addRow(row++, label(texts, "app.repositories.form.origin"), origin);
        grid.addRow(row++, label(texts, "app.repositories.form.auth"), auth);
        grid.addRow(row++, label(texts, "app.repositories.form.username"), username);
        grid.addRow(row++, label(texts, "app.repositories.form.secret"), secret);
        grid.addRow(row++, label(texts, "app.repositories.form.ca"), caRow(form, texts));
        grid.addRow(row++, label(texts, "app.repositories.form.gitRef"), gitRef);
        grid.addRow(row, label(texts, "app.repositories.form.enabled"), enabled);
        for (javafx.scene.Node node : List.of(name, location, transport, type, origin, auth, username, secret, gitRef)) {
            GridPane.setHgrow(node, Priority.ALWAYS);
            if (node instanceof javafx.scene.control.Control control) {
                control.setMaxWidth(Double.MAX_VALUE);
            }
        }
        return grid;
    }

    /**
     * The location, typed or (for a folder: a USB stick, a mounted share) chosen with Browse; the format is
     * detected from what is there whenever the location or transport changes.
     */
    private HBox locationRow(RepositoryForm form, RepositoriesViewModel model, TextField location, UiTexts texts) {
        Button browse = new Button(texts.get("app.repositories.form.browse"));
        browse.setId("repo-location-browse");
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        browse.disableProperty().bind(form.transportProperty().isNotEqualTo(Transport.DIR));
        browse.setOnAction(e -> choosers.folder("app.repositories.form.browseTitle", getDialogPane().getScene().getWindow())
                .ifPresent(folder -> form.locationProperty().set(folder.toAbsolutePath().toString())));
        form.locationProperty().addListener(o -> model.detectFormat(form));
        form.transportProperty().addListener(o -> model.detectFormat(form));
        HBox.setHgrow(location, Priority.ALWAYS);
        return new HBox(8, location, browse);
    }

    /** The CA certificate's path, typed or chosen. */
    private HBox caRow(RepositoryForm form, UiTexts texts) {
        TextField ca = new TextField();
        ca.setId("repo-ca");
        ca.textProperty().bindBidirectional(form.caCertificateProperty());
        Button chooseCa = new Button(texts.get("app.repositories.form.chooseFile"));
        chooseCa.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        chooseCa.setId("repo-ca-browse");
        chooseCa.setOnAction(e -> choosers.openFile("app.repositories.form.chooseFile", getDialogPane().getScene().getWindow())
                .ifPresent(file -> form.caCertificateProperty().set(file.toAbsolutePath().toString())));
        HBox.setHgrow(ca, Priority.ALWAYS);
        return new HBox(8, ca, chooseCa);
    }

    /** What is wrong with the form, checked as the technician types; empty when it can be saved. */
    private static Label problemsLabel(RepositoryForm form, UiTexts texts) {
        Label problems = new Label();
        problems.setId("repo-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add(Styles.DANGER);
        Runnable validate = () -> problems.setText(String.join("\n",
                form.problems().stream().map(texts::get).toList()));
        for (javafx.beans.Observable field : List.of(form.nameProperty(), form.locationProperty(),
                form.transportProperty(), form.authProperty(), form.usernameProperty(), form.secretProperty())) {
            field.addListener(o -> validate.run());
        }
        validate.run();
        return problems;
    }

    private static Label verdictLabel(RepositoriesViewModel model, UiTexts texts) {
        Label verdict = new Label();
        verdict.setId("repo-test-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(Bindings.createStringBinding(() -> {
            RepositoriesViewModel.TestVerdict test = model.lastTestProperty().get();
            if (test == null) {
                return model.busyProperty().get() ? texts.get("app.repositories.test.running") : "";
            }
            return RepositoryStatusText.verdict(test, texts);
        }, model.lastTestProperty(), model.busyProperty(), texts.messagesProperty()));
        return verdict;
    }

    /** Test connection (keeps the dialog open), Save (only without problems), Cancel. */
    private void buttons(RepositoryForm form, RepositoriesViewModel model, UiTexts texts, Label problems) {
        ButtonType test = new ButtonType(texts.get("app.repositories.action.test"), ButtonBar.ButtonData.LEFT);
        ButtonType save = new ButtonType(texts.get("app.repositories.action.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("app.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(test, save, cancel);
        Button testButton = (Button) getDialogPane().lookupButton(test);
        testButton.setId("repo-test");
        // The test button must not close the dialog.
        testButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            if (form.problems().isEmpty()) {
                model.test(form);
            }
        });
        for (ButtonType shown : getDialogPane().getButtonTypes()) {
            // The buttons keep their words at any zoom (the form is what scrolls).
            Button button = (Button) getDialogPane().lookupButton(shown);
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            // Uniform size would give every button the width the bar can spare, cutting the longest.
            ButtonBar.setButtonUniformSize(button, false);
        }
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("repo-save");
        saveButton.disableProperty().bind(problems.textProperty().isNotEmpty());
        setResultConverter(button -> button == save ? form : null);
    }

    private static <T> ComboBox<T> combo(String id, List<T> items, java.util.function.Function<T, String> name,
                                         javafx.beans.property.Property<T> value) {
        ComboBox<T> box = combo(items, name);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static <T> ComboBox<T> combo(List<T> items, java.util.function.Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setCellFactory(list -> new NamedCell<>(name));
        box.setButtonCell(new NamedCell<>(name));
        return box;
    }

    private static Label label(UiTexts texts, String key) {
        Label label = new Label();
        label.textProperty().bind(texts.bind(key));
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }
}
