package org.iepmp.practice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The resource types the practice server knows: the built-in Kubernetes 1.31 types charts use, plus every type
 * registered by a CustomResourceDefinition at run time.
 */
final class ResourceRegistry {

    private final List<ResourceType> types = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> builtIn;

    ResourceRegistry() {
        core("namespaces", "Namespace", false, List.of("ns"), List.of("status", "finalize"));
        core("pods", "Pod", true, List.of("po"), List.of("status", "log"));
        core("services", "Service", true, List.of("svc"), List.of("status"));
        core("configmaps", "ConfigMap", true, List.of("cm"), List.of());
        core("secrets", "Secret", true, List.of(), List.of());
        core("serviceaccounts", "ServiceAccount", true, List.of("sa"), List.of());
        core("events", "Event", true, List.of("ev"), List.of());
        core("endpoints", "Endpoints", true, List.of("ep"), List.of());
        core("persistentvolumeclaims", "PersistentVolumeClaim", true, List.of("pvc"), List.of("status"));
        core("persistentvolumes", "PersistentVolume", false, List.of("pv"), List.of("status"));
        core("nodes", "Node", false, List.of("no"), List.of("status"));
        core("resourcequotas", "ResourceQuota", true, List.of("quota"), List.of("status"));
        core("limitranges", "LimitRange", true, List.of("limits"), List.of());
        core("replicationcontrollers", "ReplicationController", true, List.of("rc"), List.of("status", "scale"));
        add("apps", "v1", "deployments", "Deployment", true, List.of("deploy"), List.of("status", "scale"));
        add("apps", "v1", "replicasets", "ReplicaSet", true, List.of("rs"), List.of("status", "scale"));
        add("apps", "v1", "statefulsets", "StatefulSet", true, List.of("sts"), List.of("status", "scale"));
        add("apps", "v1", "daemonsets", "DaemonSet", true, List.of("ds"), List.of("status"));
        add("apps", "v1", "controllerrevisions", "ControllerRevision", true, List.of(), List.of());
        add("batch", "v1", "jobs", "Job", true, List.of(), List.of("status"));
        add("batch", "v1", "cronjobs", "CronJob", true, List.of("cj"), List.of("status"));
        add("networking.k8s.io", "v1", "ingresses", "Ingress", true, List.of("ing"), List.of("status"));
        add("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, List.of("netpol"), List.of());
        add("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, List.of(), List.of());
        add("rbac.authorization.k8s.io", "v1", "roles", "Role", true, List.of(), List.of());
        add("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, List.of(), List.of());
        add("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, List.of(), List.of());
        add("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, List.of(), List.of());
        add("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false,
                List.of("crd", "crds"), List.of("status"));
        add("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, List.of("pdb"), List.of("status"));
        add("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, List.of("hpa"),
                List.of("status"));
        add("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, List.of("sc"), List.of());
        add("coordination.k8s.io", "v1", "leases", "Lease", true, List.of(), List.of());
        add("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, List.of("pc"), List.of());
        add("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, List.of(),
                List.of());
        builtIn = java.util.Set.copyOf(types.stream().map(ResourceType::storageKey).toList());
    }

    boolean isBuiltIn(ResourceType type) {
        return builtIn.contains(type.storageKey());
    }

    private void core(String plural, String kind, boolean namespaced, List<String> shortNames, List<String> subs) {
        add("", "v1", plural, kind, namespaced, shortNames, subs);
    }

    private void add(String group, String version, String plural, String kind, boolean namespaced,
            List<String> shortNames, List<String> subs) {
        types.add(new ResourceType(group, version, plural, kind.toLowerCase(java.util.Locale.ROOT), kind, namespaced,
                shortNames, subs));
    }

    /** Registers (or replaces) a type served by a CustomResourceDefinition. */
    void register(ResourceType type) {
        types.removeIf(t -> t.group().equals(type.group()) && t.version().equals(type.version())
                && t.plural().equals(type.plural()));
        types.add(type);
    }

    void unregister(String group, String plural) {
        types.removeIf(t -> t.group().equals(group) && t.plural().equals(plural));
    }

    void unregisterVersion(String group, String version, String plural) {
        types.removeIf(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural));
    }

    Optional<ResourceType> find(String group, String version, String plural) {
        return types.stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural))
                .findFirst();
    }

    Optional<ResourceType> byKind(String apiVersion, String kind) {
        return types.stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
    }

    List<ResourceType> all() {
        return List.copyOf(types);
    }

    Optional<ResourceType> byStorageKey(String storageKey) {
        return types.stream().filter(t -> t.storageKey().equals(storageKey)).findFirst();
    }

    List<ResourceType> inGroupVersion(String group, String version) {
        return types.stream().filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
    }

    /** Group name to its served versions, core group excluded, in registration order. */
    Map<String, List<String>> groups() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (ResourceType t : types) {
            if (!t.group().isEmpty()) {
                List<String> versions = result.computeIfAbsent(t.group(), g -> new ArrayList<>());
                if (!versions.contains(t.version())) {
                    versions.add(t.version());
                }
            }
        }
        return result;
    }
}
