package org.iepmp.i18n.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The three languages the console speaks, with the font stack each needs to draw its script. */
public enum Language {
    ENGLISH("en", Locale.ENGLISH, "English",
            List.of("Noto Sans", "DejaVu Sans", "Noto Sans CJK SC")),
    TRADITIONAL_CHINESE("zh-TW", Locale.TRADITIONAL_CHINESE, "繁體中文",
            List.of("Noto Sans CJK TC", "Noto Sans TC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")),
    SIMPLIFIED_CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE, "简体中文",
            List.of("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"));

    private final String tag;
    private final Locale locale;
    private final String nativeName;
    private final List<String> fontFamilies;

    Language(String tag, Locale locale, String nativeName, List<String> fontFamilies) {
        this.tag = tag;
        this.locale = locale;
        this.nativeName = nativeName;
        this.fontFamilies = fontFamilies;
    }

    /** BCP 47 tag, as used in settings files and the {@code --lang} option. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, so a user who cannot read the current language still finds theirs. */
    public String nativeName() {
        return nativeName;
    }

    /** Preferred font families, best first; DejaVu alone would draw CJK text as boxes. */
    public List<String> fontFamilies() {
        return fontFamilies;
    }

    /** Suffix of this language's bundle file ({@code ""} for the English base bundle). */
    public String bundleSuffix() {
        return switch (this) {
            case ENGLISH -> "";
            case TRADITIONAL_CHINESE -> "_zh_TW";
            case SIMPLIFIED_CHINESE -> "_zh_CN";
        };
    }

    /** Parses {@code en}, {@code zh-TW}, {@code zh_tw}, {@code zh-Hant}, {@code zh-CN}, {@code zh-Hans}, {@code zh}. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String normalized = tag.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.tag.toLowerCase(Locale.ROOT).equals(normalized)) {
                return Optional.of(language);
            }
        }
        return Optional.ofNullable(switch (normalized) {
            case "english", "en-us", "en-gb" -> ENGLISH;
            case "zh-hant", "zh-hk", "zh-mo", "zh-hant-tw" -> TRADITIONAL_CHINESE;
            case "zh", "zh-hans", "zh-sg", "zh-hans-cn" -> SIMPLIFIED_CHINESE;
            default -> normalized.startsWith("en-") ? ENGLISH : null;
        });
    }

    /** The language closest to an OS locale; English when the locale is neither Chinese nor English. */
    public static Language fromLocale(Locale locale) {
        if (locale == null || !"zh".equals(locale.getLanguage())) {
            return ENGLISH;
        }
        String script = locale.getScript();
        String country = locale.getCountry();
        if ("Hant".equals(script) || "TW".equals(country) || "HK".equals(country) || "MO".equals(country)) {
            return TRADITIONAL_CHINESE;
        }
        return SIMPLIFIED_CHINESE;
    }
}
