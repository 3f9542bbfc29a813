package org.iepmp.kube.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A local render of a chart archive, as {@code helm template} does it: no cluster involved.
 * {@code kubeVersion} may be empty (Helm's default is then used for {@code .Capabilities}).
 */
public record TemplateRequest(
        Path chartArchive,
        String releaseName,
        String namespace,
        HelmValues values,
        String kubeVersion,
        Duration timeout) {

    public TemplateRequest {
        Objects.requireNonNull(chartArchive, "chartArchive");
        Objects.requireNonNull(releaseName, "releaseName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(timeout, "timeout");
        values = values == null ? HelmValues.NONE : values;
        kubeVersion = kubeVersion == null ? "" : kubeVersion;
    }
}
