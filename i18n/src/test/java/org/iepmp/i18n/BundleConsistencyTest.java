package org.iepmp.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.internal.BundleLoader;
import org.junit.jupiter.api.Test;

/**
 * Fails the build on a key missing in any language, a key outside its family, a malformed
 * pattern, or a pattern whose placeholders differ between languages. (Unused keys and keys
 * used in code but missing are checked by {@code LocalizationUsageTest} in the app module,
 * which sees every module's sources.)
 */
class BundleConsistencyTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyFamilyHasTheSameKeysInEveryLanguage() {
        List<String> problems = new ArrayList<>();
        for (String family : I18n.FAMILIES) {
            Set<String> english = BundleLoader.loadFamily(family, Language.ENGLISH).keySet();
            for (Language language : Language.values()) {
                Set<String> keys = BundleLoader.loadFamily(family, language).keySet();
                Set<String> missing = new TreeSet<>(english);
                missing.removeAll(keys);
                Set<String> extra = new TreeSet<>(keys);
                extra.removeAll(english);
                if (!missing.isEmpty()) {
                    problems.add(family + language.bundleSuffix() + " is missing " + missing);
                }
                if (!extra.isEmpty()) {
                    problems.add(family + language.bundleSuffix() + " has keys not in English: " + extra);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyStartsWithItsFamily() {
        List<String> problems = new ArrayList<>();
        for (String family : I18n.FAMILIES) {
            for (Language language : Language.values()) {
                for (String key : BundleLoader.loadFamily(family, language).keySet()) {
                    if (!key.startsWith(family + ".")) {
                        problems.add(key + " in " + family + language.bundleSuffix());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPatternIsWellFormedAndNonEmpty() {
        I18n i18n = I18n.load();
        List<String> problems = new ArrayList<>();
        for (Language language : Language.values()) {
            for (Map.Entry<String, String> entry : i18n.rawPatterns(language).entrySet()) {
                if (entry.getValue().isBlank()) {
                    problems.add(language + " " + entry.getKey() + " is empty");
                    continue;
                }
                try {
                    new MessageFormat(entry.getValue(), language.locale());
                } catch (IllegalArgumentException e) {
                    problems.add(language + " " + entry.getKey() + ": " + e.getMessage());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void placeholdersAgreeAcrossLanguages() {
        I18n i18n = I18n.load();
        List<String> problems = new ArrayList<>();
        for (String key : i18n.keys()) {
            Set<String> english = placeholders(i18n.rawPatterns(Language.ENGLISH).get(key));
            for (Language language : Language.values()) {
                String pattern = i18n.rawPatterns(language).get(key);
                if (pattern != null && !placeholders(pattern).equals(english)) {
                    problems.add(language + " " + key + " uses " + placeholders(pattern) + " but English uses " + english);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void chineseBundlesAreActuallyTranslated() {
        I18n i18n = I18n.load();
        List<String> problems = new ArrayList<>();
        Pattern han = Pattern.compile("\\p{IsHan}");
        for (Language language : List.of(Language.TRADITIONAL_CHINESE, Language.SIMPLIFIED_CHINESE)) {
            for (Map.Entry<String, String> entry : i18n.rawPatterns(language).entrySet()) {
                String english = i18n.rawPatterns(Language.ENGLISH).get(entry.getKey());
                String text = entry.getValue();
                // A sentence of three or more English words left untranslated is a missed translation;
                // short technical words (Helm, MicroK8s, {0}) may stay as they are.
                if (text.equals(english) && words(english) >= 3 && !han.matcher(text).find()) {
                    problems.add(language + " " + entry.getKey() + " = " + text);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static long words(String text) {
        return Pattern.compile("\\p{L}{2,}").matcher(text).results().count();
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> result = new TreeSet<>();
        if (pattern == null) {
            return result;
        }
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            result.add(matcher.group(1));
        }
        return result;
    }
}
