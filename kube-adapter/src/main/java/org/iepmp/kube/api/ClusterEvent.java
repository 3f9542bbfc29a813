package org.iepmp.kube.api;

import java.time.Instant;
import java.util.Optional;

/** A Kubernetes event about an object of a release; {@code warning} for type Warning. */
public record ClusterEvent(
        Optional<Instant> lastSeen,
        boolean warning,
        String reason,
        String objectKind,
        String objectName,
        String message,
        int count) {

    public ClusterEvent {
        lastSeen = lastSeen == null ? Optional.empty() : lastSeen;
        reason = reason == null ? "" : reason;
        objectKind = objectKind == null ? "" : objectKind;
        objectName = objectName == null ? "" : objectName;
        message = message == null ? "" : message;
    }
}
