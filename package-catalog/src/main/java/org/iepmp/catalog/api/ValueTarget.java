package org.iepmp.catalog.api;

/**
 * Where a value definition's value goes: a JSON patch ({@code patchOp} at {@code path}) on the
 * values of the chart {@code chartName}, or on the manifest resource selected by
 * {@code resourceApiVersion} (Glasskube's {@code apiGroup}, e.g. {@code apps/v1}), kind, name and
 * (optionally) namespace; the value first goes through {@code valueTemplate} when there is one.
 *
 * @param kind a chart value or a patch of a manifest resource
 * @param chartName chart whose values are patched ({@link Kind#CHART_VALUE}), else {@code null}
 * @param resourceApiVersion apiVersion of the patched resource ({@link Kind#RESOURCE_PATCH})
 * @param resourceKind kind of the patched resource
 * @param resourceName name of the patched resource
 * @param patchOp JSON patch operation ({@code add}, {@code replace}, {@code remove})
 * @param path JSON pointer, e.g. {@code /prometheus/enabled}
 * @param valueTemplate Go template applied to the value, or {@code null} for the value itself
 * @param resourceNamespace namespace of the patched resource, or {@code null} for any
 */
public record ValueTarget(
        Kind kind,
        String chartName,
        String resourceApiVersion,
        String resourceKind,
        String resourceName,
        String patchOp,
        String path,
        String valueTemplate,
        String resourceNamespace) {

    /** A target without a resource namespace. */
    public ValueTarget(Kind kind, String chartName, String resourceApiVersion, String resourceKind, String resourceName,
            String patchOp, String path, String valueTemplate) {
        this(kind, chartName, resourceApiVersion, resourceKind, resourceName, patchOp, path, valueTemplate, null);
    }

    /** Whether the value goes through a template ({@code valueTemplate} not empty, as Glasskube checks it). */
    public boolean templated() {
        return valueTemplate != null && !valueTemplate.isEmpty();
    }

    public enum Kind {
        CHART_VALUE,
        RESOURCE_PATCH
    }
}
