package org.iepmp.app.gui.settings;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
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
        ComboBox<Integer> updateCheck = numberChoice("settings-update-check", Settings.UPDATE_CHECK_HOURS,
                model.updateCheckHoursProperty(), this::intervalName);
        ComboBox<Integer> deadline = numberChoice("settings-download-deadline", deadlineChoices(model),
                model.downloadDeadlineSecondsProperty(), seconds -> texts.get("shell.settings.downloadDeadline.seconds", seconds));

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(12);
        grid.addRow(0, label("shell.settings.language"), language);
        grid.addRow(1, label("shell.settings.theme"), theme);
        grid.addRow(2, label("shell.settings.zoom"), zoom);
        grid.addRow(3, label("updates.settings.interval"), updateCheck);
        grid.addRow(4, label("shell.settings.downloadDeadline"), deadline);

        Label zoomHint = new Labels(texts).paragraph("shell.settings.zoomHint");
        Label deadlineHint = new Labels(texts).paragraph("shell.settings.downloadDeadline.hint");
        for (ComboBox<?> box : List.of(language, theme, zoom, updateCheck, deadline)) {
            box.setMinWidth(220);
        }

        getChildren().addAll(title, grid, zoomHint, deadlineHint);
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

    /** A choice of whole numbers kept in step with {@code property}, each shown by {@code name} in the current language. */
    private ComboBox<Integer> numberChoice(String id, List<Integer> choices, IntegerProperty property,
            IntFunction<String> name) {
        ComboBox<Integer> box = new ComboBox<>(FXCollections.observableArrayList(choices));
        box.setId(id);
        box.setValue(property.get());
        box.valueProperty().addListener((obs, old, value) -> {
            if (value != null) {
                property.set(value);
            }
        });
        box.setCellFactory(list -> new NamedCell<Integer>(name::apply));
        box.setButtonCell(new NamedCell<Integer>(name::apply));
        texts.messagesProperty().addListener((obs, old, value) -> box.setButtonCell(new NamedCell<Integer>(name::apply)));
        return box;
    }

    /** The offered deadlines, plus one written into the settings file by hand. */
    private static List<Integer> deadlineChoices(SettingsViewModel model) {
        TreeSet<Integer> choices = new TreeSet<>(Settings.DOWNLOAD_DEADLINE_SECONDS);
        choices.add(model.downloadDeadlineSecondsProperty().get());
        return List.copyOf(choices);
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
