package org.iepmp.app.gui.catalog;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.dialog.VisibleText;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.markdown.MarkdownNodes;
import org.iepmp.app.gui.markdown.SafeMarkdown;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Dependency;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.VersionFacts;

/**
 * The chosen package's detail beside the list: name, source, what is installed, the version to
 * install with the Install button, the description (Markdown drawn safely), facts and every
 * version with its date and check.
 */
final class CatalogDetailPane extends VBox {

    /** Versions listed in the detail; older ones are counted. */
    static final int MAX_VERSIONS = 12;
    private static final double TARGET = 44;

    private final UiTexts texts;
    private final EnumTexts names;
    private final CatalogViewModel model;
    private final MarkdownNodes markdown;
    private final Button install = new Button();

    CatalogDetailPane(CatalogViewModel model, UiTexts texts, EnumTexts names, MarkdownNodes markdown, ErrorPresenter presenter,
                      Labels labels) {
        super(8);
        this.model = model;
        this.texts = texts;
        this.names = names;
        this.markdown = markdown;
        Label facts = Labels.wrapping("catalog-detail-facts");
        facts.textProperty().bind(Bindings.createStringBinding(() -> factsOf(model.detailProperty().get()),
                model.detailProperty(), texts.messagesProperty()));
        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(24, 24);
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        VBox content = new VBox(8, nameLabel(), sourceLabel(), installedLabel(), versionRow(labels), installHint(), loading,
                description(), facts, versionList(), new MessageCard(texts, presenter, model.failureProperty()));
        content.visibleProperty().bind(model.selectedProperty().isNotNull());
        content.managedProperty().bind(content.visibleProperty());
        Label none = labels.paragraph("app.catalog.detail.none");
        none.visibleProperty().bind(model.selectedProperty().isNull());
        none.managedProperty().bind(none.visibleProperty());
        getChildren().addAll(none, content);
        setPadding(new Insets(8, 12, 8, 12));
        setId("catalog-detail");
    }

    /** The Install button, for the focus after a package is opened. */
    Button installButton() {
        return install;
    }

    private Label nameLabel() {
        Label name = Labels.wrapping("catalog-detail-name");
        name.getStyleClass().add(Styles.TITLE_4);
        name.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "" : VisibleText.neutralize(model.selectedProperty().get().name()), model.selectedProperty()));
        return name;
    }

    private Label sourceLabel() {
        Label source = Labels.wrapping("catalog-detail-source");
        source.getStyleClass().add(Styles.TEXT_MUTED);
        source.textProperty().bind(Bindings.createStringBinding(() -> {
            CatalogPackage p = model.selectedProperty().get();
            return p == null ? "" : texts.get("app.catalog.detail.source", names.origin(p.origin()), p.repository());
        }, model.selectedProperty(), texts.messagesProperty()));
        return source;
    }

    private Label installedLabel() {
        Label installedLine = Labels.wrapping("catalog-detail-installed");
        installedLine.textProperty().bind(Bindings.createStringBinding(() -> {
            CatalogPackage p = model.selectedProperty().get();
            return p == null ? "" : installedText(p);
        }, model.selectedProperty(), model.installedProperty(), texts.messagesProperty()));
        return installedLine;
    }

    private FlowPane versionRow(Labels labels) {
        ComboBox<String> versions = new ComboBox<>();
        versions.setId("catalog-detail-versions");
        versions.setMinHeight(TARGET);
        model.selectedProperty().addListener((obs, old, value) ->
                versions.getItems().setAll(model.versionsOfSelected()));
        versions.valueProperty().bindBidirectional(model.selectedVersionProperty());
        install.setId("catalog-install");
        install.setMinHeight(TARGET);
        install.setMinWidth(Region.USE_PREF_SIZE);
        install.getStyleClass().add(Styles.ACCENT);
        install.textProperty().bind(texts.bind("ops.catalog.install"));
        install.disableProperty().bind(model.detailProperty().isNull().or(model.installAvailableProperty().not()));
        install.setOnAction(e -> model.installSelected());
        FlowPane versionRow = new FlowPane(8, 6, labels.plain("app.catalog.detail.version"), versions, install);
        versionRow.setAlignment(Pos.CENTER_LEFT);
        return versionRow;
    }

    private Label installHint() {
        Label installHint = new Label();
        installHint.setWrapText(true);
        installHint.setMinHeight(Region.USE_PREF_SIZE);
        installHint.getStyleClass().add(Styles.TEXT_MUTED);
        installHint.textProperty().bind(texts.bind("ops.catalog.install.needsCluster"));
        installHint.visibleProperty().bind(model.installAvailableProperty().not());
        installHint.managedProperty().bind(installHint.visibleProperty());
        return installHint;
    }

    /** The description is Markdown from the repository: drawn safely, never as HTML. */
    private VBox description() {
        VBox description = new VBox();
        description.setId("catalog-detail-description");
        SafeMarkdown parser = new SafeMarkdown();
        var descriptionText = Bindings.createStringBinding(() -> {
            ResolvedVersion v = model.detailProperty().get();
            CatalogPackage p = model.selectedProperty().get();
            return v != null ? model.packageTexts().description(v.name(), v.repository(), v.description())
                    : p == null ? "" : model.packageTexts().description(p);
        }, model.detailProperty(), model.selectedProperty(), texts.messagesProperty());
        descriptionText.addListener((obs, old, text) -> description.getChildren().setAll(markdown.render(parser.parse(text))));
        // The binding is only weakly held by what it observes; the node keeps it alive.
        description.getProperties().put("markdown-source", descriptionText);
        return description;
    }

    private VBox versionList() {
        VBox versionList = new VBox(4);
        versionList.setId("catalog-detail-version-list");
        Runnable fillVersions = () -> versionList.getChildren().setAll(versionNodes());
        model.versionFacts().addListener((ListChangeListener<VersionFacts>) change -> fillVersions.run());
        texts.messagesProperty().addListener((obs, old, value) -> fillVersions.run());
        return versionList;
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
            Label version = new Label(VisibleText.neutralize(f.version()));
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
        return VisibleText.neutralize(dependency.versionRange().isEmpty() ? dependency.name()
                : dependency.name() + " " + dependency.versionRange());
    }

    private static void line(StringBuilder text, String line) {
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(line);
    }
}
