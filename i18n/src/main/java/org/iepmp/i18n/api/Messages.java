package org.iepmp.i18n.api;

/**
 * Localized text for one language. Keys are dotted, start with their bundle family
 * ({@code shell.nav.installed} lives in {@code shell.properties}) and are always written
 * as complete literals in code, so the consistency test can find every use.
 */
public interface Messages {

    Language language();

    /** The formatted text for {@code key}; a missing key yields a visible {@code !key!} marker, never an exception. */
    String get(String key, Object... args);

    /** The text of a deferred message. */
    default String get(Text text) {
        return get(text.key(), text.args().toArray());
    }

    boolean has(String key);

    /** Locale-aware dates, durations, sizes and numbers for this language. */
    Formats formats();
}
