package org.iepmp.app.gui.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Package descriptions come from any repository: hostile input must come out as harmless text. */
class SafeMarkdownTest {

    private final SafeMarkdown markdown = new SafeMarkdown();

    private static List<MarkdownBlock.Span> spans(List<MarkdownBlock> blocks) {
        List<MarkdownBlock.Span> all = new ArrayList<>();
        for (MarkdownBlock block : blocks) {
            collect(block, all);
        }
        return all;
    }

    private static void collect(MarkdownBlock block, List<MarkdownBlock.Span> into) {
        if (block instanceof MarkdownBlock.Paragraph p) {
            into.addAll(p.spans());
        } else if (block instanceof MarkdownBlock.Heading h) {
            into.addAll(h.spans());
        } else if (block instanceof MarkdownBlock.Quote q) {
            q.blocks().forEach(b -> collect(b, into));
        } else if (block instanceof MarkdownBlock.ListBlock l) {
            l.items().forEach(item -> item.forEach(b -> collect(b, into)));
        } else if (block instanceof MarkdownBlock.Code c) {
            into.add(new MarkdownBlock.Span(c.text(), java.util.Set.of(MarkdownBlock.Style.CODE), null));
        }
    }

    private static String text(List<MarkdownBlock> blocks) {
        StringBuilder text = new StringBuilder();
        spans(blocks).forEach(s -> text.append(s.text()));
        return text.toString();
    }

    @Test
    void ordinaryMarkdownKeepsItsStructureAndStyles() {
        List<MarkdownBlock> blocks = markdown.parse("""
                # Line monitor

                Shows **counters** of a *line*, see `values.yaml`.

                - fast
                - small

                1. install
                2. configure

                > note

                ```
                replicas: 2
                ```
                ---
                """);
        assertThat(blocks).hasExactlyElementsOfTypes(MarkdownBlock.Heading.class, MarkdownBlock.Paragraph.class,
                MarkdownBlock.ListBlock.class, MarkdownBlock.ListBlock.class, MarkdownBlock.Quote.class, MarkdownBlock.Code.class,
                MarkdownBlock.Rule.class);
        MarkdownBlock.Paragraph paragraph = (MarkdownBlock.Paragraph) blocks.get(1);
        assertThat(paragraph.spans()).extracting(MarkdownBlock.Span::text)
                .containsExactly("Shows ", "counters", " of a ", "line", ", see ", "values.yaml", ".");
        assertThat(paragraph.spans().get(1).styles()).containsExactly(MarkdownBlock.Style.STRONG);
        assertThat(paragraph.spans().get(5).styles()).containsExactly(MarkdownBlock.Style.CODE);
        MarkdownBlock.ListBlock ordered = (MarkdownBlock.ListBlock) blocks.get(3);
        assertThat(ordered.ordered()).isTrue();
        assertThat(ordered.start()).isEqualTo(1);
        assertThat(ordered.items()).hasSize(2);
        assertThat(((MarkdownBlock.Code) blocks.get(5)).text()).isEqualTo("replicas: 2");
    }

    @Test
    void controlAndBidiOverrideCharactersAreShownAsEscapesAsOnTheCommandLine() {
        String hostile = "Line app\u001b]0;owned\u0007 \u202Etxt.exe\r\nsecond line";
        String summary = new SafeMarkdown().summary(hostile);
        assertThat(summary).doesNotContain("\u001b", "\u0007", "\u202E", "\r")
                .contains("\\u001b]0;owned\\u0007", "\\u202e").endsWith("second line");
        assertThat(summary).doesNotContain("\\u000d");
        assertThat(new SafeMarkdown().summary("plain text")).isEqualTo("plain text");
    }

    @Test
    void rawHtmlIsDroppedNotRendered() {
        List<MarkdownBlock> blocks = markdown.parse("""
                <script>alert('x')</script>

                Hello <img src="https://tracker.example/p.gif" onerror="alert(1)"> <b>world</b>

                <iframe src="https://evil.example"></iframe>
                """);
        String text = text(blocks);
        assertThat(text).contains("Hello").contains("world").doesNotContain("<").doesNotContain("script")
                .doesNotContain("tracker").doesNotContain("iframe");
    }

