package org.iepmp.catalog.api;

/**
 * Where a form value goes.
 *
 * @param kind a chart value or a patch of a rendered resource
 * @param chartName chart whose values are patched ({@link Kind#CHART_VALUE}), else {@code null}
 * @param resourceApiVersion apiVersion of the patched resource ({@link Kind#RESOURCE_PATCH})
 * @param resourceKind kind of the patched resource
 * @param resourceName name of the patched resource
 * @param patchOp JSON patch operation ({@code add}, {@code replace})
 * @param path JSON pointer, e.g. {@code /prometheus/enabled}
 * @param valueTemplate Go template applied to the value, or {@code null} for the value itself
 */
public record ValueTarget(
        Kind kind,
        String chartName,
        String resourceApiVersion,
        String resourceKind,
        String resourceName,
        String patchOp,
        String path,
        String valueTemplate) {

    public enum Kind {
        CHART_VALUE,
        RESOURCE_PATCH
    }
}
