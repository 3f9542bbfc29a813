package org.iepmp.catalog.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A typed failure of the catalog. The message is for the log (English, technical, never a
 * secret); the user sees the localized text of {@link #code()} with {@link #params()}.
 */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CatalogErrorCode code;
    private final transient List<Object> params;

    public CatalogException(CatalogErrorCode code, String logMessage, Throwable cause, Object... params) {
        super(code + ": " + logMessage, cause);
        this.code = code;
        List<Object> copy = new ArrayList<>();
        Collections.addAll(copy, params);
        this.params = Collections.unmodifiableList(copy);
    }

    public CatalogException(CatalogErrorCode code, String logMessage, Object... params) {
        this(code, logMessage, null, params);
    }

    public CatalogErrorCode code() {
        return code;
    }

    public List<Object> params() {
        return params;
    }
}
