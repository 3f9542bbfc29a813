/**
 * Where packages come from: repositories (Glasskube, Helm, OCI, directories, Git), the cached
 * catalog, search, versions, dependency resolution and integrity. No JavaFX, no Kubernetes client.
 */
package org.iepmp.catalog.api;
