package org.iepmp.app.gui.settings;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.iepmp.app.settings.Settings;
import org.iepmp.app.settings.SettingsStore;
import org.iepmp.app.settings.Theme;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.i18n.api.Language;

/**
 * Language, theme and zoom: changing any of them takes effect at once (the shell listens)
 * and is saved in the background.
 */
public final class SettingsViewModel {

    public static final List<Integer> ZOOM_STEPS = List.of(100, 125, 150, 175, 200);

    private final SettingsStore store;
    private final TaskExecutor executor;
    private Settings current;

    private final ObjectProperty<Language> language;
    private final ObjectProperty<Theme> theme;
    private final IntegerProperty zoomPercent;
    private final IntegerProperty updateCheckHours;
    private final IntegerProperty downloadDeadlineSeconds;

    /**
     * @param initial the saved settings; only what the user changes here is saved over them
     * @param effectiveZoom the zoom of this run (a one-off {@code --zoom} stays out of the saved settings)
     */
    public SettingsViewModel(Settings initial, Language effectiveLanguage, int effectiveZoom, SettingsStore store,
                             TaskExecutor executor) {
        this.store = store;
        this.executor = executor;
        this.current = initial;
        this.language = new SimpleObjectProperty<>(effectiveLanguage);
        this.theme = new SimpleObjectProperty<>(initial.theme());
        this.zoomPercent = new SimpleIntegerProperty(effectiveZoom);
        language.addListener((obs, old, value) -> {
            if (value != null) {
                save(current.withLanguage(value));
            }
        });
        theme.addListener((obs, old, value) -> {
            if (value != null) {
                save(current.withTheme(value));
            }
        });
        zoomPercent.addListener((obs, old, value) -> save(current.withZoomPercent(value.intValue())));
        this.updateCheckHours = new SimpleIntegerProperty(initial.updateCheckHours());
        updateCheckHours.addListener((obs, old, value) -> save(current.withUpdateCheckHours(value.intValue())));
        this.downloadDeadlineSeconds = new SimpleIntegerProperty(initial.downloadDeadlineSeconds());
        downloadDeadlineSeconds.addListener((obs, old, value) -> save(current.withDownloadDeadlineSeconds(value.intValue())));
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public IntegerProperty zoomPercentProperty() {
        return zoomPercent;
    }

    /** Hours between background update checks; 0 for none. */
    public IntegerProperty updateCheckHoursProperty() {
        return updateCheckHours;
    }

    /** Seconds one repository download may take in all; the catalog takes it up at the next start. */
    public IntegerProperty downloadDeadlineSecondsProperty() {
        return downloadDeadlineSeconds;
    }

    /** Remembers the cluster the user connected to last. */
    public void rememberCluster(String clusterId) {
        save(current.withLastClusterId(clusterId));
    }

    public Settings current() {
        return current;
    }

    private void save(Settings updated) {
        current = updated;
        executor.execute(BackgroundTask.of(context -> {
            store.save(updated);
            return null;
        }));
    }
}
