package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;

/**
 * The page container of one operation: title, "step n of m" with the page's one-line
 * explanation, the page, and Cancel / Back / Next. Next is the default button (Enter); Cancel
 * answers Escape except while the operation runs, so a stray key press cannot stop it.
 */
public final class OperationDialog extends BorderPane {

    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final PageButtons buttons;
    private final Button next;

    public OperationDialog(OperationFlowModel flow, UiTexts texts, ErrorPresenter presenter) {
        this(flow, texts, presenter, null);
    }

    /** @param links where the result page leads (History entry, support bundle), or {@code null} for no links */
    public OperationDialog(OperationFlowModel flow, UiTexts texts, ErrorPresenter presenter, ResultLinks links) {
        OperationTexts words = new OperationTexts(texts);
        buttons = new PageButtons(texts, flow.pageProperty());
        next = buttons.next;
        boolean wizard = flow.spec().upgrade() != null;
        setId("ops-dialog");
        setPadding(new Insets(16));
        setTop(header(flow, texts, words, wizard));
        setCenter(center(flow, texts, presenter, links, wizard));
        wireButtons(flow, texts, words);
        HBox stopConfirm = stopConfirmation(flow, texts, buttons.cancel);
        setBottom(new VBox(6, stopConfirm, buttons.row()));
        keyboard(flow, stopConfirm);
        flow.progress().runningProperty().addListener((obs, old, running) -> {
            if (!running) {
                stopConfirm.setVisible(false);
            }
        });

        flow.pageProperty().addListener((obs, old, page) -> showPage(page));
        showPage(flow.pageProperty().get());
    }

    /** Title, "step n of m" with the page's explanation, and the flow's notice (until the result). */
    private static Node header(OperationFlowModel flow, UiTexts texts, OperationTexts words, boolean wizard) {
        Label notice = new Label();
        notice.setId("ops-notice");
        notice.setWrapText(true);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
        notice.textProperty().bind(Bindings.createStringBinding(() -> words.problem(flow.spec().notice()), texts.messagesProperty()));
        notice.visibleProperty().bind(Bindings.createBooleanBinding(() -> flow.spec().notice() != null
                && flow.pageProperty().get() != Page.RESULT, flow.pageProperty()));
        notice.managedProperty().bind(notice.visibleProperty());
        return PageHeader.of(texts, Bindings.createStringBinding(() -> words.flowTitle(flow.spec(),
                flow.upgradeChoiceProperty().get()), flow.upgradeChoiceProperty(), texts.messagesProperty()), flow.pageProperty(),
                flow.pages(), page -> words.pageName(page, wizard), page -> words.pageExplanation(page, wizard), notice);
    }

    /** The flow's pages in one stack, the planning indicator over them, a failure above. */
    private VBox center(OperationFlowModel flow, UiTexts texts, ErrorPresenter presenter, ResultLinks links, boolean wizard) {
        flow.spec().form().ifPresent(form -> pages.put(Page.FORM, new ValuesFormView(form, texts)));
        if (wizard) {
            pages.put(Page.CHOOSE, new UpgradeChoiceView(flow.spec().upgrade(), flow.upgradeChoiceProperty(), flow.resourcePreviewProperty(), texts));
            pages.put(Page.PLAN, new UpgradeReviewView(flow, texts));
        } else {
            if (!flow.spec().rollbackChoices().isEmpty()) {
                pages.put(Page.CHOOSE, new RevisionChoiceView(flow.spec().rollbackChoices(), flow.rollbackChoiceProperty(), texts));
            }
            pages.put(Page.PLAN, new PlanView(flow.planProperty(), texts));
        }
        pages.put(Page.CHECK, new PreflightView(flow.preflight(), texts, presenter));
        pages.put(Page.PROGRESS, new ProgressView(flow.progress(), texts, presenter));
        pages.put(Page.RESULT, new ResultView(flow, texts, links));
        StackPane stack = PageHeader.stack(pages);
        ProgressIndicator planning = new ProgressIndicator();
        planning.setMaxSize(48, 48);
        planning.visibleProperty().bind(flow.planningProperty());
        stack.getChildren().add(planning);
        MessageCard failure = new MessageCard(texts, presenter, flow.failureProperty());
        failure.setId("ops-failure");
        VBox center = new VBox(8, failure, stack);
        VBox.setVgrow(stack, Priority.ALWAYS);
        return center;
    }

