package org.iepmp.kube.manifest;

import java.util.List;

/**
 * The order Helm installs kinds in (its InstallOrder), so that namespaces, CRDs, accounts and
 * configuration exist before the workloads that need them. Unknown kinds (custom resources) go last.
 */
final class ApplyOrder {

    private static final List<String> KINDS = List.of("Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
            "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap",
            "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
            "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
            "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

    private ApplyOrder() {
    }

    static int rank(String kind) {
        int index = KINDS.indexOf(kind);
        return index < 0 ? KINDS.size() : index;
    }
}
