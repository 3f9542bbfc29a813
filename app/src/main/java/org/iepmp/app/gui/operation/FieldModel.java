package org.iepmp.app.gui.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.iepmp.catalog.api.ValueConstraints;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.catalog.api.ValueType;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.catalog.api.SettingProblem;
import org.iepmp.lifecycle.api.SettingValue;
import org.iepmp.catalog.api.SettingRules;

/**
 * One generated form field: the text the technician typed (a boolean as {@code true}/{@code false}),
 * validated live against the definition's constraints. A package setting (a Glasskube value
 * definition) is checked by the lifecycle's {@link SettingRules}, the same rules the plan applies,
 * and goes to the engine by name; a field from a chart's values schema is written at its chart-value path.
 */
public final class FieldModel {

    private final ValueDefinition definition;
    private final boolean packageSetting;
    private final List<String> path;
    private String initialText = "";
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty checked = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<FieldProblem> problem = new ReadOnlyObjectWrapper<>();

    FieldModel(ValueDefinition definition) {
        this(definition, false);
    }

    FieldModel(ValueDefinition definition, boolean packageSetting) {
        this.definition = definition;
        this.packageSetting = packageSetting;
        this.path = pathOf(definition);
        text.addListener((obs, old, value) -> {
            problem.set(validate(value));
            if (definition.type() == ValueType.BOOLEAN) {
                checked.set(Boolean.parseBoolean(value));
            }
        });
        checked.addListener((obs, old, value) -> {
            if (definition.type() == ValueType.BOOLEAN && Boolean.parseBoolean(text.get()) != value) {
                text.set(String.valueOf(value));
            }
        });
        problem.set(validate(text.get()));
    }

    public ValueDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    /** The label to show: the definition's label, else its name. */
    public String label() {
        return definition.label() == null || definition.label().isBlank() ? definition.name() : definition.label();
    }

    public boolean required() {
        return definition.constraints().required();
    }

    public boolean secret() {
        return definition.secret();
    }

    public StringProperty textProperty() {
        return text;
    }

    /** For boolean fields (a toggle switch): kept equal to the text. */
    public BooleanProperty checkedProperty() {
        return checked;
    }

    public ReadOnlyObjectProperty<FieldProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public boolean valid() {
        return problem.get() == null;
    }

    /** Where the value goes in the values tree (the first chart-value target, else the definition's name). */
    List<String> path() {
        return path;
    }

    /** The typed value for the values tree, or {@code null} when the field is blank or not valid. */
    Object typedValue() {
        String value = text.get() == null ? "" : text.get().strip();
        if (value.isEmpty() && definition.type() != ValueType.BOOLEAN) {
            return null;
        }
        return switch (definition.type()) {
            case BOOLEAN -> Boolean.parseBoolean(value);
            case NUMBER -> number(value);
            case TEXT, OPTIONS -> secret() ? text.get() : value;
        };
    }

    /** A package setting (applied by name with the package's templates and targets), not a chart-value field. */
    boolean packageSetting() {
        return packageSetting;
    }

    /** Shows the value the form starts from; a package setting counts as given only once its text differs. */
    void start(Object value) {
        show(value);
        initialText = text.get();
    }

    /** The text, when the technician changed it from what the form started with (a package setting's default or current value). */
    java.util.Optional<String> changedText() {
        String now = text.get() == null ? "" : text.get();
        return now.equals(initialText) ? java.util.Optional.empty() : java.util.Optional.of(secret() ? now : now.strip());
    }

    /** Shows a value read from the tree (the YAML editor, current values). */
    void show(Object value) {
        text.set(value == null ? "" : value instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                ? String.valueOf(d.longValue()) : String.valueOf(value));
    }

