package org.iepmp.app.gui.operation;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.operation.OperationFlowModel.Page;

/**
 * The top and the page stack of the operation pages, for a single operation and an update run
 * alike: title, "Step n of m: name", the page's one-line explanation (any extra lines below), and
 * the pages stacked with only the current one visible, each scrolling rather than clipping.
 */
final class PageHeader {

    private PageHeader() {
    }

    static VBox of(UiTexts texts, StringBinding title, ObservableValue<Page> page, List<Page> pages,
                   Function<Page, String> pageName, Function<Page, String> explanation, Node... below) {
        Label heading = new Label();
        heading.setId("ops-title");
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setWrapText(true);
        heading.textProperty().bind(title);
        Label stepOf = new Label();
        stepOf.setId("ops-page-name");
        stepOf.getStyleClass().add(Styles.TEXT_BOLD);
        stepOf.setWrapText(true);
        stepOf.textProperty().bind(Bindings.createStringBinding(() -> page.getValue() == null ? ""
                : texts.get("ops.page.stepOf", pages.indexOf(page.getValue()) + 1, pages.size(), pageName.apply(page.getValue())),
                page, texts.messagesProperty()));
        Label explain = new Label();
        explain.setId("ops-page-explain");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        explain.getStyleClass().add(Styles.TEXT_MUTED);
        explain.textProperty().bind(Bindings.createStringBinding(() -> page.getValue() == null ? ""
                : explanation.apply(page.getValue()), page, texts.messagesProperty()));
        VBox header = new VBox(4, heading, stepOf, explain);
        header.getChildren().addAll(below);
        header.setPadding(new Insets(0, 0, 10, 0));
        return header;
    }

    /** Wraps every page to scroll and stacks them, all hidden until shown. */
    static StackPane stack(Map<Page, Node> pages) {
        StackPane stack = new StackPane();
        pages.replaceAll((page, node) -> OperationDialog.scrollable(node));
        pages.values().forEach(node -> {
            node.setVisible(false);
            stack.getChildren().add(node);
        });
        return stack;
    }
}
