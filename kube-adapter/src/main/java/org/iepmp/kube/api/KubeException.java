package org.iepmp.kube.api;

import org.iepmp.errors.CodedException;

/** A typed failure from the cluster side: what the user sees are the words of its {@link KubeErrorCode}. */
public class KubeException extends CodedException {

    public KubeException(KubeErrorCode code, String logMessage, Throwable cause, Object... params) {
        super(code, logMessage, cause, params);
    }

    public KubeException(KubeErrorCode code, String logMessage, Object... params) {
        super(code, logMessage, params);
    }
}
