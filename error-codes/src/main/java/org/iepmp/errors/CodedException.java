package org.iepmp.errors;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A typed failure: an {@link ErrorCode} with the parameters its words need. The exception's
 * message is for the log (English, technical, never a secret); the user sees the code's words.
 * Each module extends it once, so callers can still catch one module's failures.
 */
public abstract class CodedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<Object> params;

    protected CodedException(ErrorCode code, String logMessage, Throwable cause, Object... params) {
        super(code.name() + ": " + logMessage, cause);
        this.code = code;
        this.params = Collections.unmodifiableList(Arrays.asList(params.clone()));
    }

    protected CodedException(ErrorCode code, String logMessage, Object... params) {
        this(code, logMessage, null, params);
    }

    /** The code of any failure that carries one; empty for a failure nobody typed (a bug, an I/O error). */
    public static Optional<ErrorCode> codeOf(Throwable failure) {
        return failure instanceof CodedException coded ? Optional.of(coded.code()) : Optional.empty();
    }

    public ErrorCode code() {
        return code;
    }

    public List<Object> params() {
        return params;
    }
}
