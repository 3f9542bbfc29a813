package org.iepmp.kube.api;

import org.iepmp.errors.ErrorCode;

/**
 * Every way talking to a cluster can fail. The words of each code are under
 * {@code kube.error.<name>} and its {@code .hint} (see {@link ErrorCode}).
 */
public enum KubeErrorCode implements ErrorCode {
    KUBECONFIG_NOT_FOUND,
    KUBECONFIG_UNREADABLE,
    KUBECONFIG_INVALID,
    MICROK8S_GROUP,
    CONTEXT_NOT_FOUND,
    UNREACHABLE,
    TIMEOUT,
    CERTIFICATE_UNTRUSTED,
    CERTIFICATE_EXPIRED,
    CLIENT_CERTIFICATE_EXPIRED,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    ALREADY_EXISTS,
    CONFLICT,
    OPERATION_IN_PROGRESS,
    INVALID_CHART,
    INVALID_MANIFEST,
    CANCELLED,
    SERVER_ERROR,
    INTERNAL,
    /** A release, package or object name the cluster would refuse (params: server, the name). */
    INVALID_NAME,
    /** A Go template did not parse or failed while executing (params: index of the template or -1, Go's message). */
    TEMPLATE_FAILED,
    /** A ConfigMap, Secret or Glasskube package named by a value reference does not exist (params: server, kind, namespace, name). */
    REFERENCE_NOT_FOUND;

    @Override
    public String domain() {
        return "kube";
    }
}
