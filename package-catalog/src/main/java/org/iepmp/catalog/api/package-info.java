/**
 * Where packages come from: repositories (Glasskube, Helm, OCI, directories, Git), the cached
 * catalog, search, versions, dependency resolution and integrity. No JavaFX, no Kubernetes client.
 *
 * <p>Entry point: {@link org.iepmp.catalog.api.Catalog}, implemented by
 * {@code org.iepmp.catalog.DefaultCatalog(RepositoryStore, Path cacheDir, CatalogSettings, Clock)};
 * the repositories live in a {@link org.iepmp.catalog.api.RepositoryStore}
 * ({@code org.iepmp.catalog.config.FileRepositoryStore(Path configDir)}). A typical flow:
 * {@code loadCached()} at start-up, {@code refresh()} in the background, {@code search(..)},
 * {@code plan(..)} for what to install in which order, then per step {@code fetchChartArchive(..)}
 * and/or {@code manifests(..)}. Every failure is a {@link org.iepmp.catalog.api.CatalogException}
 * whose {@link org.iepmp.catalog.api.CatalogErrorCode} carries the i18n keys ({@code catalog.error.*}).
 */
package org.iepmp.catalog.api;
