package org.iepmp.kube.api;

import java.util.Objects;

/**
 * Where one package value goes: the selected objects, and a JSON pointer (RFC 6901, e.g.
 * {@code /spec/template/spec/containers/0/env/-}) at which the value is set, creating missing
 * parent objects. {@code value} is a scalar, a {@code Map<String, ?>} or a {@code List<?>}.
 * A target that matches no object is an error: it is almost always a typo in the package.
 */
public record PatchTarget(ResourceSelector selector, String jsonPointer, Object value) {

    public PatchTarget {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(jsonPointer, "jsonPointer");
        if (!jsonPointer.startsWith("/")) {
            throw new IllegalArgumentException("JSON pointer must start with '/': " + jsonPointer);
        }
    }
}
