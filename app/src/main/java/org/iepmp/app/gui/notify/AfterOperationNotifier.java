package org.iepmp.app.gui.notify;

import org.iepmp.lifecycle.api.OperationOutcome;

/**
 * The {@link Notifier} handed to the operation flows: besides the notice, an ended operation
 * runs {@code afterOperation} (the composition re-checks updates there, since an install or an
 * upgrade changes what can be updated).
 */
public final class AfterOperationNotifier implements Notifier {

    private final Notifier notices;
    private final Runnable afterOperation;

    public AfterOperationNotifier(Notifier notices, Runnable afterOperation) {
        this.notices = notices;
        this.afterOperation = afterOperation;
    }

    @Override
    public void notify(Notice notice) {
        notices.notify(notice);
    }

    @Override
    public void operationEnded(String packageName, OperationOutcome outcome) {
        notices.operationEnded(packageName, outcome);
        afterOperation.run();
    }
}
