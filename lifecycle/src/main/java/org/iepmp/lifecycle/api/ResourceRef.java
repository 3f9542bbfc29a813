package org.iepmp.lifecycle.api;

import java.util.Objects;

/** A Kubernetes object in a rendered manifest; {@code namespace} is null when the manifest does not set it. */
public record ResourceRef(String apiVersion, String kind, String namespace, String name) {

    public ResourceRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public String display() {
        return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
    }
}
