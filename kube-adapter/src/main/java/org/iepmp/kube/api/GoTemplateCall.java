package org.iepmp.kube.api;

import java.util.Objects;

/** One Go {@code text/template} to execute with {@code dot} as {@code .} (a string, as Glasskube passes values). */
public record GoTemplateCall(String template, String dot) {

    public GoTemplateCall {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(dot, "dot");
    }
}
