package org.iepmp.lifecycle.api;

/** How a package lives on the cluster: as a Helm release, or as plain manifests with this console's inventory. */
public enum PackageKind {
    HELM_RELEASE,
    MANIFESTS
}
