package org.iepmp.kube.api;

import java.util.List;
import java.util.Objects;

/**
 * A plain-manifest package as its inventory on the cluster records it: the version last applied,
 * whether that apply finished ({@code complete} false: an apply was interrupted and the objects are
 * the union of the old and the new version), and the objects it owns.
 */
public record ManifestPackage(String packageName, String namespace, String version, boolean complete, List<ObjectRef> objects) {

    public ManifestPackage {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(namespace, "namespace");
        version = version == null ? "" : version;
        objects = List.copyOf(objects);
    }
}
