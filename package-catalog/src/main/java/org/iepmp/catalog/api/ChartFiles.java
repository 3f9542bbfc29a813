package org.iepmp.catalog.api;

/**
 * The descriptive files of a chart archive, read without extracting it.
 *
 * @param chartYaml text of {@code Chart.yaml}
 * @param valuesYaml text of {@code values.yaml}, or {@code null}
 * @param valuesSchemaJson text of {@code values.schema.json}, or {@code null}
 */
public record ChartFiles(String chartYaml, String valuesYaml, String valuesSchemaJson) {
}
