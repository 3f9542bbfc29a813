package org.iepmp.app.gui.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.iepmp.app.gui.common.DialogFit;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;

/**
 * The app's own file and folder chooser: sized to the window it belongs to (the toolkit's chooser opened
 * larger than a 1024×600 screen, its Save button off-screen, in the program's folder), with touch-sized
 * rows, USB sticks and mounted shares first, opening where the last choice was made. Folders are read in
 * the background.
 */
public final class FileChooserSheet extends Dialog<Path> {

    /** What is chosen. */
    public enum Mode { OPEN_FILE, SAVE_FILE, FOLDER }

    private final Mode mode;
    private final UiTexts texts;
    private final TaskExecutor executor;
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ListView<FolderListing.Entry> entries = new ListView<>();
    private final TextField fileName = new TextField();
    private final Label problem = new Label();

    FileChooserSheet(Mode mode, String title, String suggestedName, UiTexts texts, TaskExecutor executor,
                     ChooserPlaces places, ChooserMemory memory, Window owner) {
        this.mode = mode;
        this.texts = texts;
        this.executor = executor;
        initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        setTitle(title);
        setResizable(true);
        getDialogPane().setId("file-chooser");
        ListView<Path> placeList = placeList(places);
        VBox main = new VBox(8, pathRow(), entryList());
        VBox.setVgrow(entries, Priority.ALWAYS);
        fileName.setId("chooser-file-name");
        fileName.setText(suggestedName == null ? "" : suggestedName);
        if (mode == Mode.SAVE_FILE) {
            Label nameLabel = new Label(texts.get("app.chooser.fileName"));
            nameLabel.setMinWidth(Region.USE_PREF_SIZE);
            HBox nameRow = new HBox(8, nameLabel, fileName);
            nameRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            HBox.setHgrow(fileName, Priority.ALWAYS);
            main.getChildren().add(nameRow);
        }
        problem.setId("chooser-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        main.getChildren().add(problem);
        HBox content = new HBox(12, placeList, main);
        HBox.setHgrow(main, Priority.ALWAYS);
        content.setPadding(new Insets(4));
        // 46 × 28 em: a usable size at any zoom; DialogFit keeps it inside the window it belongs to.
        content.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> 46 * problem.getFont().getSize(),
                problem.fontProperty()));
        content.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> 28 * problem.getFont().getSize(),
                problem.fontProperty()));
        content.setMinSize(0, 0);
        getDialogPane().setContent(content);
        buttons();
        DialogFit.keepOnScreen(this, owner);
        executor.execute(BackgroundTask.of(context -> new Start(memory.lastFolder().orElse(places.home()), places.list()))
                .onSuccess(start -> {
                    placeList.getItems().setAll(start.places());
                    open(start.folder());
                }).onFailure(error -> problem.setText(texts.get("app.chooser.unreadable", String.valueOf(places.home())))));
        setResultConverter(button -> button != null && button.getButtonData() == ButtonBar.ButtonData.OK_DONE
                ? chosen().orElse(null) : null);
        setOnHidden(e -> {
            if (getResult() != null) {
                memory.remember(mode == Mode.FOLDER ? getResult() : getResult().getParent());
            }
        });
    }

    private record Start(Path folder, List<Path> places) {
    }

    /** The places: mounted media and shares first, then home. */
    private ListView<Path> placeList(ChooserPlaces places) {
        ListView<Path> list = new ListView<>();
        list.setId("chooser-places");
        list.setMinWidth(0);
        list.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> 13 * problem.getFont().getSize(),
                problem.fontProperty()));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.equals(places.home()) ? texts.get("app.chooser.place.home")
                        : item.getFileName() == null ? item.toString() : item.getFileName().toString());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, value) -> {
            if (value != null) {
                open(value);
            }
        });
        return list;
    }

    private HBox pathRow() {
        Button up = new Button(texts.get("app.chooser.up"));
        up.setId("chooser-up");
        up.setMinWidth(Region.USE_PREF_SIZE);
        up.disableProperty().bind(Bindings.createBooleanBinding(() -> folder.get() == null || folder.get().getParent() == null,
                folder));
        up.setOnAction(e -> open(folder.get().getParent()));
        Label where = new Label();
        where.setId("chooser-folder");
        where.setWrapText(true);
        where.textProperty().bind(Bindings.createStringBinding(() -> folder.get() == null ? "" : folder.get().toString(),
                folder));
        HBox row = new HBox(8, up, where);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private ListView<FolderListing.Entry> entryList() {
        entries.setId("chooser-entries");
        entries.setPlaceholder(new Label(texts.get("app.chooser.empty")));
        entries.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(FolderListing.Entry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.folder() ? "📁 " + item.name() : item.name());
            }
        });
        entries.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                enterSelected();
            }
        });
        entries.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                enterSelected();
                e.consume();
            }
        });
        entries.getSelectionModel().selectedItemProperty().addListener((obs, old, value) -> {
            if (value != null && !value.folder() && mode == Mode.SAVE_FILE) {
                fileName.setText(value.name());
            }
        });
        return entries;
    }

    /** A folder opens; a file in "open" mode is the choice. */
    private void enterSelected() {
        FolderListing.Entry entry = entries.getSelectionModel().getSelectedItem();
        if (entry == null) {
            return;
        }
        if (entry.folder()) {
            open(entry.path());
        } else if (mode == Mode.OPEN_FILE) {
            ((Button) getDialogPane().lookupButton(getDialogPane().getButtonTypes().get(0))).fire();
        }
    }

    private void open(Path target) {
        problem.setText("");
        executor.execute(BackgroundTask.of(context -> FolderListing.of(target, mode == Mode.FOLDER)).onSuccess(found -> {
            folder.set(target);
            entries.getItems().setAll(found);
        }).onFailure(error -> problem.setText(texts.get("app.chooser.unreadable", target.toString()))));
    }

    private Optional<Path> chosen() {
        Path current = folder.get();
        if (current == null) {
            return Optional.empty();
        }
        FolderListing.Entry selected = entries.getSelectionModel().getSelectedItem();
        return switch (mode) {
            case FOLDER -> Optional.of(selected != null && selected.folder() ? selected.path() : current);
            case OPEN_FILE -> Optional.ofNullable(selected).filter(e -> !e.folder()).map(FolderListing.Entry::path);
            case SAVE_FILE -> Optional.of(fileName.getText().trim()).filter(n -> !n.isEmpty() && !n.contains("/"))
                    .map(current::resolve);
        };
    }

    private void buttons() {
        String okKey = switch (mode) {
            case OPEN_FILE -> "app.chooser.open";
            case SAVE_FILE -> "app.chooser.save";
            case FOLDER -> "app.chooser.choose";
        };
        ButtonType ok = new ButtonType(texts.get(okKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("app.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(ok, cancel);
        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId("chooser-ok");
        okButton.setMinWidth(Region.USE_PREF_SIZE);
        // Nothing to choose yet (a file not picked, a name not typed): the button says so by being disabled.
        okButton.disableProperty().bind(Bindings.createBooleanBinding(() -> chosen().isEmpty(), folder,
                entries.getSelectionModel().selectedItemProperty(), fileName.textProperty()));
        ((Button) getDialogPane().lookupButton(cancel)).setMinWidth(Region.USE_PREF_SIZE);
    }
}
