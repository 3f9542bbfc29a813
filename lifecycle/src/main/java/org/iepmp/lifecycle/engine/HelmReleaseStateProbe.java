package org.iepmp.lifecycle.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.ManifestDriver;
import org.iepmp.lifecycle.api.ReleaseRevision;
import org.iepmp.lifecycle.api.ReleaseState;
import org.iepmp.lifecycle.api.ReleaseStateProbe;
import org.iepmp.lifecycle.api.ReleaseStatus;

/**
 * The release state as Helm reports it, for reconciling interrupted operations; a plain-manifest
 * package (no Helm release) as its inventory says: revision 0, its version, DEPLOYED when the last
 * apply finished, PENDING_UPGRADE when it was interrupted (a repair applies the recorded version again).
 */
public final class HelmReleaseStateProbe implements ReleaseStateProbe {

    private final String clusterId;
    private final HelmDriver helm;
    private final ManifestDriver manifests;
    private final Duration timeout;

    public HelmReleaseStateProbe(String clusterId, HelmDriver helm, Duration timeout) {
        this(clusterId, helm, null, timeout);
    }

    /** {@code manifests} may be null (Helm releases only). */
    public HelmReleaseStateProbe(String clusterId, HelmDriver helm, ManifestDriver manifests, Duration timeout) {
        this.clusterId = clusterId;
        this.helm = helm;
        this.manifests = manifests;
        this.timeout = timeout;
    }

    @Override
    public String clusterId() {
        return clusterId;
    }

    @Override
    public Optional<ReleaseState> probe(String namespace, String releaseName) {
        Optional<ReleaseState> release = helm.status(releaseName, namespace, timeout).map(info -> new ReleaseState(info.revision(),
                info.chartVersion(), ReleaseStatus.valueOf(info.status().name()), info.updated().orElse(null)));
        if (release.isPresent() || manifests == null) {
            return release;
        }
        return manifests.installed(releaseName, namespace, timeout).map(p -> new ReleaseState(0, p.version(),
                p.complete() ? ReleaseStatus.DEPLOYED : ReleaseStatus.PENDING_UPGRADE, null));
    }

    @Override
    public List<ReleaseRevision> revisions(String namespace, String releaseName) {
        return helm.history(releaseName, namespace, timeout).stream()
                .map(entry -> new ReleaseRevision(entry.revision(), entry.chartVersion(), ReleaseStatus.valueOf(entry.status().name()),
                        // Helm stamps every revision; a record without a time sorts first rather than being dropped.
                        entry.updated().orElse(Instant.EPOCH), entry.description()))
                .toList();
    }
}
