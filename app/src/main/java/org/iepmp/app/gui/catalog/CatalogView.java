package org.iepmp.app.gui.catalog;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.markdown.LinkOpener;
import org.iepmp.app.gui.markdown.MarkdownNodes;
import org.iepmp.app.gui.markdown.SafeMarkdown;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Dependency;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.VersionFacts;

/**
 * Search-as-you-type with filters; the packages as a list or as cards on the left, the chosen package's detail on
 * the right. Every filter, the layout toggle, each card and the install button are keyboard reachable and at least
 * 44 px high.
 */
public final class CatalogView extends VBox {

    /** Cards are real nodes, not virtualized: beyond this many the list is the better tool, and the view says so. */
    static final int MAX_CARDS = 120;
    /** Versions listed in the detail; older ones are counted. */
    static final int MAX_VERSIONS = 12;
    private static final double TARGET = 44;

    private final UiTexts texts;
    private final EnumTexts names;
    private final CatalogViewModel model;
    private final MarkdownNodes markdown;
    /** List cells show the description's first paragraph as plain text, not its Markdown source. */
    private final SafeMarkdown summaries = new SafeMarkdown();
    private final FlowPane cards = new FlowPane(10, 10);
    private final Label cardsMore = new Label();
    private Button install;

    public CatalogView(CatalogViewModel model, UiTexts texts, ErrorPresenter presenter, LinkOpener links) {
        this.texts = texts;
        this.markdown = new MarkdownNodes(texts, links);
        this.model = model;
        this.names = new EnumTexts(texts);
        setId("catalog-view");
        setSpacing(8);
        setPadding(new Insets(12, 16, 12, 16));
        Labels labels = new Labels(texts);

        TextField search = new TextField();
        search.setId("catalog-search");
        search.setMinHeight(TARGET);
        search.promptTextProperty().bind(texts.bind("app.catalog.searchPrompt"));
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleGroup layouts = new ToggleGroup();
        ToggleButton asList = layoutButton("catalog-layout-list", "app.catalog.layout.list", CatalogViewModel.Layout.LIST, layouts);
        ToggleButton asCards = layoutButton("catalog-layout-cards", "app.catalog.layout.cards", CatalogViewModel.Layout.CARDS,
                layouts);
        asList.getStyleClass().add(Styles.LEFT_PILL);
        asCards.getStyleClass().add(Styles.RIGHT_PILL);
        layouts.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                // One layout is always chosen: a second press on the chosen button keeps it.
                layouts.selectToggle(old);
            } else {
                model.layoutProperty().set((CatalogViewModel.Layout) toggle.getUserData());
            }
        });
        model.layoutProperty().addListener((obs, old, value) -> layouts.selectToggle(value == CatalogViewModel.Layout.CARDS
                ? asCards : asList));
        layouts.selectToggle(model.layoutProperty().get() == CatalogViewModel.Layout.CARDS ? asCards : asList);
        HBox layoutToggle = new HBox(asList, asCards);
        layoutToggle.setMinWidth(Region.USE_PREF_SIZE);
        HBox searchRow = new HBox(8, search, layoutToggle);
        searchRow.setAlignment(Pos.CENTER_LEFT);

        FlowPane filters = filterRow();

        ListView<CatalogPackage> list = new ListView<>(model.results());
        list.setId("catalog-list");
        list.setCellFactory(view -> new PackageCell());
        list.setPlaceholder(labels.paragraph("app.catalog.empty"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, value) -> {
            if (value != null || model.layoutProperty().get() == CatalogViewModel.Layout.LIST) {
                model.selectedProperty().set(value);
            }
        });
        model.selectedProperty().addListener((obs, old, value) -> {
            if (value == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != value) {
                list.getSelectionModel().select(value);
            }
        });
        list.setOnKeyPressed(e -> {
            CatalogPackage chosen = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) {
                model.open(chosen);
                e.consume();
            }
        });
        texts.messagesProperty().addListener((obs, old, value) -> list.refresh());
        model.installedProperty().addListener((obs, old, value) -> list.refresh());

        cards.setId("catalog-cards");
        cards.setPadding(new Insets(4));
        cardsMore.setId("catalog-cards-more");
        cardsMore.setWrapText(true);
        cardsMore.setMinHeight(Region.USE_PREF_SIZE);
        cardsMore.getStyleClass().add(Styles.TEXT_MUTED);
        Label cardsEmpty = labels.paragraph("app.catalog.empty");
        cardsEmpty.visibleProperty().bind(Bindings.isEmpty(model.results()));
        cardsEmpty.managedProperty().bind(cardsEmpty.visibleProperty());
        VBox cardsBox = new VBox(8, cardsEmpty, cards, cardsMore);
        cardsBox.setPadding(new Insets(4));
        ScrollPane cardsScroll = new ScrollPane(cardsBox);
        cardsScroll.setId("catalog-cards-scroll");
        cardsScroll.setFitToWidth(true);
        // The cards wrap to the width the scroll pane gives them.
        cards.prefWrapLengthProperty().bind(cardsScroll.widthProperty().subtract(30));
        model.results().addListener((ListChangeListener<CatalogPackage>) change -> rebuildCards());
        model.installedProperty().addListener((obs, old, value) -> rebuildCards());
        texts.messagesProperty().addListener((obs, old, value) -> rebuildCards());
        model.layoutProperty().addListener((obs, old, value) -> rebuildCards());
        model.selectedProperty().addListener((obs, old, value) -> cards.getChildren()
                .forEach(card -> ((PackageCard) card).markSelected(value)));

        list.visibleProperty().bind(model.layoutProperty().isEqualTo(CatalogViewModel.Layout.LIST));
        cardsScroll.visibleProperty().bind(list.visibleProperty().not());
        StackPane results = new StackPane(list, cardsScroll);

        VBox detail = detailPane(presenter, labels);
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setId("catalog-detail-scroll");
        detailScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(results, detailScroll);
        split.setDividerPositions(0.45);
        // Cards want two columns beside the detail at 1024 px; the list reads well narrower.
        model.layoutProperty().addListener((obs, old, value) -> split.setDividerPositions(
                value == CatalogViewModel.Layout.CARDS ? 0.55 : 0.45));
        VBox.setVgrow(split, Priority.ALWAYS);
        model.setOpenAction(pkg -> {
            // Enter on a row or a card moves on to what the technician does next: install, or read the versions.
            if (install != null && !install.isDisabled()) {
                install.requestFocus();
            } else {
                detailScroll.requestFocus();
            }
        });

        getChildren().addAll(labels.title("app.catalog.title"), searchRow, filters, split);
        rebuildCards();
    }

    private ToggleButton layoutButton(String id, String key, CatalogViewModel.Layout layout, ToggleGroup group) {
        ToggleButton button = new ToggleButton();
        button.setId(id);
        button.textProperty().bind(texts.bind(key));
        button.setUserData(layout);
        button.setToggleGroup(group);
        button.setMinHeight(TARGET);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private FlowPane filterRow() {
        ComboBox<Origin> origin = new ComboBox<>(FXCollections.observableArrayList(null, Origin.VENDOR, Origin.CUSTOMER,
                Origin.OPEN_SOURCE));
        origin.setId("catalog-origin");
        origin.valueProperty().bindBidirectional(model.originProperty());
        origin.setCellFactory(list -> AllOrOneCell.row(this::originFilterName));
        origin.setButtonCell(AllOrOneCell.button(this::originFilterName));
        origin.setMinHeight(TARGET);

        ComboBox<String> repository = new ComboBox<>();
        repository.setId("catalog-repository");
        Runnable choices = () -> {
            String keep = model.repositoryProperty().get();
            java.util.List<String> all = new java.util.ArrayList<>();
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
        repository.setMinHeight(TARGET);

        CheckBox installedOnly = new CheckBox();
        installedOnly.setId("catalog-installed-only");
        installedOnly.textProperty().bind(texts.bind("app.catalog.filter.installedOnly"));
        installedOnly.selectedProperty().bindBidirectional(model.installedOnlyProperty());
        installedOnly.setMinHeight(TARGET);
        CheckBox updatesOnly = new CheckBox();
        updatesOnly.setId("catalog-updates-only");
        updatesOnly.textProperty().bind(texts.bind("app.catalog.filter.updatesOnly"));
        updatesOnly.selectedProperty().bindBidirectional(model.updatesOnlyProperty());
        updatesOnly.setMinHeight(TARGET);
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
        FlowPane row = new FlowPane(10, 4, origin, repository, installedOnly, updatesOnly, clear);
        row.setId("catalog-filters");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void rebuildCards() {
        if (model.layoutProperty().get() != CatalogViewModel.Layout.CARDS) {
            // Built when shown: typing in list layout costs no card nodes.
            cards.getChildren().clear();
            return;
        }
        var shown = model.results().size() > MAX_CARDS ? model.results().subList(0, MAX_CARDS) : model.results();
        cards.getChildren().setAll(shown.stream().map(p -> new PackageCard(p, texts, names, model, summaries)).toList());
        boolean cut = model.results().size() > MAX_CARDS;
        cardsMore.setText(cut ? texts.get("app.catalog.cards.more", MAX_CARDS, model.results().size()) : "");
        cardsMore.setVisible(cut);
        cardsMore.setManaged(cut);
    }

    private VBox detailPane(ErrorPresenter presenter, Labels labels) {
        Label name = new Label();
        name.setId("catalog-detail-name");
        name.getStyleClass().add(Styles.TITLE_4);
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        Label source = new Label();
        source.setId("catalog-detail-source");
        source.getStyleClass().add(Styles.TEXT_MUTED);
        source.setWrapText(true);
        source.setMinHeight(Region.USE_PREF_SIZE);
        Label installedLine = new Label();
        installedLine.setId("catalog-detail-installed");
        installedLine.setWrapText(true);
        installedLine.setMinHeight(Region.USE_PREF_SIZE);
        // The description is Markdown from the repository: drawn safely, never as HTML.
        VBox description = new VBox();
        description.setId("catalog-detail-description");
        SafeMarkdown parser = new SafeMarkdown();
        ComboBox<String> versions = new ComboBox<>();
        versions.setId("catalog-detail-versions");
        versions.setMinHeight(TARGET);
        model.selectedProperty().addListener((obs, old, value) ->
                versions.getItems().setAll(model.versionsOfSelected()));
        versions.valueProperty().bindBidirectional(model.selectedVersionProperty());
        install = new Button();
        install.setId("catalog-install");
        install.setMinHeight(TARGET);
        install.setMinWidth(Region.USE_PREF_SIZE);
        install.getStyleClass().add(Styles.ACCENT);
        install.textProperty().bind(texts.bind("ops.catalog.install"));
        install.disableProperty().bind(model.detailProperty().isNull().or(model.installAvailableProperty().not()));
        install.setOnAction(e -> model.installSelected());
        Label installHint = new Label();
        installHint.setWrapText(true);
        installHint.setMinHeight(Region.USE_PREF_SIZE);
        installHint.getStyleClass().add(Styles.TEXT_MUTED);
        installHint.textProperty().bind(texts.bind("ops.catalog.install.needsCluster"));
        installHint.visibleProperty().bind(model.installAvailableProperty().not());
        installHint.managedProperty().bind(installHint.visibleProperty());
        FlowPane versionRow = new FlowPane(8, 6, labels.plain("app.catalog.detail.version"), versions, install);
        versionRow.setAlignment(Pos.CENTER_LEFT);
        Label facts = new Label();
        facts.setId("catalog-detail-facts");
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(24, 24);
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        MessageCard failure = new MessageCard(texts, presenter, model.failureProperty());

        name.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "" : model.selectedProperty().get().name(), model.selectedProperty()));
        source.textProperty().bind(Bindings.createStringBinding(() -> {
            CatalogPackage p = model.selectedProperty().get();
            return p == null ? "" : texts.get("app.catalog.detail.source", names.origin(p.origin()), p.repository());
        }, model.selectedProperty(), texts.messagesProperty()));
        installedLine.textProperty().bind(Bindings.createStringBinding(() -> {
            CatalogPackage p = model.selectedProperty().get();
            return p == null ? "" : installedText(p);
        }, model.selectedProperty(), model.installedProperty(), texts.messagesProperty()));
        var descriptionText = Bindings.createStringBinding(() -> {
            ResolvedVersion v = model.detailProperty().get();
            CatalogPackage p = model.selectedProperty().get();
            return v != null ? v.description() : p == null ? "" : p.description();
        }, model.detailProperty(), model.selectedProperty());
        descriptionText.addListener((obs, old, text) -> description.getChildren().setAll(markdown.render(parser.parse(text))));
        // The binding is only weakly held by what it observes; the node keeps it alive.
        description.getProperties().put("markdown-source", descriptionText);
        facts.textProperty().bind(Bindings.createStringBinding(() -> factsOf(model.detailProperty().get()),
                model.detailProperty(), texts.messagesProperty()));

        VBox versionList = new VBox(4);
        versionList.setId("catalog-detail-version-list");
        Runnable fillVersions = () -> versionList.getChildren().setAll(versionNodes());
        model.versionFacts().addListener((ListChangeListener<VersionFacts>) change -> fillVersions.run());
        texts.messagesProperty().addListener((obs, old, value) -> fillVersions.run());

        Label none = labels.paragraph("app.catalog.detail.none");
        none.visibleProperty().bind(model.selectedProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        VBox content = new VBox(8, name, source, installedLine, versionRow, installHint, loading, description, facts,
                versionList, failure);
        content.visibleProperty().bind(model.selectedProperty().isNotNull());
        content.managedProperty().bind(content.visibleProperty());
        VBox pane = new VBox(8, none, content);
        pane.setPadding(new Insets(8, 12, 8, 12));
        pane.setId("catalog-detail");
        return pane;
    }

    private String installedText(CatalogPackage p) {
        var state = model.installState(p.name());
        if (state.isEmpty()) {
            return texts.get("app.catalog.detail.notInstalled");
        }
        return model.updateOf(p).map(u -> texts.get("app.catalog.detail.installedUpdate", state.get().installedVersion(), u))
                .orElse(texts.get("app.catalog.detail.installed", state.get().installedVersion()));
    }

    /** Each version with its date and check, then what is and is not checked, in plain words. */
    private java.util.List<javafx.scene.Node> versionNodes() {
        java.util.List<javafx.scene.Node> nodes = new java.util.ArrayList<>();
        var all = model.versionFacts();
        if (all.isEmpty()) {
            return nodes;
        }
        Label heading = new Label(texts.get("app.catalog.detail.versions"));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        nodes.add(heading);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(texts.language().locale()).withZone(ZoneId.systemDefault());
        Set<VersionFacts.Integrity> kinds = new LinkedHashSet<>();
        for (int i = 0; i < all.size(); i++) {
            VersionFacts f = all.get(i);
            kinds.add(f.integrity());
            if (i >= MAX_VERSIONS) {
                continue;
            }
            Label version = new Label(f.version());
            version.getStyleClass().add(Styles.TEXT_BOLD);
            version.setMinWidth(Region.USE_PREF_SIZE);
            Label date = new Label(f.released().map(d -> texts.get("app.catalog.detail.released", dates.format(d)))
                    .orElse(texts.get("app.catalog.detail.releasedUnknown")));
            date.setMinWidth(Region.USE_PREF_SIZE);
            Label check = new Label(shortIntegrity(f.integrity()));
            check.getStyleClass().addAll(Styles.TEXT_MUTED, "catalog-integrity-"
                    + f.integrity().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            check.setWrapText(true);
            check.setMinHeight(Region.USE_PREF_SIZE);
            FlowPane row = new FlowPane(10, 0, version, date, check);
            row.getStyleClass().add("catalog-version-row");
            row.setId("catalog-version-" + i);
            nodes.add(row);
        }
        if (all.size() > MAX_VERSIONS) {
            Label more = new Label(texts.get("app.catalog.detail.moreVersions", all.size() - MAX_VERSIONS));
            more.getStyleClass().add(Styles.TEXT_MUTED);
            nodes.add(more);
        }
        StringBuilder explained = new StringBuilder();
        for (VersionFacts.Integrity kind : kinds) {
            line(explained, longIntegrity(kind));
        }
        line(explained, texts.get("app.catalog.integrity.signature"));
        Label checks = new Label(explained.toString());
        checks.setId("catalog-detail-checks");
        checks.setWrapText(true);
        checks.setMinHeight(Region.USE_PREF_SIZE);
        checks.getStyleClass().add(Styles.TEXT_MUTED);
        nodes.add(checks);
        return nodes;
    }

    private String shortIntegrity(VersionFacts.Integrity integrity) {
        return switch (integrity) {
            case DIGEST_RECORDED -> texts.get("app.catalog.integrity.digestRecorded");
            case DIGEST_MISSING -> texts.get("app.catalog.integrity.digestMissing");
            case REGISTRY_DIGEST -> texts.get("app.catalog.integrity.registryDigest");
            case CHART_REPOSITORY_DIGEST -> texts.get("app.catalog.integrity.chartRepositoryDigest");
        };
    }

    private String longIntegrity(VersionFacts.Integrity integrity) {
        return switch (integrity) {
            case DIGEST_RECORDED -> texts.get("app.catalog.integrity.digestRecorded.explained");
            case DIGEST_MISSING -> texts.get("app.catalog.integrity.digestMissing.explained");
            case REGISTRY_DIGEST -> texts.get("app.catalog.integrity.registryDigest.explained");
            case CHART_REPOSITORY_DIGEST -> texts.get("app.catalog.integrity.chartRepositoryDigest.explained");
        };
    }

    private String factsOf(ResolvedVersion version) {
        if (version == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (version.chart() != null) {
            line(text, texts.get("app.catalog.detail.chart", version.chart().chartName(), version.chart().chartVersion()));
        }
        if (!version.manifestUrls().isEmpty()) {
            line(text, texts.get("app.catalog.detail.manifests", version.manifestUrls().size()));
        }
        line(text, version.dependencies().isEmpty() ? texts.get("app.catalog.detail.noDependencies")
                : texts.get("app.catalog.detail.dependencies", String.join(", ", version.dependencies().stream()
                        .map(this::dependencyText).toList())));
        line(text, texts.get("app.catalog.detail.settings", version.valueDefinitions().size()));
        if (version.defaultNamespace() != null) {
            line(text, texts.get("app.catalog.detail.namespace", version.defaultNamespace()));
        }
        if (!version.entrypoints().isEmpty()) {
            line(text, texts.get("app.catalog.detail.entrypoints", String.join(", ", version.entrypoints().stream()
                    .map(e -> e.name() + " (" + e.serviceName() + ":" + e.port() + ")").toList())));
        }
        version.references().forEach(r -> line(text, r.label() + ": " + r.url()));
        return text.toString();
    }

    private String dependencyText(Dependency dependency) {
        return dependency.versionRange().isEmpty() ? dependency.name() : dependency.name() + " " + dependency.versionRange();
    }

    private static void line(StringBuilder text, String line) {
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(line);
    }

    private String originFilterName(Origin origin) {
        return origin == null ? texts.get("app.catalog.filter.allOrigins") : names.origin(origin);
    }

    private String repositoryFilterName(String repository) {
        return repository == null ? texts.get("app.catalog.filter.allRepositories") : repository;
    }

    private final class PackageCell extends ListCell<CatalogPackage> {
        @Override
        protected void updateItem(CatalogPackage item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(item.name());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            title.setMinWidth(Region.USE_PREF_SIZE);
            HBox top = new HBox(8, title, PackageCard.originBadge(item, names));
            top.setAlignment(Pos.CENTER_LEFT);
            // The repository leads the second line: narrow (150 % zoom) it is the versions that give way, not it.
            Label versions = new Label(texts.get("app.catalog.list.repository", item.repository(),
                    model.installedVersion(item.name())
                            .map(v -> texts.get("app.catalog.list.installed", item.latestVersion(), v))
                            .orElse(texts.get("app.catalog.list.latest", item.latestVersion()))));
            versions.getStyleClass().addAll(Styles.TEXT_MUTED, "catalog-repository");
            Label description = new Label(summaries.summary(item.description()));
            description.getStyleClass().add(Styles.TEXT_MUTED);
            description.setMaxWidth(Double.MAX_VALUE);
            VBox box = new VBox(2, top, versions);
            // An update gets a line of its own, so that it is never the part cut off.
            model.updateOf(item).ifPresent(u -> box.getChildren().add(PackageCard.updateBadge(u, texts)));
            box.getChildren().add(description);
            box.setMinWidth(0);
            box.setPrefWidth(0);
            setGraphic(box);
            setText(null);
        }
    }
}
