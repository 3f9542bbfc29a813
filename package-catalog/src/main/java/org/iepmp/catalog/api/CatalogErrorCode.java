package org.iepmp.catalog.api;

import org.iepmp.errors.ErrorCode;

/**
 * Every way reading a package repository can fail. The words of each code are under
 * {@code catalog.error.<name>} and its {@code .hint} (see {@link ErrorCode}).
 */
public enum CatalogErrorCode implements ErrorCode {
    REPOSITORY_NOT_FOUND,
    REPOSITORY_INVALID,
    REPOSITORY_DISABLED,
    REPOSITORY_EXISTS,
    CREDENTIALS_IN_URL,
    CONFIG_UNREADABLE,
    CONFIG_UNWRITABLE,
    UNREACHABLE,
    TIMEOUT,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    NOT_A_FOLDER,
    HTTP_ERROR,
    REDIRECT_LOOP,
    ORIGIN_REFUSED,
    CERTIFICATE_UNTRUSTED,
    CERTIFICATE_EXPIRED,
    CA_CERTIFICATE_INVALID,
    MALFORMED_YAML,
    NOT_YAML,
    MISSING_FIELD,
    INVALID_FIELD,
    INVALID_VERSION,
    INVALID_RANGE,
    TOO_LARGE,
    DIGEST_MISMATCH,
    DIGEST_MISSING,
    ARCHIVE_CORRUPT,
    ARCHIVE_UNSAFE,
    PACKAGE_NOT_FOUND,
    VERSION_NOT_FOUND,
    DEPENDENCY_MISSING,
    DEPENDENCY_CONFLICT,
    DEPENDENCY_CYCLE,
    NO_CHART,
    UNSUPPORTED,
    NOT_LOADED,
    IO,
    INTERRUPTED;

    @Override
    public String domain() {
        return "catalog";
    }
}
