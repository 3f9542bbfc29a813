package org.iepmp.app.gui.notify;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.UiTexts;

/**
 * The notices of a {@link NotificationCenter}, stacked in the bottom-right corner over the
 * section. It never requests the focus by itself; Ctrl+Shift+N moves the focus to the newest
 * notice, Tab walks its buttons, Escape closes it.
 */
public final class NotificationArea extends VBox {

    private final NotificationCenter center;
    private final UiTexts texts;
    private final java.util.Map<Long, Node> toasts = new java.util.HashMap<>();

    public NotificationArea(NotificationCenter center, UiTexts texts) {
        this.center = center;
        this.texts = texts;
        setId("notification-area");
        getStyleClass().add("notification-area");
        setSpacing(8);
        setPadding(new Insets(12));
        setAlignment(Pos.BOTTOM_RIGHT);
        setFillWidth(false);
        // Clicks between the notices reach the section below.
        setPickOnBounds(false);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.BOTTOM_RIGHT);
        center.shown().addListener((ListChangeListener<NotificationCenter.Entry>) change -> rebuild());
        texts.messagesProperty().addListener((obs, old, value) -> {
            toasts.clear();
            rebuild();
        });
        rebuild();
    }

    /** Ctrl+Shift+N: keyboard users reach the newest notice without tabbing through the section. */
    public void installShortcut(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::focusNewest);
    }

    public void focusNewest() {
        if (getChildren().isEmpty()) {
            return;
        }
        Node newest = getChildren().get(getChildren().size() - 1);
        newest.lookupAll(".button").stream().findFirst().ifPresent(Node::requestFocus);
    }

    /** Notices already on screen keep their node, so a new one neither moves the focus nor resets a hover. */
    private void rebuild() {
        toasts.keySet().retainAll(center.shown().stream().map(NotificationCenter.Entry::id).toList());
        getChildren().setAll(center.shown().stream()
                .map(entry -> toasts.computeIfAbsent(entry.id(), id -> toast(entry))).toList());
    }

    private Node toast(NotificationCenter.Entry entry) {
        Notice notice = entry.notice();
        Label title = new Label(texts.get(notice.titleKey(), notice.titleArgs().toArray()));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, title);
        if (notice.textKey() != null) {
            Label text = new Label(texts.get(notice.textKey(), notice.textArgs().toArray()));
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(text);
        }
        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        notice.action().ifPresent(action -> {
            Button act = new Button(texts.get(action.labelKey()));
            act.getStyleClass().add(Styles.ACCENT);
            act.setOnAction(e -> center.act(entry));
            buttons.getChildren().add(act);
        });
        Button close = new Button(texts.get("updates.notice.close"));
        close.getStyleClass().add("notice-close");
        close.setOnAction(e -> center.dismiss(entry));
        buttons.getChildren().add(close);
        box.getChildren().add(buttons);
        box.getStyleClass().addAll("notice", "notice-" + notice.kind().name().toLowerCase(Locale.ROOT), Styles.ELEVATED_2);
        // In em, so a notice keeps its shape at any zoom (24em is 340 px at 100 %).
        box.getStyleClass().add("notice-box");
        box.setId("notice-" + entry.id());
        box.hoverProperty().addListener((obs, old, hovered) -> holdOrRelease(entry, box));
        box.focusWithinProperty().addListener((obs, old, focused) -> holdOrRelease(entry, box));
        box.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                center.dismiss(entry);
                e.consume();
            }
        });
        return box;
    }

    private void holdOrRelease(NotificationCenter.Entry entry, VBox box) {
        if (box.isHover() || box.isFocusWithin()) {
            center.hold(entry);
        } else {
            center.release(entry);
        }
    }
}
