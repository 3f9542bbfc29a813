package org.iepmp.app.gui.markdown;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.iepmp.app.dialog.VisibleText;

/**
 * Turns package descriptions (Markdown from any repository, so untrusted) into {@link MarkdownBlock}s.
 * Raw HTML is dropped, images become their alt text (nothing remote is ever fetched), links keep a URL
 * only when their scheme is http, https or mailto. Input beyond {@link #MAX_CHARS}, nesting beyond
 * {@link #MAX_DEPTH} and blocks beyond {@link #MAX_BLOCKS} are cut, so no description can exhaust
 * the stack or the screen.
 */
public final class SafeMarkdown {

    public static final int MAX_CHARS = 20_000;
    public static final int MAX_DEPTH = 6;
    public static final int MAX_BLOCKS = 500;
    private static final int MAX_INLINE_DEPTH = 16;
    private static final Set<String> OPENABLE = Set.of("http", "https", "mailto");

    private final Parser parser = Parser.builder().build();
    private int blocks;

    /** Not thread-safe; one instance per caller. */
    public List<MarkdownBlock> parse(String markdown) {
        blocks = 0;
        // Control and bidi-override characters from a repository are shown as escapes, as on the command line.
        String text = markdown == null ? "" : VisibleText.neutralize(markdown);
        boolean truncated = text.length() > MAX_CHARS;
        if (truncated) {
            text = text.substring(0, MAX_CHARS);
        }
        List<MarkdownBlock> result = blocksOf(parser.parse(text), 0);
        if (truncated || blocks > MAX_BLOCKS) {
            result.add(new MarkdownBlock.Truncated());
        }
        return result;
    }

    /** The first heading or paragraph as plain text: a one-line summary for lists. */
    public String summary(String markdown) {
        String head = markdown == null ? "" : markdown.substring(0, Math.min(markdown.length(), 2_000));
        for (MarkdownBlock block : parse(head)) {
            List<MarkdownBlock.Span> spans = block instanceof MarkdownBlock.Paragraph p ? p.spans()
                    : block instanceof MarkdownBlock.Heading h ? h.spans() : null;
            if (spans != null) {
                StringBuilder text = new StringBuilder();
                spans.forEach(span -> text.append(span.text()));
                return text.toString().replace('\n', ' ').strip();
            }
        }
        return "";
    }

