package org.iepmp.support.api;

import org.iepmp.errors.CodedException;

/** A refused or failed remote-support session; nothing is left running when this is thrown. */
public class SupportException extends CodedException {

    private static final long serialVersionUID = 1L;

    public SupportException(SupportErrorCode code, String logMessage, Throwable cause, Object... params) {
        super(code, logMessage, cause, params);
    }

    public SupportException(SupportErrorCode code, String logMessage) {
        this(code, logMessage, null);
    }
}
