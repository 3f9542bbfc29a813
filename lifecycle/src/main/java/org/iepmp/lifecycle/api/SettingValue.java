package org.iepmp.lifecycle.api;

import java.util.List;
import java.util.Objects;

/**
 * The value given for one of a package's value definitions, as Glasskube configures it: a literal
 * text, or a reference read from the chosen cluster at plan time (a ConfigMap key, a Secret key,
 * another package's value).
 */
public sealed interface SettingValue {

    /** Glasskube's command-line prefixes of the reference forms. */
    String CONFIG_MAP_PREFIX = "$ConfigMapRef$";
    String SECRET_PREFIX = "$SecretRef$";
    String PACKAGE_PREFIX = "$PackageRef$";

    /** A value typed by the user. */
    record Literal(String text) implements SettingValue {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The text of {@code key} in ConfigMap {@code namespace/name}. */
    record ConfigMapKey(String namespace, String name, String key) implements SettingValue {
    }

    /** The text of {@code key} in Secret {@code namespace/name}; a secret wherever it goes. */
    record SecretKey(String namespace, String name, String key) implements SettingValue {
    }

    /** The value named {@code value} of the Glasskube package {@code packageName} on the cluster. */
    record PackageValue(String packageName, String value) implements SettingValue {
    }

    /**
     * Reads {@code text} as Glasskube's {@code --value} does: {@code $ConfigMapRef$namespace,name,key},
     * {@code $SecretRef$namespace,name,key}, {@code $PackageRef$package,value}, anything else literal.
     *
     * @throws LifecycleException {@link LifecycleErrorCode#SETTING_REFERENCE_INVALID} (definition, text, the
     *         form expected) when a reference has too few parts
     */
    static SettingValue parse(String definition, String text) {
        if (text.startsWith(CONFIG_MAP_PREFIX)) {
            List<String> parts = parts(definition, text, CONFIG_MAP_PREFIX, 3, "namespace,name,key");
            return new ConfigMapKey(parts.get(0), parts.get(1), parts.get(2));
        }
        if (text.startsWith(SECRET_PREFIX)) {
            List<String> parts = parts(definition, text, SECRET_PREFIX, 3, "namespace,name,key");
            return new SecretKey(parts.get(0), parts.get(1), parts.get(2));
        }
        if (text.startsWith(PACKAGE_PREFIX)) {
            List<String> parts = parts(definition, text, PACKAGE_PREFIX, 2, "package,value");
            return new PackageValue(parts.get(0), parts.get(1));
        }
        return new Literal(text);
    }

    /** The command-line form of this value (a Secret reference names where the secret is, never the secret). */
    default String display() {
        if (this instanceof Literal literal) {
            return literal.text();
        }
        if (this instanceof ConfigMapKey ref) {
            return CONFIG_MAP_PREFIX + ref.namespace() + "," + ref.name() + "," + ref.key();
        }
        if (this instanceof SecretKey ref) {
            return SECRET_PREFIX + ref.namespace() + "," + ref.name() + "," + ref.key();
        }
        PackageValue ref = (PackageValue) this;
        return PACKAGE_PREFIX + ref.packageName() + "," + ref.value();
    }

    private static List<String> parts(String definition, String text, String prefix, int count, String form) {
        // As Glasskube splits: at most `count` parts, so the last part may itself hold commas.
        String[] parts = text.substring(prefix.length()).split(",", count);
        if (parts.length != count) {
            throw new LifecycleException(LifecycleErrorCode.SETTING_REFERENCE_INVALID,
                    "value " + definition + " needs " + count + " parts after " + prefix, definition, text, prefix + form);
        }
        return List.of(parts);
    }
}
