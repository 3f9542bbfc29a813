package org.iepmp.kube.api;

import java.util.Locale;

/** Helm's release states, plus {@link #UNKNOWN} for anything a newer Helm may add. */
public enum ReleaseStatus {
    DEPLOYED, FAILED, PENDING_INSTALL, PENDING_UPGRADE, PENDING_ROLLBACK, UNINSTALLING, UNINSTALLED, SUPERSEDED, UNKNOWN;

    /** Parses Helm's spelling ({@code pending-upgrade}, {@code deployed}, ...). */
    public static ReleaseStatus fromHelm(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** A release in one of these states blocks every other Helm operation on it. */
    public boolean pending() {
        return this == PENDING_INSTALL || this == PENDING_UPGRADE || this == PENDING_ROLLBACK || this == UNINSTALLING;
    }
}
