package org.iepmp.app.gui.shell;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.cluster.ClusterViewModel;
import org.iepmp.app.gui.common.Appearance;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.settings.SettingsViewModel;

/**
 * The main window's layout: navigation on the left, the section in the middle, the status bar
 * below. Sized for 1024×600 HMI screens; every target at least 44 px high for touch.
 */
public final class MainWindow {

    private static final String STYLESHEET = "/org/iepmp/app/gui/app.css";

    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final Map<Section, ToggleButton> navButtons = new EnumMap<>(Section.class);

    private static final String HIGH_CONTRAST = "/org/iepmp/app/gui/high-contrast.css";
    /** Screen-share mode never shows less than this, so the vendor can read a shared screen. */
    private static final int SCREEN_SHARE_MIN_ZOOM = 150;

    public MainWindow(ShellViewModel shell, ClusterViewModel cluster, SettingsViewModel settings, UiTexts texts,
                      Appearance appearance, Map<Section, Supplier<Node>> sectionViews, List<Node> topBars,
                      ObservableValue<Boolean> screenShareMode) {
        root.setId("main-root");
        root.setLeft(scrollingNavigation(navigation(shell, texts)));
        StackPane content = new StackPane();
        content.setId("section-content");
        root.setCenter(content);
        root.setBottom(new StatusBar(cluster, settings, texts));
        VBox top = new VBox(new PracticeBanner(cluster, texts));
        top.getChildren().addAll(topBars);
        root.setTop(top);

        // Views are built when first shown: building all eight before the first frame made the
        // window appear measurably later, and most sessions visit only a few sections.
        Map<Section, Node> built = new EnumMap<>(Section.class);
        Runnable showSection = () -> {
            Section section = shell.sectionProperty().get();
            Node view = built.computeIfAbsent(section, key -> sectionViews.get(key).get());
            content.getChildren().setAll(wrap(view));
            navButtons.forEach((entry, button) -> button.setSelected(entry == section));
        };
        shell.sectionProperty().addListener((obs, old, value) -> showSection.run());
        showSection.run();

        scene = new Scene(root, 1024, 600);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        installShortcuts(shell);

        String highContrast = MainWindow.class.getResource(HIGH_CONTRAST).toExternalForm();
        Runnable restyle = () -> {
            boolean sharing = Boolean.TRUE.equals(screenShareMode.getValue());
            int zoom = settings.zoomPercentProperty().get();
            appearance.applyFontAndZoom(root, texts.language(), sharing ? Math.max(zoom, SCREEN_SHARE_MIN_ZOOM) : zoom);
            if (sharing && !scene.getStylesheets().contains(highContrast)) {
                scene.getStylesheets().add(highContrast);
            } else if (!sharing) {
                scene.getStylesheets().remove(highContrast);
            }
        };
        texts.messagesProperty().addListener((obs, old, value) -> restyle.run());
        settings.zoomPercentProperty().addListener((obs, old, value) -> restyle.run());
        screenShareMode.addListener((obs, old, value) -> restyle.run());
        settings.themeProperty().addListener((obs, old, value) -> appearance.applyTheme(value));
        appearance.applyTheme(settings.themeProperty().get());
        restyle.run();
    }

    public Scene scene() {
        return scene;
    }

    public BorderPane root() {
        return root;
    }

    /**
     * At 150 % on a 600 px screen the entries are taller than the window: they scroll (by touch too) instead
     * of pushing the status bar off the bottom and leaving the last sections reachable by shortcut only.
     */
    private static ScrollPane scrollingNavigation(VBox nav) {
        ScrollPane scroll = new NavigationScroll(nav);
        scroll.setId("navigation-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPannable(true);
        scroll.getStyleClass().addAll("section-scroll", "navigation-scroll");
        return scroll;
    }

    private VBox navigation(ShellViewModel shell, UiTexts texts) {
        Label product = new Label();
        // One word a line: wrapping let Chinese break inside a word ("IEPMP 主/控台"), and the name on one
        // line widened the navigation at 150 % to a quarter of a 1024 px screen.
        product.textProperty().bind(texts.bind("shell.product").map(name -> name.trim().replaceAll("\\s+", "\n")));
        product.getStyleClass().addAll(Styles.TITLE_4, "product-name");
        product.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        product.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox nav = new VBox(4, product);
        nav.setId("navigation");
        nav.getStyleClass().add("navigation");
        nav.setPadding(new Insets(12, 8, 12, 8));
        // No ToggleGroup: JavaFX puts only a group's selected toggle in the Tab order, which left the other
        // sections out of keyboard reach. The shown section marks its entry instead (showSection above).
        for (Section section : Section.values()) {
            ToggleButton button = new ToggleButton();
            button.setId(section.navId());
            button.textProperty().bind(texts.bind(section.labelKey()));
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().addAll("nav-button", Styles.FLAT);
            button.setOnAction(e -> {
                shell.show(section);
                // A click on the shown section's entry would otherwise leave no entry marked.
                button.setSelected(shell.sectionProperty().get() == section);
            });
            navButtons.put(section, button);
            nav.getChildren().add(button);
        }
        return nav;
    }

    /** Lays {@code overlay} over the section area (e.g. notices); it must not pick on its empty bounds. */
    public void addOverlay(Node overlay) {
        Node center = root.getCenter();
        if (center instanceof StackPane layers && "section-layers".equals(layers.getId())) {
            layers.getChildren().add(overlay);
            return;
        }
        StackPane layers = new StackPane(center, overlay);
        layers.setId("section-layers");
        root.setCenter(layers);
    }

    /** A count on a navigation entry (e.g. available updates), hidden while zero. */
    public void showBadge(Section section, ObservableValue<? extends Number> count) {
        ToggleButton button = navButtons.get(section);
        Label badge = new Label();
        badge.setId(section.navId() + "-badge");
        badge.getStyleClass().add("nav-badge");
        badge.textProperty().bind(count.map(n -> String.valueOf(n.intValue())));
        button.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        button.setGraphicTextGap(8);
        // An invisible graphic would still take its room beside the text: remove it instead.
        Runnable update = () -> button.setGraphic(count.getValue() != null && count.getValue().intValue() > 0 ? badge : null);
        count.addListener((obs, old, value) -> update.run());
        update.run();
    }

    private static Node wrap(Node view) {
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("section-scroll");
        scroll.setMinHeight(0);
        return scroll;
    }

    private void installShortcuts(ShellViewModel shell) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8};
        Section[] sections = Section.values();
        for (int i = 0; i < sections.length && i < digits.length; i++) {
            Section section = sections[i];
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> shell.show(section));
        }
    }
}
