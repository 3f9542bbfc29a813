package org.iepmp.app.gui.operation;

/** Where the result page leads: the operation's History entry, and the Support section's bundle export. */
public interface ResultLinks {

    /** Shows History with this operation selected (the operation window closes first). */
    void showHistory(long operationId);

    /** Opens the Support section, where the support bundle is exported. */
    void supportBundle();
}
