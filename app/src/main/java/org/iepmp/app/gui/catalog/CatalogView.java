package org.iepmp.app.gui.catalog;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.NamedCell;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.markdown.LinkOpener;
import org.iepmp.app.gui.markdown.MarkdownNodes;
import org.iepmp.app.gui.markdown.SafeMarkdown;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Dependency;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.ResolvedVersion;

/** Search-as-you-type list of packages on the left, the chosen package's detail on the right. */
public final class CatalogView extends VBox {

    private final UiTexts texts;
    private final EnumTexts names;
    private final CatalogViewModel model;
    private final MarkdownNodes markdown;
    /** List cells show the description's first paragraph as plain text, not its Markdown source. */
    private final SafeMarkdown summaries = new SafeMarkdown();

    public CatalogView(CatalogViewModel model, UiTexts texts, ErrorPresenter presenter, LinkOpener links) {
        this.texts = texts;
        this.markdown = new MarkdownNodes(texts, links);
        this.model = model;
        this.names = new EnumTexts(texts);
        setId("catalog-view");
        setSpacing(10);
        setPadding(new Insets(16));
        Labels labels = new Labels(texts);

        TextField search = new TextField();
        search.setId("catalog-search");
        search.promptTextProperty().bind(texts.bind("app.catalog.searchPrompt"));
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<Origin> origin = new ComboBox<>(FXCollections.observableArrayList(null, Origin.VENDOR, Origin.CUSTOMER,
                Origin.OPEN_SOURCE));
        origin.setId("catalog-origin");
        origin.valueProperty().bindBidirectional(model.originProperty());
        origin.setCellFactory(list -> new NamedCell<>(this::originFilterName));
        origin.setButtonCell(new OriginButtonCell());
        origin.setMinWidth(170);
        HBox searchRow = new HBox(8, search, origin);

        ListView<CatalogPackage> list = new ListView<>(model.results());
        list.setId("catalog-list");
        list.setCellFactory(view -> new PackageCell());
        list.setPlaceholder(labels.paragraph("app.catalog.empty"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, value) -> model.selectedProperty().set(value));
        texts.messagesProperty().addListener((obs, old, value) -> list.refresh());

        VBox detail = detailPane(presenter, labels);
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(list, detailScroll);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);

        getChildren().addAll(labels.title("app.catalog.title"), searchRow, split);
    }

    private VBox detailPane(ErrorPresenter presenter, Labels labels) {
        Label name = new Label();
        name.setId("catalog-detail-name");
        name.getStyleClass().add(Styles.TITLE_4);
        Label source = new Label();
        source.setId("catalog-detail-source");
        source.getStyleClass().add(Styles.TEXT_MUTED);
        source.setWrapText(true);
        // The description is Markdown from the repository: drawn safely, never as HTML.
        VBox description = new VBox();
        description.setId("catalog-detail-description");
        SafeMarkdown parser = new SafeMarkdown();
        ComboBox<String> versions = new ComboBox<>();
        versions.setId("catalog-detail-versions");
        model.selectedProperty().addListener((obs, old, value) ->
                versions.getItems().setAll(model.versionsOfSelected()));
        versions.valueProperty().bindBidirectional(model.selectedVersionProperty());
        javafx.scene.control.Button install = new javafx.scene.control.Button();
        install.setId("catalog-install");
        install.setMinHeight(44);
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
        HBox versionRow = new HBox(8, labels.plain("app.catalog.detail.version"), versions, install);
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

        Label none = labels.paragraph("app.catalog.detail.none");
        none.visibleProperty().bind(model.selectedProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        VBox content = new VBox(8, name, source, versionRow, installHint, loading, description, facts, failure);
        content.visibleProperty().bind(model.selectedProperty().isNotNull());
        content.managedProperty().bind(content.visibleProperty());
        VBox pane = new VBox(8, none, content);
        pane.setPadding(new Insets(8, 12, 8, 12));
        pane.setId("catalog-detail");
        return pane;
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

    /** The combo's button cell also shows the "all" choice, which is a null value. */
    private final class OriginButtonCell extends ListCell<Origin> {
        @Override
        protected void updateItem(Origin item, boolean empty) {
            super.updateItem(item, empty);
            setText(originFilterName(item));
        }
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
            Label badge = new Label(names.origin(item.origin()));
            badge.getStyleClass().addAll("origin-badge", "origin-" + item.origin().name().toLowerCase(java.util.Locale.ROOT));
            Label version = new Label(model.installedVersion(item.name())
                    .map(v -> texts.get("app.catalog.list.installed", item.latestVersion(), v))
                    .orElse(texts.get("app.catalog.list.latest", item.latestVersion())));
            version.getStyleClass().add(Styles.TEXT_MUTED);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(8, title, badge, spacer, version);
            top.setAlignment(Pos.CENTER_LEFT);
            Label description = new Label(summaries.summary(item.description()));
            description.getStyleClass().add(Styles.TEXT_MUTED);
            description.setMaxWidth(Double.MAX_VALUE);
            VBox box = new VBox(2, top, description);
            box.setMinWidth(0);
            box.setPrefWidth(0);
            setGraphic(box);
            setText(null);
        }
    }
}
