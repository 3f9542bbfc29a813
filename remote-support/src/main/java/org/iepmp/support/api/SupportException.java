package org.iepmp.support.api;

import java.util.List;

/** A refused or failed remote-support session; nothing is left running when this is thrown. */
public class SupportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SupportErrorCode code;
    private final transient List<Object> params;

    public SupportException(SupportErrorCode code, String logMessage, Throwable cause, Object... params) {
        super(code + ": " + logMessage, cause);
        this.code = code;
        this.params = java.util.Collections.unmodifiableList(java.util.Arrays.asList(params.clone()));
    }

    public SupportException(SupportErrorCode code, String logMessage) {
        this(code, logMessage, null);
    }

    public SupportErrorCode code() {
        return code;
    }

    public List<Object> params() {
        return params;
    }
}
