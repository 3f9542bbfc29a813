package org.iepmp.app.gui.markdown;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.iepmp.app.gui.common.UiTexts;

/**
 * Draws {@link MarkdownBlock}s with plain JavaFX nodes (TextFlow, Text, Hyperlink): no WebView,
 * nothing interpreted. A link shows its URL beside its words and opens only on click.
 */
public final class MarkdownNodes {

    private final UiTexts texts;
    private final LinkOpener opener;

    public MarkdownNodes(UiTexts texts, LinkOpener opener) {
        this.texts = texts;
        this.opener = opener;
    }

    public VBox render(List<MarkdownBlock> blocks) {
        VBox box = new VBox(6);
        box.getStyleClass().add("markdown");
        for (MarkdownBlock block : blocks) {
            box.getChildren().add(node(block));
        }
        return box;
    }

    private Node node(MarkdownBlock block) {
        if (block instanceof MarkdownBlock.Paragraph p) {
            return flow(p.spans(), "md-paragraph");
        }
        if (block instanceof MarkdownBlock.Heading h) {
            return flow(h.spans(), "md-h" + Math.min(h.level(), 3));
        }
        if (block instanceof MarkdownBlock.Quote q) {
            VBox quote = render(q.blocks());
            quote.getStyleClass().add("md-quote");
            return quote;
        }
        if (block instanceof MarkdownBlock.ListBlock list) {
            VBox items = new VBox(2);
            int number = list.start();
            for (List<MarkdownBlock> item : list.items()) {
                Label marker = new Label(list.ordered() ? (number++) + "." : "•");
                marker.setMinWidth(Region.USE_PREF_SIZE);
                VBox content = render(item);
                HBox.setHgrow(content, Priority.ALWAYS);
                items.getChildren().add(new HBox(6, marker, content));
            }
            return items;
        }
        if (block instanceof MarkdownBlock.Code c) {
            Label code = new Label(c.text());
            code.getStyleClass().add("md-code-block");
            code.setWrapText(true);
            code.setMinHeight(Region.USE_PREF_SIZE);
            code.setMaxWidth(Double.MAX_VALUE);
            return code;
        }
        if (block instanceof MarkdownBlock.Rule) {
            return new Separator();
        }
        Label cut = new Label(texts.get("updates.markdown.truncated"));
        cut.getStyleClass().add(Styles.TEXT_MUTED);
        cut.setWrapText(true);
        return cut;
    }

    private TextFlow flow(List<MarkdownBlock.Span> spans, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        for (MarkdownBlock.Span span : spans) {
            if (span.link()) {
                Hyperlink link = new Hyperlink(span.text());
                link.getStyleClass().add("md-link");
                link.setTooltip(new Tooltip(span.url()));
                link.setOnAction(e -> opener.open(span.url()));
                flow.getChildren().add(link);
                if (!span.text().strip().equals(span.url())) {
                    flow.getChildren().add(text(" (" + span.url() + ")", "md-url"));
                }
            } else {
                Text text = text(span.text(), "md-text");
                for (MarkdownBlock.Style style : span.styles()) {
                    text.getStyleClass().add(switch (style) {
                        case EMPHASIS -> "md-em";
                        case STRONG -> "md-strong";
                        case CODE -> "md-code";
                    });
                }
                flow.getChildren().add(text);
            }
        }
        return flow;
    }

    private static Text text(String value, String styleClass) {
        Text text = new Text(value);
        text.getStyleClass().addAll("md-text", styleClass);
        return text;
    }
}