    private FieldProblem validate(String raw) {
        if (packageSetting) {
            return settingProblem(raw == null ? "" : raw);
        }
        String value = raw == null ? "" : raw.strip();
        ValueConstraints rules = definition.constraints();
        if (value.isEmpty()) {
            return rules.required() && definition.type() != ValueType.BOOLEAN ? FieldProblem.of("ops.form.problem.required") : null;
        }
        switch (definition.type()) {
            case NUMBER -> {
                Number number = number(value);
                if (number == null) {
                    return FieldProblem.of("ops.form.problem.notNumber");
                }
                if (rules.min() != null && number.doubleValue() < rules.min()) {
                    return FieldProblem.of("ops.form.problem.min", plain(rules.min()));
                }
                if (rules.max() != null && number.doubleValue() > rules.max()) {
                    return FieldProblem.of("ops.form.problem.max", plain(rules.max()));
                }
            }
            case OPTIONS -> {
                if (!definition.options().isEmpty() && !definition.options().contains(value)) {
                    return FieldProblem.of("ops.form.problem.option", String.join(", ", definition.options()));
                }
            }
            case TEXT -> {
                String exact = secret() ? raw : value;
                if (rules.minLength() != null && exact.length() < rules.minLength()) {
                    return FieldProblem.of("ops.form.problem.minLength", rules.minLength());
                }
                if (rules.maxLength() != null && exact.length() > rules.maxLength()) {
                    return FieldProblem.of("ops.form.problem.maxLength", rules.maxLength());
                }
                if (rules.pattern() != null && !matches(rules.pattern(), exact)) {
                    return FieldProblem.of("ops.form.problem.pattern", rules.pattern());
                }
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    return FieldProblem.of("ops.form.problem.notBoolean");
                }
            }
        }
        return null;
    }

    /** Glasskube's rules, as the plan checks them: an empty field is "not given" (required only without a default). */
    private FieldProblem settingProblem(String raw) {
        String value = secret() ? raw : raw.strip();
        if (reference(value)) {
            // A reference is read from the cluster and checked at plan time, as Glasskube checks it once resolved.
            try {
                SettingValue.parse(name(), value);
                return null;
            } catch (LifecycleException e) {
                return FieldProblem.of("ops.form.problem.reference", e.params().get(2));
            }
        }
        if (value.isEmpty()) {
            boolean needed = definition.constraints().required() && SettingRules.defaultOf(definition).isEmpty();
            return needed && definition.type() != ValueType.BOOLEAN ? FieldProblem.of("ops.form.problem.required") : null;
        }
        List<SettingProblem> problems = SettingRules.check(definition, value);
        if (problems.isEmpty()) {
            return null;
        }
        SettingProblem first = problems.get(0);
        return switch (first.kind()) {
            case REQUIRED, UNKNOWN_NAME -> FieldProblem.of("ops.form.problem.required");
            case NOT_NUMBER -> FieldProblem.of("ops.form.problem.notWholeNumber");
            case NOT_BOOLEAN -> FieldProblem.of("ops.form.problem.notBoolean");
            case MIN -> FieldProblem.of("ops.form.problem.min", first.detail());
            case MAX -> FieldProblem.of("ops.form.problem.max", first.detail());
            case MIN_LENGTH -> FieldProblem.of("ops.form.problem.minLengthBytes", first.detail());
            case MAX_LENGTH -> FieldProblem.of("ops.form.problem.maxLengthBytes", first.detail());
            case PATTERN -> FieldProblem.of("ops.form.problem.pattern", first.detail());
            case OPTION -> FieldProblem.of("ops.form.problem.option", first.detail());
        };
    }

    /** Glasskube's reference forms ({@code $ConfigMapRef$…}, {@code $SecretRef$…}, {@code $PackageRef$…}). */
    static boolean reference(String text) {
        return text.startsWith(SettingValue.CONFIG_MAP_PREFIX) || text.startsWith(SettingValue.SECRET_PREFIX)
                || text.startsWith(SettingValue.PACKAGE_PREFIX);
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            // A broken pattern in the package is the publisher's mistake; it must not lock the technician out.
            return true;
        }
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }

    private static Number number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(value);
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException again) {
                return null;
            }
        }
    }

    private static List<String> pathOf(ValueDefinition definition) {
        for (ValueTarget target : definition.targets()) {
            if (target.kind() == ValueTarget.Kind.CHART_VALUE && target.path() != null && !target.path().isBlank()) {
                List<String> segments = new ArrayList<>();
                for (String part : target.path().replaceFirst("^/", "").split("/")) {
                    segments.add(part.replace("~1", "/").replace("~0", "~"));
                }
                return List.copyOf(segments);
            }
        }
        return List.of(definition.name());
    }
}
