package org.iepmp.kube.api;

import java.util.Objects;

/**
 * Which objects of a manifest a patch target applies to. Empty {@code apiVersion}, {@code name}
 * or {@code namespace} match any; {@code kind} is required.
 */
public record ResourceSelector(String apiVersion, String kind, String name, String namespace) {

    public ResourceSelector {
        Objects.requireNonNull(kind, "kind");
        apiVersion = apiVersion == null ? "" : apiVersion;
        name = name == null ? "" : name;
        namespace = namespace == null ? "" : namespace;
    }

    public boolean matches(ObjectRef object) {
        return kind.equals(object.kind())
                && (apiVersion.isEmpty() || apiVersion.equals(object.apiVersion()))
                && (name.isEmpty() || name.equals(object.name()))
                && (namespace.isEmpty() || namespace.equals(object.namespace()));
    }
}
