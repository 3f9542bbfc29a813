package org.iepmp.app.gui.operation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.Observable;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.lifecycle.api.SettingValue;

/**
 * The values of an operation: one field per value definition of the package version, and the
 * "advanced" YAML text of the whole values tree, kept in sync both ways. Secret values never
 * appear in the YAML text: their place shows {@link #MASK}, which keeps the value when parsed
 * back. Invalid YAML leaves the fields as they were and says where it is wrong.
 */
public final class ValuesFormModel {

    /** What the YAML editor shows in place of a secret value. */
    public static final String MASK = "********";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> TREE = new TypeReference<>() {
    };
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final List<FieldModel> fields = new ArrayList<>();
    private final Map<String, String> newIn = new java.util.HashMap<>();
    private final StringProperty yaml = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<FieldProblem> yamlProblem = new ReadOnlyObjectWrapper<>();
    private final StringProperty namespace = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<FieldProblem> namespaceProblem = new ReadOnlyObjectWrapper<>();
    private final boolean namespaceEditable;
    private final SimpleBooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanBinding validBinding;

    /** The whole tree as last set (initial values, then the YAML editor); the fields are laid over it. */
    private Map<String, Object> base;
    private boolean syncing;

    /**
     * @param definitions the package version's value definitions (one field each, in order)
     * @param initialValues the values to start from (current values for a change, empty for an install)
     * @param namespace the namespace to propose
     * @param namespaceEditable whether the technician may change it (not for a release that exists)
     */
    public ValuesFormModel(List<ValueDefinition> definitions, Map<String, Object> initialValues, String namespace,
                           boolean namespaceEditable) {
        this(definitions, initialValues, namespace, namespaceEditable, false);
    }

    /**
     * @param packageSettings the definitions are the package's own settings (Glasskube value
     *        definitions): each field goes to the engine by name ({@link #settings()}) and the
     *        advanced editor holds only the raw chart values laid under them; otherwise (a chart's
     *        values schema) each field is written at its chart-value path in the values tree
     */
    public ValuesFormModel(List<ValueDefinition> definitions, Map<String, Object> initialValues, String namespace,
                           boolean namespaceEditable, boolean packageSettings) {
        this.base = copy(initialValues);
        this.namespaceEditable = namespaceEditable;
        for (ValueDefinition definition : definitions) {
            FieldModel field = new FieldModel(definition, packageSettings);
            Object current = get(base, field.path());
            field.start(current != null ? current : definition.defaultValue());
            fields.add(field);
        }
        this.namespace.addListener((obs, old, value) -> namespaceProblem.set(checkNamespace(value)));
        this.namespace.set(namespace == null ? "" : namespace);
        namespaceProblem.set(checkNamespace(this.namespace.get()));
        writeYaml();
        for (FieldModel field : fields) {
            field.textProperty().addListener((obs, old, value) -> {
                if (!syncing) {
                    writeYaml();
                }
            });
        }
        yaml.addListener((obs, old, value) -> {
            if (!syncing) {
                readYaml(value);
            }
        });
        List<Observable> inputs = new ArrayList<>();
        inputs.add(yamlProblem);
        inputs.add(namespaceProblem);
        fields.forEach(f -> inputs.add(f.problemProperty()));
        validBinding = Bindings.createBooleanBinding(() -> yamlProblem.get() == null && namespaceProblem.get() == null
                && fields.stream().allMatch(FieldModel::valid), inputs.toArray(Observable[]::new));
        valid.bind(validBinding);
    }

    /** The fields are the package's own settings; the advanced editor holds only the raw chart values under them. */
    public boolean packageSettings() {
        return fields.stream().anyMatch(FieldModel::packageSetting);
    }

    public List<FieldModel> fields() {
        return List.copyOf(fields);
    }

    /** The update wizard: these settings are new in {@code version} (the installed version has no such field). */
    public void markNew(java.util.Collection<String> names, String version) {
        names.forEach(name -> newIn.put(name, version));
    }

    /** The version a setting is new in, when the update wizard marked it so. */
    public java.util.Optional<String> newIn(String fieldName) {
        return java.util.Optional.ofNullable(newIn.get(fieldName));
    }

    /** The advanced editor's text: the whole values tree, secrets masked. */
    public StringProperty yamlProperty() {
        return yaml;
    }

    public ReadOnlyObjectProperty<FieldProblem> yamlProblemProperty() {
        return yamlProblem.getReadOnlyProperty();
    }

