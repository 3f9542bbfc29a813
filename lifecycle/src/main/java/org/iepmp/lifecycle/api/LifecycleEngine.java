package org.iepmp.lifecycle.api;

import java.util.List;

/**
 * The operations of one connected cluster that the GUI, the wizard and the CLI drive: plan,
 * preflight, apply (install, upgrade, rollback, uninstall, repair and configure are all requests of
 * this one flow). Every method blocks: call it off the UI thread. Failures are
 * {@link LifecycleException}s or the typed exceptions of the other modules.
 */
public interface LifecycleEngine {

    /** Resolves the package and its dependencies and describes every step, without changing anything. */
    Plan plan(OperationRequest request);

    /** Checks the cluster for the plan; a FAIL blocks {@link #apply}, a WARN needs the user's yes. */
    List<PreflightResult> preflight(Plan plan);

    /**
     * Takes the cluster lock, records, applies and verifies each step; on failure restores the
     * steps already applied in reverse order. {@code acceptedWarnings} are the WARN results the
     * user agreed to; the preflight is repeated and any new FAIL or unaccepted WARN stops here.
     */
    OperationResult apply(Plan plan, List<PreflightResult> acceptedWarnings, ProgressListener listener, CancellationSignal cancellation);

    /** {@link #apply} with no warnings accepted beyond the request's {@link OperationRequest#acceptWarnings()}. */
    default OperationResult execute(Plan plan, ProgressListener listener, CancellationSignal cancellation) {
        return apply(plan, List.of(), listener, cancellation);
    }
}
