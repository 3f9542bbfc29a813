package org.iepmp.app.gui.catalog;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.VisibleText;
import org.iepmp.app.gui.common.EnumTexts;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.markdown.SafeMarkdown;
import org.iepmp.catalog.api.CatalogPackage;

/**
 * One package as a card: icon (or its initial), name, origin and repository, short description, latest and
 * installed version. Focusable; Enter, Space or a click opens its detail.
 */
final class PackageCard extends VBox {

    static final double WIDTH_EM = 12;

    PackageCard(CatalogPackage pkg, UiTexts texts, EnumTexts names, CatalogViewModel model, SafeMarkdown summaries) {
        getStyleClass().add("catalog-card");
        setId("catalog-card-" + pkg.repository() + "-" + pkg.name());
        setFocusTraversable(true);
        setSpacing(6);
        setPadding(new Insets(10));
        setMinHeight(44);
        // Sized in em so that cards grow with the zoom instead of clipping their text.
        setStyle("-fx-pref-width: " + WIDTH_EM + "em; -fx-max-width: " + WIDTH_EM + "em;");

        StackPane icon = icon(pkg, model);
        Label title = new Label(VisibleText.neutralize(pkg.name()));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label repository = new Label(pkg.repository());
        repository.getStyleClass().addAll(Styles.TEXT_MUTED, "catalog-repository");
        repository.setWrapText(true);
        repository.setMinHeight(Region.USE_PREF_SIZE);
        VBox heading = new VBox(2, title, originBadge(pkg, names), repository);
        heading.setMinWidth(0);
        HBox top = new HBox(8, icon, heading);
        top.setAlignment(Pos.TOP_LEFT);

        Label description = new Label(summaries.summary(model.packageTexts().description(pkg)));
        description.getStyleClass().add(Styles.TEXT_MUTED);
        description.setWrapText(true);
        // Two lines at most: the detail shows the whole text.
        description.setStyle("-fx-max-height: 3.5em;");
        description.setMaxWidth(Double.MAX_VALUE);

        Label latest = new Label(texts.get("app.catalog.card.latest", VisibleText.neutralize(pkg.latestVersion())));
        latest.setWrapText(true);
        latest.setMinHeight(Region.USE_PREF_SIZE);
        Label installed = new Label(model.installedVersion(pkg.name())
                .map(v -> texts.get("app.catalog.card.installed", v))
                .orElse(texts.get("app.catalog.card.notInstalled")));
        installed.getStyleClass().add(Styles.TEXT_MUTED);
        installed.setWrapText(true);
        installed.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(top, description, latest, installed);
        model.updateOf(pkg).ifPresent(u -> getChildren().add(updateBadge(u, texts)));

        setOnMouseClicked(e -> {
            requestFocus();
            model.open(pkg);
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                model.open(pkg);
                e.consume();
            }
        });
        this.pkg = pkg;
        markSelected(model.selectedProperty().get());
    }

    private final CatalogPackage pkg;

    /** Shows whether this card's package is the chosen one (the view calls it; cards hold no listeners). */
    void markSelected(CatalogPackage chosen) {
        pseudoClassStateChanged(SELECTED, pkg.equals(chosen));
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");

    /** The package's icon from its repository when it serves one, meanwhile (or else) its initial on a badge. */
    private static StackPane icon(CatalogPackage pkg, CatalogViewModel model) {
        Label letter = new Label(initial(pkg.name()));
        letter.getStyleClass().add("catalog-initial");
        StackPane badge = new StackPane(letter);
        badge.getStyleClass().addAll("catalog-icon", "catalog-icon-" + Math.floorMod(pkg.name().hashCode(), 6));
        badge.setMinSize(RepositoryIcons.SIZE, RepositoryIcons.SIZE);
        badge.setMaxSize(RepositoryIcons.SIZE, RepositoryIcons.SIZE);
        model.icons().request(pkg, image -> {
            ImageView view = new ImageView(image);
            view.setFitWidth(RepositoryIcons.SIZE);
            view.setFitHeight(RepositoryIcons.SIZE);
            view.setPreserveRatio(true);
            badge.getStyleClass().add("catalog-icon-image");
            badge.getChildren().setAll(view);
        });
        return badge;
    }

    /** The first letter or digit of the name, upper case; "?" for a name without one. */
    static String initial(String name) {
        java.util.OptionalInt first = name.codePoints().filter(Character::isLetterOrDigit).findFirst();
        return first.isPresent() ? new String(Character.toChars(first.getAsInt())).toUpperCase(Locale.ROOT) : "?";
    }

    static Label originBadge(CatalogPackage pkg, EnumTexts names) {
        Label badge = new Label(names.origin(pkg.origin()));
        badge.getStyleClass().addAll("origin-badge", "origin-" + pkg.origin().name().toLowerCase(Locale.ROOT));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    static Label updateBadge(String version, UiTexts texts) {
        Label badge = new Label(texts.get("app.catalog.update", version));
        badge.getStyleClass().addAll("origin-badge", "catalog-update");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }
}
