package org.iepmp.app.gui.catalog;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
import org.iepmp.app.dialog.VisibleText;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.markdown.LinkOpener;
import org.iepmp.app.gui.markdown.MarkdownNodes;
import org.iepmp.app.gui.markdown.SafeMarkdown;
import org.iepmp.catalog.api.CatalogPackage;

/**
 * Search-as-you-type with filters; the packages as a list or as cards on the left, the chosen package's detail on
 * the right. Every filter, the layout toggle, each card and the install button are keyboard reachable and at least
 * 44 px high.
 */
public final class CatalogView extends VBox {

    /** Cards are real nodes, not virtualized: beyond this many the list is the better tool, and the view says so. */
    static final int MAX_CARDS = 120;
    private static final double TARGET = 44;

    private final UiTexts texts;
    private final EnumTexts names;
    private final CatalogViewModel model;
    /** List cells show the description's first paragraph as plain text, not its Markdown source. */
    private final SafeMarkdown summaries = new SafeMarkdown();
    private final FlowPane cards = new FlowPane(10, 10);
    private final Label cardsMore = new Label();

    public CatalogView(CatalogViewModel model, UiTexts texts, ErrorPresenter presenter, LinkOpener links) {
        this.texts = texts;
        this.model = model;
        this.names = new EnumTexts(texts);
        setId("catalog-view");
        setSpacing(8);
        setPadding(new Insets(12, 16, 12, 16));
        Labels labels = new Labels(texts);
        HBox searchRow = searchRow();
        FlowPane filters = new CatalogFilters(model, texts, names);
        ListView<CatalogPackage> list = resultList(labels);
        ScrollPane cardsScroll = cardsPane(labels);
        list.visibleProperty().bind(model.layoutProperty().isEqualTo(CatalogViewModel.Layout.LIST));
        cardsScroll.visibleProperty().bind(list.visibleProperty().not());
        StackPane results = new StackPane(list, cardsScroll);

        CatalogDetailPane detail = new CatalogDetailPane(model, texts, names, new MarkdownNodes(texts, links), presenter, labels);
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
            if (!detail.installButton().isDisabled()) {
                detail.installButton().requestFocus();
            } else {
                detailScroll.requestFocus();
            }
        });

        getChildren().addAll(labels.title("app.catalog.title"), searchRow, filters, split);
        rebuildCards();
    }

    /** The search field and the list / cards toggle. */
    private HBox searchRow() {
        TextField search = new TextField();
        search.setId("catalog-search");
        search.setMinHeight(TARGET);
        search.promptTextProperty().bind(texts.bind("app.catalog.searchPrompt"));
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox searchRow = new HBox(8, search, layoutToggle());
        searchRow.setAlignment(Pos.CENTER_LEFT);
        return searchRow;
    }

    private HBox layoutToggle() {
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
        return layoutToggle;
    }

    /** The list layout; its selection and the model's follow each other, Enter opens the chosen package. */
    private ListView<CatalogPackage> resultList(Labels labels) {
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
        return list;
    }

    /** The cards layout, rebuilt when the results, the installed versions, the language or the layout change. */
    private ScrollPane cardsPane(Labels labels) {
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
        return cardsScroll;
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

    private final class PackageCell extends ListCell<CatalogPackage> {
        @Override
        protected void updateItem(CatalogPackage item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(VisibleText.neutralize(item.name()));
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
            Label description = new Label(summaries.summary(model.packageTexts().description(item)));
            description.getStyleClass().add(Styles.TEXT_MUTED);
            description.setMaxWidth(Double.MAX_VALUE);
            // Narrow (150 % and more) these lines wrap at word boundaries instead of losing their ends to "…".
            for (Label line : java.util.List.of(versions, description)) {
                line.setWrapText(true);
                line.setMinHeight(Region.USE_PREF_SIZE);
            }
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
