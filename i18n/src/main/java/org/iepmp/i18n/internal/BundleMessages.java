package org.iepmp.i18n.internal;

import com.ibm.icu.text.MessageFormat;
import java.util.Map;
import org.iepmp.i18n.api.Formats;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;

/**
 * Messages of one language over the loaded bundle families, falling back to English for a missing key.
 * Patterns are ICU MessageFormat: {@code {0, plural, one {# package} other {# packages}}} and select
 * work in every language, and an apostrophe is kept as typed ("vendor's") unless it quotes a brace.
 */
final class BundleMessages implements Messages {

    private final Language language;
    private final Map<String, String> texts;
    private final Map<String, String> englishTexts;
    private final Formats formats;

    BundleMessages(Language language, Map<String, String> texts, Map<String, String> englishTexts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
        this.englishTexts = Map.copyOf(englishTexts);
        this.formats = new LocaleFormats(this);
    }

    @Override
    public Language language() {
        return language;
    }

    @Override
    public String get(String key, Object... args) {
        String pattern = texts.get(key);
        if (pattern == null) {
            pattern = englishTexts.get(key);
        }
        if (pattern == null) {
            return "!" + key + "!";
        }
        if (args == null || args.length == 0) {
            // Run it anyway so quoting ('{' for a literal brace) is uniform with and without arguments.
            return new MessageFormat(pattern, language.locale()).format(new Object[0]);
        }
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    @Override
    public boolean has(String key) {
        return texts.containsKey(key) || englishTexts.containsKey(key);
    }

    @Override
    public Formats formats() {
        return formats;
    }
}
