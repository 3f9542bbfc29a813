package org.iepmp.lifecycle.api;

/**
 * Every way the lifecycle engine and its local stores can fail, each with the bundle keys that
 * say what happened and what to do. Keys are literals so the localization tests can see them.
 */
public enum LifecycleErrorCode {
    /** {0} = database file. Another program holds the history database. */
    HISTORY_LOCKED("lifecycle.error.historyLocked", "lifecycle.error.historyLocked.hint"),
    /** {0} = database file. The file is not a readable SQLite database or fails its integrity check. */
    HISTORY_CORRUPT("lifecycle.error.historyCorrupt", "lifecycle.error.historyCorrupt.hint"),
    /** {0} = database file. */
    HISTORY_DISK_FULL("lifecycle.error.historyDiskFull", "lifecycle.error.historyDiskFull.hint"),
    /** {0} = database file. Permissions, missing folder, I/O error. */
    HISTORY_UNAVAILABLE("lifecycle.error.historyUnavailable", "lifecycle.error.historyUnavailable.hint"),
    /** {0} = database file, {1} = backup taken before the migration (or empty). */
    HISTORY_MIGRATION_FAILED("lifecycle.error.historyMigrationFailed", "lifecycle.error.historyMigrationFailed.hint"),
    /** {0} = operation id. */
    OPERATION_NOT_FOUND("lifecycle.error.operationNotFound", "lifecycle.error.operationNotFound.hint"),
    /** {0} = export target. */
    EXPORT_FAILED("lifecycle.error.exportFailed", "lifecycle.error.exportFailed.hint"),
    /** {0} = key file. The local key that seals secret values cannot be read or created. */
    SECRET_KEY_UNAVAILABLE("lifecycle.error.secretKeyUnavailable", "lifecycle.error.secretKeyUnavailable.hint"),
    /** {0} = archive folder. */
    ARCHIVE_DISK_FULL("lifecycle.error.archiveDiskFull", "lifecycle.error.archiveDiskFull.hint"),
    /** {0} = archive folder. */
    ARCHIVE_WRITE_FAILED("lifecycle.error.archiveWriteFailed", "lifecycle.error.archiveWriteFailed.hint"),
    /** {0} = digest. */
    ARCHIVE_MISSING("lifecycle.error.archiveMissing", "lifecycle.error.archiveMissing.hint"),
    /** {0} = expected digest, {1} = actual digest. */
    ARCHIVE_CORRUPT("lifecycle.error.archiveCorrupt", "lifecycle.error.archiveCorrupt.hint"),
    /** {0} = the text that is not a sha256 digest. */
    ARCHIVE_INVALID_DIGEST("lifecycle.error.archiveInvalidDigest", "lifecycle.error.archiveInvalidDigest.hint"),
    /** {0} = user, {1} = host, {2} = process id, {3} = since (a {@link java.util.Date}). */
    LOCK_HELD("lifecycle.error.lockHeld", "lifecycle.error.lockHeld.hint"),
    /** {0} = lock file or lease name. */
    LOCK_UNAVAILABLE("lifecycle.error.lockUnavailable", "lifecycle.error.lockUnavailable.hint"),
    /**
     * {0} = lease name. The cluster refuses this user the Lease in kube-system (RBAC): consoles on
     * other computers cannot be excluded; the engine then works with the local lock and preflight warns.
     */
    LEASE_NOT_PERMITTED("lifecycle.error.leaseNotPermitted", "lifecycle.error.leaseNotPermitted.hint"),
    /** {0} = lock file or lease name. The lock was taken over or expired before it was renewed. */
    LOCK_LOST("lifecycle.error.lockLost", "lifecycle.error.lockLost.hint"),
    /** {0} = number of failed checks. A preflight check failed; nothing was changed. */
    PREFLIGHT_FAILED("lifecycle.error.preflightFailed", "lifecycle.error.preflightFailed.hint"),
    /** {0} = number of warnings. Preflight warned and the request did not accept the warnings. */
    PREFLIGHT_WARNINGS("lifecycle.error.preflightWarnings", "lifecycle.error.preflightWarnings.hint"),
    /** {0} = package, {1} = version, {2} = workload, {3} = health reason (English, for the log). */
    VERIFICATION_FAILED("lifecycle.error.verificationFailed", "lifecycle.error.verificationFailed.hint"),
    /** {0} = package, {1} = version. The package version has neither a Helm chart nor manifests: nothing to install. */
    NO_CHART("lifecycle.error.noChart", "lifecycle.error.noChart.hint"),
    /**
     * {0} = package, {1} = version. The version has both a Helm chart and manifests. Glasskube
     * installs both; this console refuses it, because one step would then have two applies to
     * verify and to undo (a chart revision and a manifest inventory) with no single state to
     * return to when the second fails. Publish the manifests inside the chart, or as their own package.
     */
    MIXED_CONTENT("lifecycle.error.mixedContent", "lifecycle.error.mixedContent.hint"),
    /** {0} = package, {1} = version. The connection offers no manifest driver, so plain-manifest packages cannot be applied. */
    MANIFESTS_NOT_SUPPORTED("lifecycle.error.manifestsNotSupported", "lifecycle.error.manifestsNotSupported.hint"),
    /** {0} = release, {1} = namespace. */
    RELEASE_NOT_INSTALLED("lifecycle.error.releaseNotInstalled", "lifecycle.error.releaseNotInstalled.hint"),
    /** {0} = step id, {1} = release. No successful recorded step with this id exists for the release. */
    ROLLBACK_TARGET_UNKNOWN("lifecycle.error.rollbackTargetUnknown", "lifecycle.error.rollbackTargetUnknown.hint"),
    /** {0} = release, {1} = status. The release is not stuck, or no deployed revision is recorded to return to. */
    REPAIR_NOT_POSSIBLE("lifecycle.error.repairNotPossible", "lifecycle.error.repairNotPossible.hint"),
    /** {0} = release. The operation was cancelled by the user. */
    CANCELLED("lifecycle.error.cancelled", "lifecycle.error.cancelled.hint"),
    /** {0} = package. The catalog or the cluster changed between the plan and its execution; plan again. */
    PLAN_OUTDATED("lifecycle.error.planOutdated", "lifecycle.error.planOutdated.hint");

    private final String messageKey;
    private final String hintKey;

    LifecycleErrorCode(String messageKey, String hintKey) {
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
