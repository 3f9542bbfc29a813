package org.iepmp.catalog.api;

import java.util.List;

/**
 * A package as listed by one repository (one row of the catalog). The same name may exist in
 * several repositories; each gives its own row.
 *
 * @param name package name (Glasskube package or Helm chart name)
 * @param repository name of the repository it comes from
 * @param origin who publishes that repository
 * @param type layout of that repository
 * @param description short description, may be empty
 * @param keywords search keywords, may be empty
 * @param iconUrl icon URL or {@code null}
 * @param scope {@code Cluster}, {@code Namespaced}, or {@code null} when unknown
 * @param versions every published version, newest first (semver order)
 * @param latestVersion the version the repository recommends (its latest stable when it says none)
 */
public record CatalogPackage(
        String name,
        String repository,
        Origin origin,
        RepositoryType type,
        String description,
        List<String> keywords,
        String iconUrl,
        String scope,
        List<String> versions,
        String latestVersion) {

    public CatalogPackage {
        description = description == null ? "" : description;
        keywords = List.copyOf(keywords);
        versions = List.copyOf(versions);
    }
}
