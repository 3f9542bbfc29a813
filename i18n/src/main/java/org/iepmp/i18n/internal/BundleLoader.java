package org.iepmp.i18n.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;

/** Loads every bundle family for every language from the classpath (UTF-8 properties). */
public final class BundleLoader implements I18n {

    static final String BASE = "org/iepmp/i18n/";

    private final Map<Language, Map<String, String>> patterns;
    private final Map<Language, Messages> messages = new EnumMap<>(Language.class);

    private BundleLoader(Map<Language, Map<String, String>> patterns) {
        this.patterns = patterns;
        Map<String, String> english = patterns.get(Language.ENGLISH);
        for (Language language : Language.values()) {
            messages.put(language, new BundleMessages(language, patterns.get(language), english));
        }
    }

    public static I18n loadAll() {
        Map<Language, Map<String, String>> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Map<String, String> merged = new LinkedHashMap<>();
            for (String family : FAMILIES) {
                merged.putAll(loadFamily(family, language));
            }
            all.put(language, Collections.unmodifiableMap(merged));
        }
        return new BundleLoader(all);
    }

    /** One family's file for one language; absent files count as empty (the consistency test reports them). */
    public static Map<String, String> loadFamily(String family, Language language) {
        String resource = BASE + family + language.bundleSuffix() + ".properties";
        Map<String, String> result = new LinkedHashMap<>();
        try (InputStream in = BundleLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return result;
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            for (String name : new TreeSet<>(properties.stringPropertyNames())) {
                result.put(name, properties.getProperty(name));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read message bundle " + resource, e);
        }
    }

    @Override
    public Messages messages(Language language) {
        return messages.get(language);
    }

    @Override
    public Map<String, String> rawPatterns(Language language) {
        return patterns.get(language);
    }

    @Override
    public Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(patterns.get(Language.ENGLISH).keySet()));
    }
}
