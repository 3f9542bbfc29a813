package org.iepmp.kube.health;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.iepmp.kube.api.WorkloadRef;

/**
 * Finds the workloads of a release: those labelled {@code app.kubernetes.io/instance=<release>},
 * those in the Helm release's manifest, and those in any extra inventory (the manifest driver's).
 */
public final class WorkloadLocator {

    static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    public static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    private final KubernetesClient client;
    private final HelmReleaseManifest helmManifest;
    private final BiFunction<String, String, Collection<WorkloadRef>> inventory;

    /**
     * @param inventory objects another driver recorded for (release, namespace); may return empty
     */
    public WorkloadLocator(KubernetesClient client, BiFunction<String, String, Collection<WorkloadRef>> inventory) {
        this.client = client;
        this.helmManifest = new HelmReleaseManifest(client);
        this.inventory = inventory;
    }

    public List<WorkloadRef> locate(String release, String namespace) {
        Set<WorkloadRef> found = new LinkedHashSet<>();
        Map<String, String> label = Map.of(INSTANCE_LABEL, release);
        client.apps().deployments().inNamespace(namespace).withLabels(label).list().getItems()
                .forEach(d -> found.add(ref(d, namespace)));
        client.apps().statefulSets().inNamespace(namespace).withLabels(label).list().getItems()
                .forEach(d -> found.add(ref(d, namespace)));
        client.apps().daemonSets().inNamespace(namespace).withLabels(label).list().getItems()
                .forEach(d -> found.add(ref(d, namespace)));
        client.batch().v1().jobs().inNamespace(namespace).withLabels(label).list().getItems()
                .forEach(d -> found.add(ref(d, namespace)));
        helmManifest.latest(release, namespace).ifPresent(manifest -> found.addAll(workloadsIn(manifest, namespace)));
        for (WorkloadRef ref : inventory.apply(release, namespace)) {
            if (WORKLOAD_KINDS.contains(ref.kind())) {
                found.add(ref);
            }
        }
        return List.copyOf(found);
    }

    /** The workloads named in a rendered multi-document manifest (Helm's or a package's). */
    public static List<WorkloadRef> workloadsIn(String manifest, String defaultNamespace) {
        List<WorkloadRef> result = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object parsed;
            try {
                parsed = Serialization.unmarshal(document, GenericKubernetesResource.class);
            } catch (RuntimeException e) {
                continue;
            }
            if (parsed instanceof GenericKubernetesResource resource && resource.getKind() != null
                    && WORKLOAD_KINDS.contains(resource.getKind()) && resource.getMetadata() != null) {
                result.add(ref(resource, defaultNamespace));
            }
        }
        return result;
    }

    private static WorkloadRef ref(HasMetadata object, String defaultNamespace) {
        String ns = object.getMetadata().getNamespace();
        return new WorkloadRef(object.getKind(), ns == null || ns.isEmpty() ? defaultNamespace : ns,
                object.getMetadata().getName());
    }
}