    /** Cancel (Close, Stop), Back and Next (Confirm on the check page) follow the page and the run. */
    private void wireButtons(OperationFlowModel flow, UiTexts texts, OperationTexts words) {
        Button cancel = buttons.cancel;
        cancel.textProperty().bind(Bindings.createStringBinding(() -> texts.get(switch (flow.pageProperty().get() == null
                ? Page.PLAN : flow.pageProperty().get()) {
                    case RESULT -> "ops.flow.close";
                    case PROGRESS -> flow.progress().runningProperty().get() ? "ops.flow.stop" : "ops.flow.close";
                    default -> "ops.flow.cancel";
                }), flow.pageProperty(), flow.progress().runningProperty(), texts.messagesProperty()));
        cancel.cancelButtonProperty().bind(flow.pageProperty().isNotEqualTo(Page.PROGRESS)
                .or(flow.progress().runningProperty().not()));
        cancel.disableProperty().bind(flow.progress().cancelRequestedProperty().and(flow.progress().runningProperty()));
        cancel.setOnAction(e -> flow.cancel());
        buttons.back.disableProperty().bind(flow.canBackProperty().not());
        buttons.back.setOnAction(e -> flow.back());
        next.textProperty().bind(Bindings.createStringBinding(() -> flow.pageProperty().get() == Page.CHECK
                ? words.confirm(flow.spec().action()) : texts.get("ops.flow.next"), flow.pageProperty(), texts.messagesProperty()));
        next.disableProperty().bind(flow.canNextProperty().not());
        next.setOnAction(e -> flow.next());
    }

    private void keyboard(OperationFlowModel flow, HBox stopConfirm) {
        // Escape while the operation runs asks first (a stray key press must not stop it); elsewhere it is Cancel.
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE && flow.pageProperty().get() == Page.PROGRESS
                    && flow.progress().runningProperty().get() && !flow.progress().cancelRequestedProperty().get()) {
                event.consume();
                stopConfirm.setVisible(true);
                stopConfirm.getChildren().get(2).requestFocus();
            }
        });
        // A list takes Enter for itself; on a choice page Enter still means Next (keyboard-only use).
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER && event.getTarget() instanceof javafx.scene.control.ListView<?>
                    && next.isVisible() && !next.isDisabled()) {
                event.consume();
                next.fire();
            }
        });
    }

    private static HBox stopConfirmation(OperationFlowModel flow, UiTexts texts, Button cancel) {
        Label question = new Label();
        question.setId("ops-stop-question");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        question.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
        question.textProperty().bind(texts.bind("wizard.apply.stopQuestion"));
        HBox.setHgrow(question, Priority.ALWAYS);
        Button stop = new Button();
        stop.setId("ops-stop-confirm");
        stop.setMinHeight(44);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        stop.getStyleClass().add(Styles.DANGER);
        stop.textProperty().bind(texts.bind("wizard.apply.stop"));
        Button keep = new Button();
        keep.setId("ops-stop-keep");
        keep.setMinHeight(44);
        keep.setMinWidth(Region.USE_PREF_SIZE);
        keep.textProperty().bind(texts.bind("wizard.apply.keepGoing"));
        HBox bar = new HBox(8, question, stop, keep);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setVisible(false);
        bar.managedProperty().bind(bar.visibleProperty());
        stop.setOnAction(e -> {
            bar.setVisible(false);
            flow.cancel();
        });
        keep.setOnAction(e -> {
            bar.setVisible(false);
            cancel.requestFocus();
        });
        return bar;
    }

    private void showPage(Page page) {
        pages.forEach((key, node) -> {
            node.setVisible(key == page);
            node.setManaged(true);
        });
        Node shown = pages.get(page);
        if (shown != null) {
            // Keyboard users land on the page's first field (or on Next when the page has none).
            javafx.application.Platform.runLater(() -> {
                Node first = firstFocusable(shown);
                (first != null ? first : next).requestFocus();
            });
        }
    }

    /**
     * A page that fills the window while it fits and scrolls when it does not (a small screen, 150 %
     * zoom): its lists and tables shrink to their minimum height first, then the page scrolls instead
     * of clipping the controls below them.
     */
    static javafx.scene.control.ScrollPane scrollable(Node page) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        scroll.setId(page.getId() == null ? null : page.getId() + "-scroll");
        return scroll;
    }

    /** The first control a keyboard user lands on in a page. */
    static Node firstFocusable(Node node) {
        if (node instanceof javafx.scene.control.ScrollPane scroll) {
            // Its content, whether or not the scroll pane has its skin yet.
            return scroll.getContent() == null ? null : firstFocusable(scroll.getContent());
        }
        if (node.isFocusTraversable() && !node.isDisabled() && node.isVisible()) {
            return node;
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = firstFocusable(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
