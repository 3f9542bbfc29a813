package org.iepmp.support.api;

/** A recent cluster event about a release's objects. */
public record BundleEvent(boolean warning, String objectKind, String objectName, String reason, String message,
                          int count) {
}
