package org.iepmp.lifecycle.api;

/**
 * A Helm release left mid-operation (pending install, upgrade or rollback, or uninstalling): Helm
 * refuses further changes until a REPAIR request clears it.
 */
public record StuckRelease(String name, String namespace, int revision, ReleaseStatus status) {
}
