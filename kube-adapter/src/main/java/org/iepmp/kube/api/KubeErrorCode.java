package org.iepmp.kube.api;

/**
 * Every way talking to a cluster can fail, each with the bundle keys that say what happened
 * and what to do. Keys are literals so the localization tests can see them.
 */
public enum KubeErrorCode {
    KUBECONFIG_NOT_FOUND("kube.error.kubeconfigNotFound", "kube.error.kubeconfigNotFound.hint"),
    KUBECONFIG_UNREADABLE("kube.error.kubeconfigUnreadable", "kube.error.kubeconfigUnreadable.hint"),
    KUBECONFIG_INVALID("kube.error.kubeconfigInvalid", "kube.error.kubeconfigInvalid.hint"),
    MICROK8S_GROUP("kube.error.microk8sGroup", "kube.error.microk8sGroup.hint"),
    CONTEXT_NOT_FOUND("kube.error.contextNotFound", "kube.error.contextNotFound.hint"),
    UNREACHABLE("kube.error.unreachable", "kube.error.unreachable.hint"),
    TIMEOUT("kube.error.timeout", "kube.error.timeout.hint"),
    CERTIFICATE_UNTRUSTED("kube.error.certificateUntrusted", "kube.error.certificateUntrusted.hint"),
    CERTIFICATE_EXPIRED("kube.error.certificateExpired", "kube.error.certificateExpired.hint"),
    UNAUTHORIZED("kube.error.unauthorized", "kube.error.unauthorized.hint"),
    FORBIDDEN("kube.error.forbidden", "kube.error.forbidden.hint"),
    NOT_FOUND("kube.error.notFound", "kube.error.notFound.hint"),
    ALREADY_EXISTS("kube.error.alreadyExists", "kube.error.alreadyExists.hint"),
    CONFLICT("kube.error.conflict", "kube.error.conflict.hint"),
    OPERATION_IN_PROGRESS("kube.error.operationInProgress", "kube.error.operationInProgress.hint"),
    INVALID_CHART("kube.error.invalidChart", "kube.error.invalidChart.hint"),
    INVALID_MANIFEST("kube.error.invalidManifest", "kube.error.invalidManifest.hint"),
    CANCELLED("kube.error.cancelled", "kube.error.cancelled.hint"),
    SERVER_ERROR("kube.error.serverError", "kube.error.serverError.hint"),
    INTERNAL("kube.error.internal", "kube.error.internal.hint"),
    /** A release, package or object name the cluster would refuse (params: server, the name). */
    INVALID_NAME("kube.error.invalidName", "kube.error.invalidName.hint");

    private final String messageKey;
    private final String hintKey;

    KubeErrorCode(String messageKey, String hintKey) {
        this.messageKey = messageKey;
        this.hintKey = hintKey;
    }

    /** What happened (may use the exception's parameters). */
    public String messageKey() {
        return messageKey;
    }

    /** What the user can do about it (same parameters). */
    public String hintKey() {
        return hintKey;
    }
}
