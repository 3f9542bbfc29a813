package org.iepmp.kube.api;

/**
 * A package Glasskube manages on this cluster (read-only): {@code kind} is ClusterPackage or
 * Package; {@code namespace} is empty for ClusterPackages; {@code status} is the Ready condition's
 * reason or status text.
 */
public record GlasskubePackage(String kind, String namespace, String name, String packageName, String version,
        String repository, String status) {
}
