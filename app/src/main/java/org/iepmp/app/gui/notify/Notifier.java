package org.iepmp.app.gui.notify;

import org.iepmp.lifecycle.api.OperationOutcome;

/**
 * Shows a non-blocking notice in the main window; never takes the keyboard focus and never
 * raises the window (a screen share must not jump). Callable from any thread.
 */
public interface Notifier {

    void notify(Notice notice);

    /** For the operation flows (install, configure, roll back, uninstall, update wizard): one notice when an operation ended. */
    default void operationEnded(String packageName, OperationOutcome outcome) {
        notify(switch (outcome) {
            case SUCCEEDED -> Notice.of(Notice.Kind.SUCCESS, "updates.notice.operation.succeeded.title",
                    "updates.notice.operation.succeeded.text", packageName);
            case ROLLED_BACK -> Notice.of(Notice.Kind.WARNING, "updates.notice.operation.rolledBack.title",
                    "updates.notice.operation.rolledBack.text", packageName);
            case INTERRUPTED -> Notice.of(Notice.Kind.WARNING, "updates.notice.operation.interrupted.title",
                    "updates.notice.operation.interrupted.text", packageName);
            case CANCELLED -> Notice.of(Notice.Kind.INFO, "updates.notice.operation.cancelled.title",
                    "updates.notice.operation.cancelled.text", packageName);
            case RUNNING, FAILED -> Notice.of(Notice.Kind.FAILURE, "updates.notice.operation.failed.title",
                    "updates.notice.operation.failed.text", packageName);
        });
    }
}
