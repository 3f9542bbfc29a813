package org.iepmp.app.gui.markdown;

/** Opens a link the user clicked (only ever an http, https or mailto URL that {@link SafeMarkdown} let through). */
@FunctionalInterface
public interface LinkOpener {

    void open(String url);
}
