package org.iepmp.errors;

import java.util.Locale;

/**
 * One way something can fail, as every module names it: an enum constant whose {@link #name()} is
 * stable (history rows and scripts keep it), in the {@link #domain()} that reports it. The words
 * for it are not here: the app looks them up under {@link #messageKey()} and {@link #hintKey()},
 * which follow from the name, so an enum of codes needs nothing but its constants and its domain.
 */
public interface ErrorCode {

    /** The stable name, e.g. {@code UNREACHABLE} (an enum constant's own name). */
    String name();

    /** Who reports it, e.g. {@code kube}; also the bundle family its words live in. */
    String domain();

    /** {@code kube.UNREACHABLE}: unique across modules, for scripts and logs. */
    default String qualifiedName() {
        return domain() + "." + name();
    }

    /** What happened: {@code <domain>.error.<name in lowerCamelCase>}, e.g. {@code kube.error.unreachable}. */
    default String messageKey() {
        return domain() + ".error." + lowerCamel(name());
    }

    /** What the user can do about it, with the same parameters as the message. */
    default String hintKey() {
        return messageKey() + ".hint";
    }

    private static String lowerCamel(String constant) {
        StringBuilder camel = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            camel.append(camel.length() == 0 || word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return camel.toString();
    }
}
