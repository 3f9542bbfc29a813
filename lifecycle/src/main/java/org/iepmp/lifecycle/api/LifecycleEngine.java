package org.iepmp.lifecycle.api;

import java.util.List;

/**
 * The one entry point the GUI, the wizard and the CLI drive (implementation follows once the
 * catalog's and the kube-adapter's drivers exist). Every method blocks: call it off the UI
 * thread. Failures are {@link LifecycleException}s or the typed exceptions of the other modules.
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
}
