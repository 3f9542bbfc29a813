package org.iepmp.catalog.api;

import org.iepmp.errors.CodedException;

/** A typed failure of the catalog: what the user sees are the words of its {@link CatalogErrorCode}. */
public class CatalogException extends CodedException {

    public CatalogException(CatalogErrorCode code, String logMessage, Throwable cause, Object... params) {
        super(code, logMessage, cause, params);
    }

    public CatalogException(CatalogErrorCode code, String logMessage, Object... params) {
        super(code, logMessage, params);
    }
}
