package org.iepmp.catalog.api;

/** The layout of a package repository. */
public enum RepositoryType {
    /** {@code index.yaml}, {@code <pkg>/versions.yaml}, {@code <pkg>/<version>/package.yaml}. */
    GLASSKUBE,
    /** A Helm chart repository: {@code index.yaml} with digests and chart archives. */
    HELM,
    /** An OCI registry holding Helm charts. */
    OCI
}
