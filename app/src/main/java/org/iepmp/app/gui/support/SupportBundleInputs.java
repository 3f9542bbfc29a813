package org.iepmp.app.gui.support;

import java.util.List;
import java.util.Optional;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.kube.api.ClusterEvent;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.NodeFacts;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.WorkloadHealth;
import org.iepmp.support.api.BundleCluster;
import org.iepmp.support.api.BundleEvent;
import org.iepmp.support.api.BundleNode;
import org.iepmp.support.api.BundleRelease;
import org.iepmp.support.api.BundleRepository;
import org.iepmp.support.api.BundleWorkload;

/**
 * What the screens know about repositories, the cluster and releases, in the plain records the
 * support bundle is written from (remote support knows neither the catalog nor the cluster
 * adapter). Kinds and states keep the names they always had in a bundle.
 */
public final class SupportBundleInputs {

    private SupportBundleInputs() {
    }

    /** Where each repository is and how it signs in; its credentials stay behind. */
    public static List<BundleRepository> repositories(List<RepositoryDefinition> repositories) {
        return repositories.stream().map(r -> new BundleRepository(r.name(), String.valueOf(r.type()),
                String.valueOf(r.transport()), r.location(), String.valueOf(r.origin()), String.valueOf(r.auth()),
                r.caCertificate(), r.enabled())).toList();
    }

    public static Optional<BundleCluster> cluster(Optional<ClusterFacts> facts) {
        return facts.map(f -> new BundleCluster(f.serverVersion(), f.platform(), f.identity(), f.clockSkew(),
                f.nodes().stream().map(SupportBundleInputs::node).toList()));
    }

    /** @param health the release's workloads and events; empty when they could not be read */
    public static BundleRelease release(ReleaseInfo release, Optional<ReleaseHealth> health) {
        return new BundleRelease(release.namespace(), release.name(), release.chartName(), release.chartVersion(),
                release.revision(), String.valueOf(release.status()), health.map(SupportBundleInputs::health));
    }

    private static BundleNode node(NodeFacts n) {
        return new BundleNode(n.name(), n.ready(), n.readyMessage(), n.kubeletVersion(), n.osImage(),
                n.cpuCapacityMillis(), n.cpuAllocatableMillis(), n.memoryCapacityBytes(), n.memoryAllocatableBytes(),
                n.diskPressure(), n.memoryPressure());
    }

    private static BundleRelease.Health health(ReleaseHealth health) {
        return new BundleRelease.Health(health.workloads().stream().map(SupportBundleInputs::workload).toList(),
                health.events().stream().map(SupportBundleInputs::event).toList());
    }

    private static BundleWorkload workload(WorkloadHealth w) {
        return new BundleWorkload(String.valueOf(w.workload()), w.ready(), w.desired(), String.valueOf(w.reason()),
                w.params(), w.lastLogLines());
    }

    private static BundleEvent event(ClusterEvent e) {
        return new BundleEvent(e.warning(), e.objectKind(), e.objectName(), e.reason(), e.message(), e.count());
    }
}
