package org.iepmp.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;
import org.junit.jupiter.api.Test;

/**
 * Counts read right in every language ("1 operation", never "1 operations" or "node(s)"), and an
 * apostrophe in a pattern is printed as written ("your vendor's repository"), with or without arguments.
 */
class PluralAndApostropheTest {

    private final I18n i18n = I18n.load();

    @Test
    void englishCountsTakeTheRightForm() {
        Messages en = i18n.messages(Language.ENGLISH);
        assertThat(en.get("app.history.page.total", 1)).isEqualTo("1 operation");
        assertThat(en.get("app.history.page.total", 2)).isEqualTo("2 operations");
        assertThat(en.get("app.history.page.total", 1200)).isEqualTo("1,200 operations");
        assertThat(en.get("app.repositories.test.passed", 1)).isEqualTo("Works: 1 package found.");
        assertThat(en.get("lifecycle.preflight.nodesReady", 1, 1)).isEqualTo("1 of 1 node is ready.");
        assertThat(en.get("lifecycle.preflight.nodesReady", 2, 3)).isEqualTo("2 of 3 nodes are ready.");
        assertThat(en.get("lifecycle.preflight.noNodeReady", 1)).isEqualTo("The only node is not ready.");
    }

    @Test
    void chineseCountsStayPlain() {
        assertThat(i18n.messages(Language.TRADITIONAL_CHINESE).get("app.history.page.total", 1)).isEqualTo("共 1 筆操作");
        assertThat(i18n.messages(Language.SIMPLIFIED_CHINESE).get("app.history.page.total", 3)).isEqualTo("共 3 条操作");
    }

    @Test
    void apostrophesAreKeptAsWritten() {
        assertThat(i18n.messages(Language.ENGLISH).get("app.repositories.empty")).contains("your vendor's repository");
    }

    @Test
    void noEnglishPatternMarksAPluralWithParentheses() {
        assertThat(i18n.rawPatterns(Language.ENGLISH).entrySet()).noneMatch(e -> e.getValue().matches("(?s).*\\w\\(s\\).*"));
    }
}
