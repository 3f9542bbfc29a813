package org.iepmp.app.dialog;

/** Dialogs for view models: they never build windows themselves, so they stay testable. */
public interface DialogService {

    /** Shows an error in the user's language; the stack trace goes to the log and the collapsed details. */
    void showError(Throwable error);

    void showError(UserMessage message);

    /** Asks a yes/no question; {@code true} when the user confirmed. */
    boolean confirm(String title, String question, String confirmLabel);

    void showInfo(String title, String text);
}
