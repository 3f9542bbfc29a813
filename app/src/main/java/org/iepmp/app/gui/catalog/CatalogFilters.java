package org.iepmp.app.gui.catalog;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.FlowPane;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.catalog.api.Origin;

/** The catalog's filter row: origin, repository, installed only, updates only, and "clear" while any is set. */
final class CatalogFilters extends FlowPane {

    private static final double TARGET = 44;

    private final UiTexts texts;
    private final EnumTexts names;
    private final CatalogViewModel model;

    CatalogFilters(CatalogViewModel model, UiTexts texts, EnumTexts names) {
        super(10, 4);
        this.model = model;
        this.texts = texts;
        this.names = names;
        getChildren().addAll(originChoice(), repositoryChoice(),
                checkBox("catalog-installed-only", "app.catalog.filter.installedOnly", model.installedOnlyProperty()),
                checkBox("catalog-updates-only", "app.catalog.filter.updatesOnly", model.updatesOnlyProperty()),
                clearButton());
        setId("catalog-filters");
        setAlignment(Pos.CENTER_LEFT);
    }

    private ComboBox<Origin> originChoice() {
        ComboBox<Origin> origin = new ComboBox<>(FXCollections.observableArrayList(null, Origin.VENDOR, Origin.CUSTOMER,
                Origin.OPEN_SOURCE));
        origin.setId("catalog-origin");
        origin.valueProperty().bindBidirectional(model.originProperty());
        origin.setCellFactory(list -> AllOrOneCell.row(this::originFilterName));
        origin.setButtonCell(AllOrOneCell.button(this::originFilterName));
        // The shown choice is drawn once: a language switch must draw it again (it stayed in English in Chinese).
        texts.messagesProperty().addListener((obs, old, value) -> origin.setButtonCell(AllOrOneCell.button(this::originFilterName)));
        origin.setMinHeight(TARGET);
        return origin;
    }

    private ComboBox<String> repositoryChoice() {
        ComboBox<String> repository = new ComboBox<>();
        repository.setId("catalog-repository");
        Runnable choices = () -> {
            String keep = model.repositoryProperty().get();
            List<String> all = new ArrayList<>();
            all.add(null);
            all.addAll(model.repositories());
            repository.getItems().setAll(all);
            repository.setValue(keep);
        };
        model.repositories().addListener((ListChangeListener<String>) change -> choices.run());
        choices.run();
        repository.valueProperty().bindBidirectional(model.repositoryProperty());
        repository.setCellFactory(list -> AllOrOneCell.row(this::repositoryFilterName));
        repository.setButtonCell(AllOrOneCell.button(this::repositoryFilterName));
        texts.messagesProperty().addListener((obs, old, value) ->
                repository.setButtonCell(AllOrOneCell.button(this::repositoryFilterName)));
        repository.setMinHeight(TARGET);
        return repository;
    }

    private CheckBox checkBox(String id, String key, javafx.beans.property.BooleanProperty value) {
        CheckBox box = new CheckBox();
        box.setId(id);
        box.textProperty().bind(texts.bind(key));
        box.selectedProperty().bindBidirectional(value);
        box.setMinHeight(TARGET);
        return box;
    }

    private Button clearButton() {
        Button clear = new Button();
        clear.setId("catalog-clear-filters");
        clear.textProperty().bind(texts.bind("app.catalog.filter.clear"));
        clear.getStyleClass().add(Styles.FLAT);
        clear.setMinHeight(TARGET);
        clear.setOnAction(e -> model.clearFilters());
        // Shown only while a filter is set: at rest the filters fit one row, also at 150 % zoom in Chinese.
        clear.visibleProperty().bind(model.originProperty().isNotNull().or(model.repositoryProperty().isNotNull())
                .or(model.installedOnlyProperty()).or(model.updatesOnlyProperty()));
        clear.managedProperty().bind(clear.visibleProperty());
        return clear;
    }

    private String originFilterName(Origin origin) {
        return origin == null ? texts.get("app.catalog.filter.allOrigins") : names.origin(origin);
    }

    private String repositoryFilterName(String repository) {
        return repository == null ? texts.get("app.catalog.filter.allRepositories") : repository;
    }
}
