package org.iepmp.app.gui;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.iepmp.app.gui.operation.OperationCommands;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.lifecycle.api.Reconciliation;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.api.UpdateInfo;

/**
 * The operation commands handed to the view models, which are built before the operations:
 * those report back to the same view models (refresh Installed and History, show a history
 * entry). Bound exactly once by the composition; a command before that fails loudly instead of
 * doing nothing.
 */
final class LateOperationCommands implements OperationCommands {

    private final AtomicReference<OperationCommands> target = new AtomicReference<>();

    void bind(OperationCommands commands) {
        if (!target.compareAndSet(null, commands)) {
            throw new IllegalStateException("operation commands bound twice");
        }
    }

    private OperationCommands target() {
        OperationCommands bound = target.get();
        if (bound == null) {
            throw new IllegalStateException("operation commands used before the operations were wired");
        }
        return bound;
    }

    @Override
    public void install(ResolvedVersion version) {
        target().install(version);
    }

    @Override
    public void configure(ReleaseInfo release) {
        target().configure(release);
    }

    @Override
    public void upgrade(ReleaseInfo release) {
        target().upgrade(release);
    }

    @Override
    public void upgrade(List<UpdateInfo> updates) {
        target().upgrade(updates);
    }

    @Override
    public void rollBack(ReleaseInfo release) {
        target().rollBack(release);
    }

    @Override
    public void rollBackTo(StepRecord target) {
        target().rollBackTo(target);
    }

    @Override
    public void uninstall(ReleaseInfo release) {
        target().uninstall(release);
    }

    @Override
    public void repair(ReleaseInfo release) {
        target().repair(release);
    }

    @Override
    public void resume(long operationId, Reconciliation reconciliation) {
        target().resume(operationId, reconciliation);
    }
}
