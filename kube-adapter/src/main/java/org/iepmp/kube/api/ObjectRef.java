package org.iepmp.kube.api;

import java.util.Objects;

/** One Kubernetes object: apiVersion, kind, namespace (empty for cluster-scoped objects) and name. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    public ObjectRef {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
    }

    public boolean clusterScoped() {
        return namespace.isEmpty();
    }

    /** "Deployment plant/line-monitor" or "Namespace plant", for logs and messages. */
    public String display() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
