package org.iepmp.kube.api;

import java.util.Objects;

/** "May I {verb} {resource} of API group {group} in {namespace}?" Empty group is the core group; empty namespace means cluster-wide. */
public record PermissionRequest(String verb, String group, String resource, String namespace) {

    public PermissionRequest {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(resource, "resource");
        group = group == null ? "" : group;
        namespace = namespace == null ? "" : namespace;
    }
}
