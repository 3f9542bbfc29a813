package org.iepmp.lifecycle.settings;

import java.util.Map;
import java.util.Optional;
import org.iepmp.lifecycle.api.SettingValue;

/** A Glasskube package's value configuration ({@code {value: ...}} or {@code {valueFrom: {...}}}) as a {@link SettingValue}. */
final class PackageValues {

    private PackageValues() {
    }

    static Optional<SettingValue> of(Map<String, Object> configuration) {
        Object literal = configuration.get("value");
        if (literal != null) {
            return Optional.of(new SettingValue.Literal(String.valueOf(literal)));
        }
        if (!(configuration.get("valueFrom") instanceof Map<?, ?> from)) {
            return Optional.empty();
        }
        if (from.get("configMapRef") instanceof Map<?, ?> ref) {
            return Optional.of(new SettingValue.ConfigMapKey(text(ref, "namespace"), text(ref, "name"), text(ref, "key")));
        }
        if (from.get("secretRef") instanceof Map<?, ?> ref) {
            return Optional.of(new SettingValue.SecretKey(text(ref, "namespace"), text(ref, "name"), text(ref, "key")));
        }
        if (from.get("packageRef") instanceof Map<?, ?> ref) {
            return Optional.of(new SettingValue.PackageValue(text(ref, "name"), text(ref, "value")));
        }
        return Optional.empty();
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value);
    }
}
