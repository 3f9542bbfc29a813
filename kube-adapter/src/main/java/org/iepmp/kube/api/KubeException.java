package org.iepmp.kube.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A typed failure from the cluster side. The message is for the log (English, technical);
 * the user sees the localized text of {@link #code()} with {@link #params()}.
 */
public class KubeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final KubeErrorCode code;
    private final transient List<Object> params;

    public KubeException(KubeErrorCode code, String logMessage, Throwable cause, Object... params) {
        super(code + ": " + logMessage, cause);
        this.code = code;
        List<Object> copy = new ArrayList<>();
        Collections.addAll(copy, params);
        this.params = Collections.unmodifiableList(copy);
    }

    public KubeException(KubeErrorCode code, String logMessage, Object... params) {
        this(code, logMessage, null, params);
    }

    public KubeErrorCode code() {
        return code;
    }

    public List<Object> params() {
        return params;
    }
}
