package org.iepmp.kube.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A plain-manifest package to apply: its name and version, the namespace for namespaced objects
 * that name none (and where the inventory is kept), the manifest texts (multi-document YAML or
 * JSON) and the patch targets carrying the package's values.
 */
public record ManifestRequest(
        String packageName,
        String version,
        String namespace,
        List<String> manifests,
        List<PatchTarget> patches,
        Duration timeout) {

    public ManifestRequest {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(timeout, "timeout");
        version = version == null ? "" : version;
        manifests = List.copyOf(manifests);
        patches = List.copyOf(patches);
    }
}
