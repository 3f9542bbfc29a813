package org.iepmp.app.gui.settings;

import atlantafx.base.theme.Styles;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.NamedCell;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.settings.Settings;
import org.iepmp.app.settings.Theme;
import org.iepmp.i18n.api.Language;

/** Language, theme and zoom choices. */
public final class SettingsView extends VBox {

    private final UiTexts texts;

    public SettingsView(SettingsViewModel model, UiTexts texts) {
        this.texts = texts;
        setId("settings-view");
        setSpacing(12);
        setPadding(new Insets(16));

        Label title = new Label();
        title.textProperty().bind(texts.bind("shell.settings.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        ComboBox<Language> language = languageChoice(model);
        ComboBox<Theme> theme = themeChoice(model);
        ComboBox<Integer> zoom = zoomChoice(model);
        ComboBox<Integer> updateCheck = updateCheckChoice(model);

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(12);
        grid.addRow(0, label("shell.settings.language"), language);
        grid.addRow(1, label("shell.settings.theme"), theme);
        grid.addRow(2, label("shell.settings.zoom"), zoom);
        grid.addRow(3, label("updates.settings.interval"), updateCheck);

        Label zoomHint = new Labels(texts).paragraph("shell.settings.zoomHint");
        for (ComboBox<?> box : java.util.List.of(language, theme, zoom, updateCheck)) {
            box.setMinWidth(220);
        }

        getChildren().addAll(title, grid, zoomHint);
    }

    /** Each language in its own name, so a user who cannot read the current one still finds theirs. */
    private static ComboBox<Language> languageChoice(SettingsViewModel model) {
        ComboBox<Language> language = new ComboBox<>(FXCollections.observableArrayList(Language.values()));
        language.setId("settings-language");
        language.valueProperty().bindBidirectional(model.languageProperty());
        language.setCellFactory(list -> new NamedCell<>(Language::nativeName));
        language.setButtonCell(new NamedCell<>(Language::nativeName));
        return language;
    }

    private ComboBox<Theme> themeChoice(SettingsViewModel model) {
        ComboBox<Theme> theme = new ComboBox<>(FXCollections.observableArrayList(Theme.values()));
        theme.setId("settings-theme");
        theme.valueProperty().bindBidirectional(model.themeProperty());
        theme.setCellFactory(list -> new NamedCell<>(this::themeName));
        theme.setButtonCell(new NamedCell<>(this::themeName));
        texts.messagesProperty().addListener((obs, old, value) -> theme.setButtonCell(new NamedCell<>(this::themeName)));
        return theme;
    }

    private static ComboBox<Integer> zoomChoice(SettingsViewModel model) {
        ComboBox<Integer> zoom = new ComboBox<>(FXCollections.observableArrayList(SettingsViewModel.ZOOM_STEPS));
        zoom.setId("settings-zoom");
        zoom.setValue(model.zoomPercentProperty().get());
        zoom.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.zoomPercentProperty().set(value);
            }
        });
        model.zoomPercentProperty().addListener((obs, old, value) -> zoom.setValue(value.intValue()));
        zoom.setCellFactory(list -> new NamedCell<>(value -> value + " %"));
        zoom.setButtonCell(new NamedCell<>(value -> value + " %"));
        return zoom;
    }

    private ComboBox<Integer> updateCheckChoice(SettingsViewModel model) {
        ComboBox<Integer> updateCheck = new ComboBox<>(FXCollections.observableArrayList(Settings.UPDATE_CHECK_HOURS));
        updateCheck.setId("settings-update-check");
        updateCheck.setValue(model.updateCheckHoursProperty().get());
        updateCheck.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                model.updateCheckHoursProperty().set(value);
            }
        });
        updateCheck.setCellFactory(list -> new NamedCell<>(this::intervalName));
        updateCheck.setButtonCell(new NamedCell<>(this::intervalName));
        texts.messagesProperty().addListener((obs, old, value) -> updateCheck.setButtonCell(new NamedCell<>(this::intervalName)));
        return updateCheck;
    }

    private String themeName(Theme theme) {
        return switch (theme) {
            case LIGHT -> texts.get("shell.settings.theme.light");
            case DARK -> texts.get("shell.settings.theme.dark");
        };
    }

    private String intervalName(int hours) {
        return hours == 0 ? texts.get("updates.settings.interval.off") : texts.get("updates.settings.interval.hours", hours);
    }

    private Label label(String key) {
        Label label = new Label();
        label.textProperty().bind(texts.bind(key));
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }
}
