package org.iepmp.app.gui.files;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.task.TaskExecutor;

/** Opens the app's own chooser; one per window, so every chooser starts where the last one ended. */
public final class FileChoosers {

    private final UiTexts texts;
    private final TaskExecutor executor;
    private final ChooserPlaces places;
    private final ChooserMemory memory = new ChooserMemory();

    public FileChoosers(UiTexts texts, TaskExecutor executor, ChooserPlaces places) {
        this.texts = texts;
        this.executor = executor;
        this.places = places;
    }

    public Optional<Path> saveFile(String titleKey, String suggestedName, Window owner) {
        return show(FileChooserSheet.Mode.SAVE_FILE, titleKey, suggestedName, owner);
    }

    public Optional<Path> openFile(String titleKey, Window owner) {
        return show(FileChooserSheet.Mode.OPEN_FILE, titleKey, null, owner);
    }

    public Optional<Path> folder(String titleKey, Window owner) {
        return show(FileChooserSheet.Mode.FOLDER, titleKey, null, owner);
    }

    private Optional<Path> show(FileChooserSheet.Mode mode, String titleKey, String suggestedName, Window owner) {
        return new FileChooserSheet(mode, texts.get(titleKey), suggestedName, texts, executor, places, memory, owner)
                .showAndWait();
    }
}
