package org.iepmp.lifecycle.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A typed failure of the lifecycle engine or its local stores. The message is for the log
 * (English, technical); the user sees the localized text of {@link #code()} with {@link #params()}.
 */
public class LifecycleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LifecycleErrorCode code;
    private final transient List<Object> params;

    public LifecycleException(LifecycleErrorCode code, String logMessage, Throwable cause, Object... params) {
        super(code + ": " + logMessage, cause);
        this.code = code;
        List<Object> copy = new ArrayList<>();
        Collections.addAll(copy, params);
        this.params = Collections.unmodifiableList(copy);
    }

    public LifecycleException(LifecycleErrorCode code, String logMessage, Object... params) {
        this(code, logMessage, null, params);
    }

    public LifecycleErrorCode code() {
        return code;
    }

    public List<Object> params() {
        return params;
    }
}
