package org.iepmp.catalog.api;

import java.util.List;

/**
 * Everything one version of a package contains and needs.
 *
 * @param name package name
 * @param version exact version
 * @param repository repository it was read from
 * @param origin who publishes that repository
 * @param description short description
 * @param chart the Helm chart it installs, or {@code null}
 * @param manifestUrls manifests it applies, as absolute URLs or file URIs, in order
 * @param valueDefinitions the typed form of its values
 * @param dependencies packages it needs first
 * @param entrypoints services to open
 * @param scope {@code Cluster} or {@code Namespaced}, or {@code null}
 * @param defaultNamespace namespace proposed for installation, or {@code null}
 * @param references links
 * @param iconUrl icon, or {@code null}
 */
public record ResolvedVersion(
        String name,
        String version,
        String repository,
        Origin origin,
        String description,
        ChartReference chart,
        List<String> manifestUrls,
        List<ValueDefinition> valueDefinitions,
        List<Dependency> dependencies,
        List<Entrypoint> entrypoints,
        String scope,
        String defaultNamespace,
        List<Reference> references,
        String iconUrl) {

    public ResolvedVersion {
        description = description == null ? "" : description;
        manifestUrls = List.copyOf(manifestUrls);
        valueDefinitions = List.copyOf(valueDefinitions);
        dependencies = List.copyOf(dependencies);
        entrypoints = List.copyOf(entrypoints);
        references = List.copyOf(references);
    }
}
