package org.iepmp.catalog.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Glasskube's rules for the value of one definition, the same for the install form, the wizard,
 * the command line and the plan. Glasskube checks text by type: a number is a whole number (Go's
 * {@code strconv.Atoi}) within min/max and the pattern; a boolean is one of Go's boolean words
 * ({@code strconv.ParseBool}); text keeps its length in bytes (Go's {@code len}) within
 * minLength/maxLength and contains a match of the pattern (Go's {@code MatchString}, not anchored);
 * an options value is one of the options.
 */
public interface SettingRules {

    /** Go's {@code strconv.ParseBool} words. */
    Set<String> GO_BOOLEANS = Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");

    /** What is wrong with {@code value} for {@code definition}: empty when nothing is. */
    static List<SettingProblem> check(ValueDefinition definition, String value) {
        List<SettingProblem> problems = new ArrayList<>();
        ValueConstraints rules = definition.constraints();
        switch (definition.type()) {
            case TEXT -> {
                int length = value.getBytes(StandardCharsets.UTF_8).length;
                if (rules.maxLength() != null && length > rules.maxLength()) {
                    problems.add(SettingProblem.of(SettingProblem.Kind.MAX_LENGTH, rules.maxLength()));
                }
                if (rules.minLength() != null && length < rules.minLength()) {
                    problems.add(SettingProblem.of(SettingProblem.Kind.MIN_LENGTH, rules.minLength()));
                }
                pattern(rules, value, problems);
            }
            case NUMBER -> {
                Long number = wholeNumber(value);
                if (number == null) {
                    problems.add(SettingProblem.of(SettingProblem.Kind.NOT_NUMBER, ""));
                } else {
                    if (rules.min() != null && number < rules.min()) {
                        problems.add(SettingProblem.of(SettingProblem.Kind.MIN, plain(rules.min())));
                    }
                    if (rules.max() != null && number > rules.max()) {
                        problems.add(SettingProblem.of(SettingProblem.Kind.MAX, plain(rules.max())));
                    }
                }
                pattern(rules, value, problems);
            }
            case OPTIONS -> {
                if (!definition.options().contains(value)) {
                    problems.add(SettingProblem.of(SettingProblem.Kind.OPTION, String.join(", ", definition.options())));
                }
            }
            case BOOLEAN -> {
                if (!GO_BOOLEANS.contains(value)) {
                    problems.add(SettingProblem.of(SettingProblem.Kind.NOT_BOOLEAN, ""));
                }
            }
        }
        return List.copyOf(problems);
    }

    /** The default Glasskube uses for {@code definition}: its default text when not empty, else none. */
    static java.util.Optional<String> defaultOf(ValueDefinition definition) {
        String text = definition.defaultValue();
        return text == null || text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text);
    }

    private static void pattern(ValueConstraints rules, String value, List<SettingProblem> problems) {
        if (rules.pattern() == null) {
            return;
        }
        try {
            if (!Pattern.compile(rules.pattern()).matcher(value).find()) {
                problems.add(SettingProblem.of(SettingProblem.Kind.PATTERN, rules.pattern()));
            }
        } catch (PatternSyntaxException e) {
            // The catalog refuses a version whose pattern does not compile; nothing to check here.
        }
    }

    private static Long wholeNumber(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }

}
