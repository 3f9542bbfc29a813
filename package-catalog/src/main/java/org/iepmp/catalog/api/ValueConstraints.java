package org.iepmp.catalog.api;

/**
 * Validation rules of a form field; {@code null} means no rule.
 *
 * @param required a value must be given
 * @param min smallest number
 * @param max largest number
 * @param minLength shortest text
 * @param maxLength longest text
 * @param pattern regular expression the whole text must match
 */
public record ValueConstraints(
        boolean required, Double min, Double max, Integer minLength, Integer maxLength, String pattern) {

    public static final ValueConstraints NONE = new ValueConstraints(false, null, null, null, null, null);
}