    public StringProperty namespaceProperty() {
        return namespace;
    }

    public ReadOnlyObjectProperty<FieldProblem> namespaceProblemProperty() {
        return namespaceProblem.getReadOnlyProperty();
    }

    public boolean namespaceEditable() {
        return namespaceEditable;
    }

    /** Every field valid, the YAML readable, the namespace a valid name. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    /**
     * The package settings the technician changed, by name, for the engine (secrets in plain, for the
     * engine only); the others keep their default (install) or current value (a change of settings).
     */
    public Map<String, SettingValue> settings() {
        Map<String, SettingValue> chosen = new LinkedHashMap<>();
        for (FieldModel field : fields) {
            if (field.packageSetting() && field.valid()) {
                // The same forms as the command line's --value: a literal, or a reference read at plan time.
                field.changedText().ifPresent(text -> chosen.put(field.name(), SettingValue.parse(field.name(), text)));
            }
        }
        return chosen;
    }

    /** The values to send to the engine: the tree with every chart-value field's value (secrets in plain, for the engine only). */
    public Map<String, Object> values() {
        Map<String, Object> tree = copy(base);
        for (FieldModel field : fields) {
            if (field.packageSetting()) {
                continue;
            }
            Object value = field.valid() ? field.typedValue() : null;
            if (value == null) {
                remove(tree, field.path());
            } else {
                put(tree, field.path(), value);
            }
        }
        return tree;
    }

    private void writeYaml() {
        Map<String, Object> shown = values();
        for (FieldModel field : fields) {
            if (!field.packageSetting() && field.secret() && get(shown, field.path()) != null) {
                put(shown, field.path(), MASK);
            }
        }
        syncing = true;
        try {
            yaml.set(shown.isEmpty() ? "" : YAML.writeValueAsString(shown));
            yamlProblem.set(null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("values cannot be written as YAML", e);
        } finally {
            syncing = false;
        }
    }

    private void readYaml(String text) {
        Map<String, Object> parsed;
        try {
            Object read = text == null || text.isBlank() ? new LinkedHashMap<>() : YAML.readValue(text, Object.class);
            if (read == null) {
                read = new LinkedHashMap<>();
            }
            if (!(read instanceof Map<?, ?>)) {
                yamlProblem.set(FieldProblem.of("ops.form.yaml.notMapping"));
                return;
            }
            parsed = YAML.convertValue(read, TREE);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            yamlProblem.set(at == null ? FieldProblem.of("ops.form.yaml.invalid", 1, 1)
                    : FieldProblem.of("ops.form.yaml.invalid", Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())));
            return;
        } catch (IllegalArgumentException e) {
            yamlProblem.set(FieldProblem.of("ops.form.yaml.notMapping"));
            return;
        }
        yamlProblem.set(null);
        syncing = true;
        try {
            for (FieldModel field : fields) {
                if (field.packageSetting()) {
                    continue;
                }
                Object value = get(parsed, field.path());
                if (field.secret() && MASK.equals(value)) {
                    Object kept = field.typedValue();
                    if (kept != null) {
                        put(parsed, field.path(), kept);
                    }
                    continue;
                }
                field.show(value);
            }
            base = parsed;
        } finally {
            syncing = false;
        }
    }

    private static FieldProblem checkNamespace(String value) {
        if (value == null || value.isBlank()) {
            return FieldProblem.of("ops.form.problem.required");
        }
        return NAMESPACE.matcher(value).matches() ? null : FieldProblem.of("ops.form.problem.namespace");
    }

    // ----- trees of maps

    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> tree, List<String> path) {
        Object node = tree;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, List<String> path, Object value) {
        Map<String, Object> node = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            Object next = node.get(path.get(i));
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                node.put(path.get(i), next);
            }
            node = (Map<String, Object>) next;
        }
        node.put(path.get(path.size() - 1), value);
    }

    @SuppressWarnings("unchecked")
    private static void remove(Map<String, Object> tree, List<String> path) {
        Object node = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            if (!(node instanceof Map<?, ?> map)) {
                return;
            }
            node = ((Map<String, Object>) map).get(path.get(i));
        }
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).remove(path.get(path.size() - 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, ?> tree) {
        Map<String, Object> result = new LinkedHashMap<>();
        tree.forEach((key, value) -> result.put(key, value instanceof Map<?, ?> map ? copy((Map<String, ?>) map)
                : value instanceof List<?> list ? new ArrayList<>(list) : value));
        return result;
    }
}
