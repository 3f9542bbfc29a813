package org.iepmp.app.gui.operation;

import java.util.List;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.lifecycle.api.Reconciliation;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.api.UpdateInfo;

/** The operations the screens start; each opens its flow (plan, preflight, progress, result). */
public interface OperationCommands {

    void install(ResolvedVersion version);

    void configure(ReleaseInfo release);

    void upgrade(ReleaseInfo release);

    /** "Update all": one run over the chosen updates. */
    void upgrade(List<UpdateInfo> updates);

    void rollBack(ReleaseInfo release);

    /** Returns a release to the revision a recorded step left it at. */
    void rollBackTo(StepRecord target);

    void uninstall(ReleaseInfo release);

    /** Repair a release an interrupted operation left pending (back to its last deployed state, or removed if never deployed). */
    void repair(ReleaseInfo release);

    /** Opens an interrupted operation found at start on the wizard's result page. */
    void resume(long operationId, Reconciliation reconciliation);
}
