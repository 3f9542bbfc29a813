package org.iepmp.lifecycle.api;

import org.iepmp.errors.CodedException;

/**
 * A typed failure of the lifecycle engine or its local stores: what the user sees are the words of
 * its {@link LifecycleErrorCode}.
 */
public class LifecycleException extends CodedException {

    public LifecycleException(LifecycleErrorCode code, String logMessage, Throwable cause, Object... params) {
        super(code, logMessage, cause, params);
    }

    public LifecycleException(LifecycleErrorCode code, String logMessage, Object... params) {
        super(code, logMessage, params);
    }
}
