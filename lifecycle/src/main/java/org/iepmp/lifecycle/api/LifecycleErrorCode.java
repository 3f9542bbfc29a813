package org.iepmp.lifecycle.api;

import org.iepmp.errors.ErrorCode;

/**
 * Every way the lifecycle engine and its local stores can fail. The words of each code are under
 * {@code lifecycle.error.<name>} and its {@code .hint} (see {@link ErrorCode}).
 */
public enum LifecycleErrorCode implements ErrorCode {
    /** {0} = database file. Another program holds the history database. */
    HISTORY_LOCKED,
    /** {0} = database file. The file is not a readable SQLite database or fails its integrity check. */
    HISTORY_CORRUPT,
    /** {0} = database file. */
    HISTORY_DISK_FULL,
    /** {0} = database file. Permissions, missing folder, I/O error. */
    HISTORY_UNAVAILABLE,
    /** {0} = database file, {1} = backup taken before the migration (or empty). */
    HISTORY_MIGRATION_FAILED,
    /** {0} = operation id. */
    OPERATION_NOT_FOUND,
    /** {0} = export target. */
    EXPORT_FAILED,
    /** {0} = key file. The local key that seals secret values cannot be read or created. */
    SECRET_KEY_UNAVAILABLE,
    /** {0} = archive folder. */
    ARCHIVE_DISK_FULL,
    /** {0} = archive folder. */
    ARCHIVE_WRITE_FAILED,
    /** {0} = digest. */
    ARCHIVE_MISSING,
    /** {0} = expected digest, {1} = actual digest. */
    ARCHIVE_CORRUPT,
    /** {0} = the text that is not a sha256 digest. */
    ARCHIVE_INVALID_DIGEST,
    /** {0} = user, {1} = host, {2} = process id, {3} = since (a {@link java.util.Date}). */
    LOCK_HELD,
    /** {0} = lock file or lease name. */
    LOCK_UNAVAILABLE,
    /**
     * {0} = lease name. The cluster refuses this user the Lease in kube-system (RBAC): consoles on
     * other computers cannot be excluded; the engine then works with the local lock and preflight warns.
     */
    LEASE_NOT_PERMITTED,
    /** {0} = lock file or lease name. The lock was taken over or expired before it was renewed. */
    LOCK_LOST,
    /** {0} = number of failed checks. A preflight check failed; nothing was changed. */
    PREFLIGHT_FAILED,
    /** {0} = number of warnings. Preflight warned and the request did not accept the warnings. */
    PREFLIGHT_WARNINGS,
    /** {0} = package, {1} = version, {2} = workload, {3} = health reason (English, for the log). */
    VERIFICATION_FAILED,
    /** {0} = package, {1} = version. The package version has neither a Helm chart nor manifests: nothing to install. */
    NO_CHART,
    /**
     * {0} = package, {1} = version. The version has both a Helm chart and manifests. Glasskube
     * installs both; this console refuses it, because one step would then have two applies to
     * verify and to undo (a chart revision and a manifest inventory) with no single state to
     * return to when the second fails. Publish the manifests inside the chart, or as their own package.
     */
    MIXED_CONTENT,
    /** {0} = package, {1} = version. The connection offers no manifest driver, so plain-manifest packages cannot be applied. */
    MANIFESTS_NOT_SUPPORTED,
    /** {0} = release, {1} = namespace. */
    RELEASE_NOT_INSTALLED,
    /** {0} = step id, {1} = release. No successful recorded step with this id exists for the release. */
    ROLLBACK_TARGET_UNKNOWN,
    /** {0} = release, {1} = status. The release is not stuck, or no deployed revision is recorded to return to. */
    REPAIR_NOT_POSSIBLE,
    /** {0} = release. The operation was cancelled by the user. */
    CANCELLED,
    /** {0} = package. The catalog or the cluster changed between the plan and its execution; plan again. */
    PLAN_OUTDATED,
    /** {0} = definition, {1} = the text given, {2} = the form expected. A reference value lacks parts. */
    SETTING_REFERENCE_INVALID,
    /** {0} = package, {1} = the name given. The package has no value definition of this name. */
    SETTING_UNKNOWN,
    /** {0} = package, {1} = definition. A required value is not given and has no default. */
    SETTING_REQUIRED,
    /** {0} = package, {1} = definition, {2} = value (masked when secret). Not a whole number. */
    SETTING_NOT_NUMBER,
    /** {0} = package, {1} = definition, {2} = value (masked when secret). Not true/false. */
    SETTING_NOT_BOOLEAN,
    /** {0} = package, {1} = definition, {2} = value (masked when secret), {3} = the smallest allowed. */
    SETTING_TOO_SMALL,
    /** {0} = package, {1} = definition, {2} = value (masked when secret), {3} = the largest allowed. */
    SETTING_TOO_LARGE,
    /** {0} = package, {1} = definition, {2} = value (masked when secret), {3} = the least length in bytes. */
    SETTING_TOO_SHORT,
    /** {0} = package, {1} = definition, {2} = value (masked when secret), {3} = the most length in bytes. */
    SETTING_TOO_LONG,
    /** {0} = package, {1} = definition, {2} = value (masked when secret), {3} = the pattern. */
    SETTING_PATTERN,
    /** {0} = package, {1} = definition, {2} = value (masked when secret), {3} = the options. */
    SETTING_OPTION,
    /** {0} = package, {1} = definition, {2} = the default (masked when secret), {3} = the broken rule in English. */
    SETTING_DEFAULT_INVALID,
    /** {0} = package, {1} = definition, {2} = reference (ConfigMap/Secret namespace/name key), {3} = kind of object. */
    SETTING_REFERENCE_NOT_FOUND,
    /** {0} = package, {1} = definition, {2} = reference. The object exists but lacks the key or value. */
    SETTING_REFERENCE_KEY_MISSING,
    /** {0} = package, {1} = definition, {2} = reference. A Secret's value is not base64 text, as Glasskube reads it. */
    SETTING_REFERENCE_NOT_BASE64,
    /** {0} = package, {1} = definition, {2} = reference. References cannot be read: no cluster connection offers them. */
    SETTING_REFERENCE_UNAVAILABLE,
    /** {0} = package, {1} = definition, {2} = target, {3} = Go's message. The value template does not parse or fails. */
    SETTING_TEMPLATE_INVALID,
    /** {0} = package, {1} = definition, {2} = target, {3} = the function. The template calls a function Glasskube lacks. */
    SETTING_TEMPLATE_FUNCTION,
    /** {0} = package, {1} = definition, {2} = target, {3} = the output (masked when secret). The output is not JSON. */
    SETTING_TEMPLATE_NOT_JSON,
    /** {0} = package, {1} = definition, {2} = target, {3} = the operation. Only add, replace and remove are applied. */
    SETTING_PATCH_OP,
    /** {0} = package, {1} = definition, {2} = target, {3} = why (English, from the JSON patch). */
    SETTING_PATCH_FAILED,
    /** {0} = package, {1} = definition, {2} = the chart named, {3} = the package's chart (or "-"). */
    SETTING_TARGET_CHART_UNKNOWN,
    /** {0} = package, {1} = definition, {2} = the resource named. No manifest object of the package matches it. */
    SETTING_TARGET_RESOURCE_UNKNOWN;

    @Override
    public String domain() {
        return "lifecycle";
    }
}
