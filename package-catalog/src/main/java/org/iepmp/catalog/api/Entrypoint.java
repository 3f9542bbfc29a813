package org.iepmp.catalog.api;

/**
 * A service of the package the user may open (port-forward or link).
 *
 * @param name entry name
 * @param serviceName Kubernetes service
 * @param port service port
 * @param localPort preferred local port, 0 when none
 * @param scheme {@code http} when unspecified
 */
public record Entrypoint(String name, String serviceName, int port, int localPort, String scheme) {
}
