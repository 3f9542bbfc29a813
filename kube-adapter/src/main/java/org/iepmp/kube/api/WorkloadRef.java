package org.iepmp.kube.api;

import java.util.Objects;

/** A workload or other object of a release: kind (Deployment, StatefulSet, ...), namespace, name. */
public record WorkloadRef(String kind, String namespace, String name) {

    public WorkloadRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
    }

    /** "Deployment line-monitor", the {0} of every health message. */
    public String display() {
        return kind + " " + name;
    }
}
