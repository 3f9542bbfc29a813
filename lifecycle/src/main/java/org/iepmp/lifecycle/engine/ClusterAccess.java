package org.iepmp.lifecycle.engine;

import java.util.Objects;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.ReleaseHealthReader;
import org.iepmp.lifecycle.engine.preflight.NodeImages;

/**
 * The connected cluster as the engine uses it. {@code clusterId} is the cluster identity the
 * history rows carry ({@code ClusterFacts.identity()}, the UID of {@code kube-system}).
 * {@code nodeImages} and {@code pendingClearer} may be null (images not checked; no repair).
 */
public record ClusterAccess(String clusterId, ClusterConnection connection, HelmDriver helm, ReleaseHealthReader health,
        NodeImages nodeImages, PendingReleaseClearer pendingClearer) {
    public ClusterAccess {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(helm, "helm");
        Objects.requireNonNull(health, "health");
        nodeImages = nodeImages == null ? NodeImages.UNKNOWN : nodeImages;
        pendingClearer = pendingClearer == null ? PendingReleaseClearer.UNSUPPORTED : pendingClearer;
    }
}