    @Test
    void onlyHttpHttpsAndMailtoLinksStayClickable() {
        List<MarkdownBlock> blocks = markdown.parse("""
                [docs](https://docs.example/line) [mail](mailto:support@vendor.example)
                [js](javascript:alert(1)) [JS2](JAVASCRIPT:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)
                [file](file:///etc/passwd) [relative](../secrets) [vbs](vbscript:msgbox) <javascript:alert(2)>
                [spaced]( javascript:alert(3) ) [nohost](http:foo)
                """);
        List<MarkdownBlock.Span> links = spans(blocks).stream().filter(MarkdownBlock.Span::link).toList();
        assertThat(links).extracting(MarkdownBlock.Span::url)
                .containsExactly("https://docs.example/line", "mailto:support@vendor.example");
        assertThat(text(blocks)).contains("js").contains("file").contains("relative");
    }

    @Test
    void imagesNeverLoadAndShowTheirAltText() {
        List<MarkdownBlock> blocks = markdown.parse("![Wiring diagram](https://cdn.example/wiring.png) and "
                + "[![badge](https://img.example/b.svg)](https://ci.example)");
        List<MarkdownBlock.Span> spans = spans(blocks);
        assertThat(text(blocks)).contains("Wiring diagram").contains("badge").doesNotContain("cdn.example")
                .doesNotContain("img.example");
        assertThat(spans).filteredOn(MarkdownBlock.Span::link).extracting(MarkdownBlock.Span::url)
                .containsExactly("https://ci.example");
    }

    @Test
    void hugeInputIsCutAndSaysSo() {
        String huge = "word ".repeat(200_000);
        List<MarkdownBlock> blocks = markdown.parse(huge);
        assertThat(blocks.get(blocks.size() - 1)).isInstanceOf(MarkdownBlock.Truncated.class);
        assertThat(text(blocks).length()).isLessThanOrEqualTo(SafeMarkdown.MAX_CHARS);

        List<MarkdownBlock> many = markdown.parse("para\n\n".repeat(3_000));
        assertThat(many.size()).isLessThanOrEqualTo(SafeMarkdown.MAX_BLOCKS + 2);
        assertThat(many.get(many.size() - 1)).isInstanceOf(MarkdownBlock.Truncated.class);
    }

    @Test
    void deepNestingIsFlattenedWithoutExhaustingTheStack() {
        String quotes = ">".repeat(15_000) + " deep quote";
        String lists = "";
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            nested.append("  ".repeat(i)).append("- level").append(i).append('\n');
        }
        lists = nested.toString();
        String emphasis = "*_".repeat(4_000) + "core" + "_*".repeat(4_000);
        String links = "[".repeat(5_000) + "x" + "](https://a.example)".repeat(5_000);

        List<MarkdownBlock> quoteBlocks = markdown.parse(quotes);
        assertThat(depth(quoteBlocks)).isLessThanOrEqualTo(SafeMarkdown.MAX_DEPTH + 1);
        assertThat(text(quoteBlocks)).contains("deep quote");

        List<MarkdownBlock> listBlocks = markdown.parse(lists);
        assertThat(depth(listBlocks)).isLessThanOrEqualTo(SafeMarkdown.MAX_DEPTH + 1);
        assertThat(text(listBlocks)).contains("level0").contains("level7");

        assertThat(text(markdown.parse(emphasis))).contains("core");
        assertThat(markdown.parse(links)).isNotEmpty();
    }

    private static int depth(List<MarkdownBlock> blocks) {
        int deepest = 0;
        for (MarkdownBlock block : blocks) {
            int d = 0;
            if (block instanceof MarkdownBlock.Quote q) {
                d = 1 + depth(q.blocks());
            } else if (block instanceof MarkdownBlock.ListBlock l) {
                for (List<MarkdownBlock> item : l.items()) {
                    d = Math.max(d, 1 + depth(item));
                }
            }
            deepest = Math.max(deepest, d);
        }
        return deepest;
    }

    @Test
    void theSummaryIsTheFirstHeadingOrParagraphAsPlainText() {
        assertThat(markdown.summary("<p>x</p>\n\n## Plant *dashboard*\n\nShows **OEE**.")).isEqualTo("Plant dashboard");
        assertThat(markdown.summary("Shows **OEE**\nper shift.")).isEqualTo("Shows OEE per shift.");
        assertThat(markdown.summary("```\ncode\n```")).isEmpty();
    }

    @Test
    void nothingAndNullAreEmpty() {
        assertThat(markdown.parse(null)).isEmpty();
        assertThat(markdown.parse("")).isEmpty();
        assertThat(SafeMarkdown.openable(null)).isNull();
        assertThat(SafeMarkdown.openable("https://ok.example/a b")).isNull();
    }
}
