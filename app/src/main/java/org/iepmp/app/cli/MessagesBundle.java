package org.iepmp.app.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Messages;

/** The {@code cli.*} texts of one language as the {@link java.util.ResourceBundle} picocli reads option descriptions from. */
final class MessagesBundle extends java.util.ResourceBundle {

    private final Messages messages;
    private final Set<String> keys;

    MessagesBundle(I18n i18n, Messages messages) {
        this.messages = messages;
        this.keys = i18n.keys().stream().filter(k -> k.startsWith("cli.")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    protected Object handleGetObject(String key) {
        // picocli formats descriptions with String.format: a literal percent sign must be doubled.
        return keys.contains(key) ? messages.get(key).replace("%", "%%") : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(keys);
    }
}
