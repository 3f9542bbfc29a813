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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;
import org.iepmp.lifecycle.api.OperationAction;

/**
 * The page container of "Update all" — the same frame as one package's update wizard (title, "step n
 * of 5" with the page's explanation, Cancel / Back / Next with Enter and Escape, 44 px buttons) around
 * the run's pages. Cancel does not answer Escape while packages are being applied.
 */
public final class UpdateRunDialog extends BorderPane {

    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final PageButtons buttons;
    private final Button next;

    public UpdateRunDialog(UpdateRunModel run, UiTexts texts, ErrorPresenter presenter, ResultLinks links) {
        OperationTexts words = new OperationTexts(texts);
        buttons = new PageButtons(texts, run.pageProperty());
        next = buttons.next;
        setId("ops-dialog");
        setPadding(new Insets(16));
        VBox header = PageHeader.of(texts, Bindings.createStringBinding(() -> title(run, texts), run.pageProperty(),
                texts.messagesProperty()), run.pageProperty(), run.pages(), page -> words.pageName(page, true),
                page -> explanation(page, texts, words));
        setTop(header);

        UpdateRunPages made = new UpdateRunPages(run, texts, presenter);
        pages.put(Page.CHOOSE, new UpdateRunChoiceView(run, texts));
        pages.put(Page.PLAN, made.review());
        pages.put(Page.CHECK, made.check());
        pages.put(Page.PROGRESS, made.progress());
        pages.put(Page.RESULT, made.result(links));
        setCenter(PageHeader.stack(pages));

        Button cancel = buttons.cancel;
        cancel.textProperty().bind(Bindings.createStringBinding(() -> texts.get(run.pageProperty().get() == Page.RESULT
                ? "ops.flow.close" : run.runningProperty().get() ? "ops.flow.stop" : "ops.flow.cancel"),
                run.pageProperty(), run.runningProperty(), texts.messagesProperty()));
        cancel.cancelButtonProperty().bind(run.runningProperty().not());
        cancel.disableProperty().bind(run.stopRequestedProperty().and(run.runningProperty()));
        cancel.setOnAction(e -> run.cancel());
        buttons.back.disableProperty().bind(run.canBackProperty().not());
        buttons.back.setOnAction(e -> run.back());
        next.textProperty().bind(Bindings.createStringBinding(() -> run.pageProperty().get() == Page.CHECK
                ? words.confirm(OperationAction.UPGRADE) : texts.get("ops.flow.next"), run.pageProperty(), texts.messagesProperty()));
        next.disableProperty().bind(run.canNextProperty().not());
        next.setOnAction(e -> run.next());
        setBottom(buttons.row());

        run.pageProperty().addListener((obs, old, page) -> showPage(page));
        showPage(run.pageProperty().get());
    }

    private static String title(UpdateRunModel run, UiTexts texts) {
        return texts.get("wizard.run.title", run.pageProperty().get() == null || run.pageProperty().get() == Page.CHOOSE
                ? run.parts().size() : run.included().size());
    }

    private static String explanation(Page page, UiTexts texts, OperationTexts words) {
        return switch (page) {
            case CHOOSE -> texts.get("wizard.run.choose.explain");
            case PROGRESS -> texts.get("wizard.run.apply.explain");
            case RESULT -> texts.get("wizard.run.result.explain");
            default -> words.pageExplanation(page, true);
        };
    }

    private void showPage(Page page) {
        pages.forEach((key, node) -> node.setVisible(key == page));
        Node shown = pages.get(page);
        if (shown != null) {
            javafx.application.Platform.runLater(() -> {
                Node first = OperationDialog.firstFocusable(shown);
                (first != null ? first : next).requestFocus();
            });
        }
    }
}
