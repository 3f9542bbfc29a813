package org.iepmp.app.gui.markdown;

import java.util.List;
import java.util.Set;

/**
 * The safe subset of a Markdown text that the app shows: plain blocks and styled text spans, no
 * HTML, no images, only links a user may open. Built by {@link SafeMarkdown}, drawn by {@link MarkdownNodes}.
 */
public sealed interface MarkdownBlock {

    enum Style {
        EMPHASIS,
        STRONG,
        CODE
    }

    /**
     * A run of text. {@code url} is set only for links with an allowed scheme (http, https, mailto);
     * any other link is plain text.
     */
    record Span(String text, Set<Style> styles, String url) {
        public Span {
            styles = Set.copyOf(styles);
        }

        public boolean link() {
            return url != null;
        }
    }

    record Paragraph(List<Span> spans) implements MarkdownBlock {
        public Paragraph {
            spans = List.copyOf(spans);
        }
    }

    record Heading(int level, List<Span> spans) implements MarkdownBlock {
        public Heading {
            spans = List.copyOf(spans);
        }
    }

    record Quote(List<MarkdownBlock> blocks) implements MarkdownBlock {
        public Quote {
            blocks = List.copyOf(blocks);
        }
    }

    /** {@code start} is the first number of an ordered list; 0 for a bullet list. */
    record ListBlock(boolean ordered, int start, List<List<MarkdownBlock>> items) implements MarkdownBlock {
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    record Code(String text) implements MarkdownBlock {
    }

    record Rule() implements MarkdownBlock {
    }

    /** The input was longer than the app shows; the rest was left out. */
    record Truncated() implements MarkdownBlock {
    }
}
