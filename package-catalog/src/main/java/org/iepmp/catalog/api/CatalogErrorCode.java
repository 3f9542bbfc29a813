package org.iepmp.catalog.api;

/**
 * Every way reading a package repository can fail, each with the bundle keys that say what
 * happened and what to do. Keys are literals so the localization tests can see them.
 */
public enum CatalogErrorCode {
    REPOSITORY_NOT_FOUND("catalog.error.repositoryNotFound", "catalog.error.repositoryNotFound.hint"),
    REPOSITORY_INVALID("catalog.error.repositoryInvalid", "catalog.error.repositoryInvalid.hint"),
    REPOSITORY_DISABLED("catalog.error.repositoryDisabled", "catalog.error.repositoryDisabled.hint"),
    CONFIG_UNREADABLE("catalog.error.configUnreadable", "catalog.error.configUnreadable.hint"),
    CONFIG_UNWRITABLE("catalog.error.configUnwritable", "catalog.error.configUnwritable.hint"),
    UNREACHABLE("catalog.error.unreachable", "catalog.error.unreachable.hint"),
    TIMEOUT("catalog.error.timeout", "catalog.error.timeout.hint"),
    UNAUTHORIZED("catalog.error.unauthorized", "catalog.error.unauthorized.hint"),
    FORBIDDEN("catalog.error.forbidden", "catalog.error.forbidden.hint"),
    NOT_FOUND("catalog.error.notFound", "catalog.error.notFound.hint"),
    HTTP_ERROR("catalog.error.httpError", "catalog.error.httpError.hint"),
    CERTIFICATE_UNTRUSTED("catalog.error.certificateUntrusted", "catalog.error.certificateUntrusted.hint"),
    CA_CERTIFICATE_INVALID("catalog.error.caCertificateInvalid", "catalog.error.caCertificateInvalid.hint"),
    MALFORMED_YAML("catalog.error.malformedYaml", "catalog.error.malformedYaml.hint"),
    NOT_YAML("catalog.error.notYaml", "catalog.error.notYaml.hint"),
    MISSING_FIELD("catalog.error.missingField", "catalog.error.missingField.hint"),
    INVALID_FIELD("catalog.error.invalidField", "catalog.error.invalidField.hint"),
    INVALID_VERSION("catalog.error.invalidVersion", "catalog.error.invalidVersion.hint"),
    INVALID_RANGE("catalog.error.invalidRange", "catalog.error.invalidRange.hint"),
    TOO_LARGE("catalog.error.tooLarge", "catalog.error.tooLarge.hint"),
    DIGEST_MISMATCH("catalog.error.digestMismatch", "catalog.error.digestMismatch.hint"),
    DIGEST_MISSING("catalog.error.digestMissing", "catalog.error.digestMissing.hint"),
    ARCHIVE_CORRUPT("catalog.error.archiveCorrupt", "catalog.error.archiveCorrupt.hint"),
    ARCHIVE_UNSAFE("catalog.error.archiveUnsafe", "catalog.error.archiveUnsafe.hint"),
    PACKAGE_NOT_FOUND("catalog.error.packageNotFound", "catalog.error.packageNotFound.hint"),
    VERSION_NOT_FOUND("catalog.error.versionNotFound", "catalog.error.versionNotFound.hint"),
    DEPENDENCY_MISSING("catalog.error.dependencyMissing", "catalog.error.dependencyMissing.hint"),
    DEPENDENCY_CONFLICT("catalog.error.dependencyConflict", "catalog.error.dependencyConflict.hint"),
    DEPENDENCY_CYCLE("catalog.error.dependencyCycle", "catalog.error.dependencyCycle.hint"),
    NO_CHART("catalog.error.noChart", "catalog.error.noChart.hint"),
    UNSUPPORTED("catalog.error.unsupported", "catalog.error.unsupported.hint"),
    NOT_LOADED("catalog.error.notLoaded", "catalog.error.notLoaded.hint"),
    IO("catalog.error.io", "catalog.error.io.hint"),
    INTERRUPTED("catalog.error.interrupted", "catalog.error.interrupted.hint");

    private final String messageKey;
    private final String hintKey;

    CatalogErrorCode(String messageKey, String hintKey) {
        this.messageKey = messageKey;
        this.hintKey = hintKey;
    }

    /** What happened (may use the exception's parameters). */
    public String messageKey() {
        return messageKey;
    }

    /** What the user can do about it (same parameters). */
    public String hintKey() {
        return hintKey;
    }
}
