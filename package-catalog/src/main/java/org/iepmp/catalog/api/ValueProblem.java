package org.iepmp.catalog.api;

/**
 * One way a set of values breaks a chart's {@code values.schema.json}.
 *
 * @param path JSON pointer-like location of the value ({@code $.service.port})
 * @param message what is wrong, in English (from the JSON Schema validator)
 */
public record ValueProblem(String path, String message) {
}
