package org.iepmp.catalog.api;

import java.util.List;

/**
 * One typed form field of a package version, from Glasskube {@code valueDefinitions} or a
 * chart's {@code values.schema.json}.
 *
 * @param name key of the value
 * @param type kind of field
 * @param defaultValue default as text ({@code "true"}, {@code "3"}), or {@code null}
 * @param label short label, or {@code null}
 * @param description longer description, or {@code null}
 * @param hints extra hints shown with the field
 * @param options allowed choices for {@link ValueType#OPTIONS}
 * @param constraints validation rules
 * @param targets where the value is written
 * @param secret whether the value must be masked and never logged
 */
public record ValueDefinition(
        String name,
        ValueType type,
        String defaultValue,
        String label,
        String description,
        List<String> hints,
        List<String> options,
        ValueConstraints constraints,
        List<ValueTarget> targets,
        boolean secret) {

    public ValueDefinition {
        hints = List.copyOf(hints);
        options = List.copyOf(options);
        targets = List.copyOf(targets);
        constraints = constraints == null ? ValueConstraints.NONE : constraints;
    }
}