    /** A URL the app may open on click, or null. */
    public static String openable(String destination) {
        if (destination == null || destination.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(destination.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !OPENABLE.contains(scheme.toLowerCase(Locale.ROOT))) {
                return null;
            }
            if (!scheme.equalsIgnoreCase("mailto") && (uri.getHost() == null || uri.getHost().isEmpty())) {
                return null;
            }
            return uri.toASCIIString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private List<MarkdownBlock> blocksOf(Node parent, int depth) {
        List<MarkdownBlock> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null && blocks <= MAX_BLOCKS; child = child.getNext()) {
            MarkdownBlock block = block(child, depth);
            if (block != null) {
                blocks++;
                result.add(block);
            }
        }
        return result;
    }

    private MarkdownBlock block(Node node, int depth) {
        if (depth >= MAX_DEPTH && (node instanceof BlockQuote || node instanceof BulletList || node instanceof OrderedList)) {
            // Deeper nesting is shown flat: its words stay readable, the recursion stops here.
            return new MarkdownBlock.Paragraph(List.of(plain(flatText(node))));
        }
        if (node instanceof Paragraph) {
            return new MarkdownBlock.Paragraph(spans(node));
        }
        if (node instanceof Heading heading) {
            return new MarkdownBlock.Heading(heading.getLevel(), spans(node));
        }
        if (node instanceof BlockQuote) {
            return new MarkdownBlock.Quote(blocksOf(node, depth + 1));
        }
        if (node instanceof BulletList || node instanceof OrderedList) {
            List<List<MarkdownBlock>> items = new ArrayList<>();
            for (Node item = node.getFirstChild(); item != null && blocks <= MAX_BLOCKS; item = item.getNext()) {
                if (item instanceof ListItem) {
                    items.add(blocksOf(item, depth + 1));
                }
            }
            if (node instanceof OrderedList ordered) {
                Integer start = ordered.getMarkerStartNumber();
                return new MarkdownBlock.ListBlock(true, start == null ? 1 : Math.max(0, Math.min(start, 999_999)), items);
            }
            return new MarkdownBlock.ListBlock(false, 0, items);
        }
        if (node instanceof FencedCodeBlock code) {
            return new MarkdownBlock.Code(stripFinalNewline(code.getLiteral()));
        }
        if (node instanceof IndentedCodeBlock code) {
            return new MarkdownBlock.Code(stripFinalNewline(code.getLiteral()));
        }
        if (node instanceof ThematicBreak) {
            return new MarkdownBlock.Rule();
        }
        if (node instanceof HtmlBlock) {
            return null;
        }
        // Anything else (an extension's block): its words, never its markup.
        String text = flatText(node);
        return text.isBlank() ? null : new MarkdownBlock.Paragraph(List.of(plain(text)));
    }

    private List<MarkdownBlock.Span> spans(Node parent) {
        List<MarkdownBlock.Span> spans = new ArrayList<>();
        inline(parent, EnumSet.noneOf(MarkdownBlock.Style.class), null, spans, 0);
        return merge(spans);
    }

    private void inline(Node parent, Set<MarkdownBlock.Style> styles, String url, List<MarkdownBlock.Span> out, int depth) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (depth >= MAX_INLINE_DEPTH) {
                out.add(new MarkdownBlock.Span(flatText(node), styles, url));
            } else if (node instanceof Text text) {
                out.add(new MarkdownBlock.Span(text.getLiteral(), styles, url));
            } else if (node instanceof Code code) {
                out.add(new MarkdownBlock.Span(code.getLiteral(), with(styles, MarkdownBlock.Style.CODE), url));
            } else if (node instanceof Emphasis) {
                inline(node, with(styles, MarkdownBlock.Style.EMPHASIS), url, out, depth + 1);
            } else if (node instanceof StrongEmphasis) {
                inline(node, with(styles, MarkdownBlock.Style.STRONG), url, out, depth + 1);
            } else if (node instanceof Link link) {
                inline(node, styles, url != null ? url : openable(link.getDestination()), out, depth + 1);
            } else if (node instanceof Image) {
                String alt = flatText(node);
                if (!alt.isBlank()) {
                    out.add(new MarkdownBlock.Span(alt, styles, url));
                }
            } else if (node instanceof SoftLineBreak) {
                out.add(new MarkdownBlock.Span(" ", styles, url));
            } else if (node instanceof HardLineBreak) {
                out.add(new MarkdownBlock.Span("\n", styles, url));
            } else if (!(node instanceof HtmlInline)) {
                inline(node, styles, url, out, depth + 1);
            }
        }
    }

    private static Set<MarkdownBlock.Style> with(Set<MarkdownBlock.Style> styles, MarkdownBlock.Style added) {
        EnumSet<MarkdownBlock.Style> result = styles.isEmpty() ? EnumSet.noneOf(MarkdownBlock.Style.class) : EnumSet.copyOf(styles);
        result.add(added);
        return result;
    }

    /** Neighbouring spans of the same style and link become one: fewer nodes to draw. */
    private static List<MarkdownBlock.Span> merge(List<MarkdownBlock.Span> spans) {
        List<MarkdownBlock.Span> merged = new ArrayList<>();
        for (MarkdownBlock.Span span : spans) {
            if (span.text().isEmpty()) {
                continue;
            }
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).styles().equals(span.styles())
                    && java.util.Objects.equals(merged.get(last).url(), span.url())) {
                merged.set(last, new MarkdownBlock.Span(merged.get(last).text() + span.text(), span.styles(), span.url()));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static MarkdownBlock.Span plain(String text) {
        return new MarkdownBlock.Span(text, Set.of(), null);
    }

    /** The words under a node, without recursion (nesting depth is not bounded by the parser). HTML is left out. */
    static String flatText(Node root) {
        StringBuilder text = new StringBuilder();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof Text t) {
                text.append(t.getLiteral());
            } else if (node instanceof Code c) {
                text.append(c.getLiteral());
            } else if (node instanceof FencedCodeBlock c) {
                text.append(c.getLiteral());
            } else if (node instanceof IndentedCodeBlock c) {
                text.append(c.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                text.append(' ');
            } else if (!(node instanceof HtmlInline) && !(node instanceof HtmlBlock)) {
                if (node instanceof Paragraph || node instanceof Heading || node instanceof ListItem) {
                    if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                        text.append(' ');
                    }
                }
                List<Node> children = new ArrayList<>();
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    children.add(child);
                }
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.push(children.get(i));
                }
            }
        }
        return text.toString().strip();
    }

    private static String stripFinalNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
