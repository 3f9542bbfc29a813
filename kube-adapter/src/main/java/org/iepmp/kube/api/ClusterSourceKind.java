package org.iepmp.kube.api;

/** Where a cluster candidate was found. */
public enum ClusterSourceKind {
    /** {@code /var/snap/microk8s/current/credentials/client.config}. */
    MICROK8S,
    /** {@code /etc/rancher/k3s/k3s.yaml}. */
    K3S,
    /** A file named by the {@code KUBECONFIG} environment variable. */
    KUBECONFIG_ENV,
    /** {@code ~/.kube/config}. */
    KUBECONFIG_HOME,
    /** A file chosen explicitly (option or file chooser). */
    KUBECONFIG_FILE,
    /** The built-in simulated cluster of practice mode. */
    PRACTICE
}
