package org.iepmp.lifecycle.settings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.kube.api.ClusterValues;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.SettingMapping.Source;
import org.iepmp.catalog.api.SettingProblem;
import org.iepmp.catalog.api.SettingRules;
import org.iepmp.lifecycle.api.SettingValue;

/**
 * The values of a package's definitions for one operation, as Glasskube resolves and checks them:
 * every name must be a definition; references are read from the chosen cluster (a Secret's value is
 * base64-decoded once more, as Glasskube's resolver does); a definition not given gets its default
 * when it has a non-empty one (where {@code defaults} says defaults apply); a required definition
 * without either fails; every value, defaults included, is checked against its definition's rules.
 */
public final class SettingResolver {

    /** References of references (a package value that is itself a reference): deeper than this is a loop. */
    private static final int MAX_DEPTH = 8;

    private final ClusterValues cluster;
    private final Duration timeout;

    /** {@code cluster} may be null: references then fail with {@link LifecycleErrorCode#SETTING_REFERENCE_UNAVAILABLE}. */
    public SettingResolver(ClusterValues cluster, Duration timeout) {
        this.cluster = cluster;
        this.timeout = timeout;
    }

    /** The values by definition name, in name order (the order Glasskube applies them in). */
    public Map<String, ResolvedSetting> resolve(String packageName, List<ValueDefinition> definitions, Map<String, SettingValue> given,
            Predicate<String> defaults) {
        Map<String, ValueDefinition> byName = new TreeMap<>();
        definitions.forEach(d -> byName.put(d.name(), d));
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new LifecycleException(LifecycleErrorCode.SETTING_UNKNOWN, packageName + " has no value " + name, packageName, name);
            }
        }
        Map<String, ResolvedSetting> resolved = new TreeMap<>();
        for (ValueDefinition definition : byName.values()) {
            SettingValue value = given.get(definition.name());
            if (value != null) {
                ResolvedSetting setting = resolveGiven(packageName, definition, value);
                check(packageName, definition, setting);
                resolved.put(definition.name(), setting);
                continue;
            }
            if (!defaults.test(definition.name())) {
                continue;
            }
            Optional<String> fallback = SettingRules.defaultOf(definition);
            if (fallback.isPresent()) {
                ResolvedSetting setting = new ResolvedSetting(definition.name(), fallback.get(), Source.DEFAULT, fallback.get(),
                        definition.secret());
                checkDefault(packageName, definition, setting);
                resolved.put(definition.name(), setting);
            } else if (definition.constraints().required()) {
                throw new LifecycleException(LifecycleErrorCode.SETTING_REQUIRED, packageName + ": " + definition.name() + " is required",
                        packageName, definition.name());
            }
        }
        return resolved;
    }

    private ResolvedSetting resolveGiven(String packageName, ValueDefinition definition, SettingValue value) {
        if (value instanceof SettingValue.Literal literal) {
            return new ResolvedSetting(definition.name(), literal.text(), Source.GIVEN, literal.text(), definition.secret());
        }
        Source source = value instanceof SettingValue.ConfigMapKey ? Source.CONFIG_MAP
                : value instanceof SettingValue.SecretKey ? Source.SECRET : Source.PACKAGE;
        Reference reference = new Reference(packageName, definition.name(), value.display());
        Read read = read(reference, value, 0);
        return new ResolvedSetting(definition.name(), read.text(), source, value.display(), definition.secret() || read.secret());
    }

    private record Reference(String packageName, String definition, String shown) {
        LifecycleException error(LifecycleErrorCode code, String log, Object... more) {
            Object[] params = new Object[3 + more.length];
            params[0] = packageName;
            params[1] = definition;
            params[2] = shown;
            System.arraycopy(more, 0, params, 3, more.length);
            return new LifecycleException(code, packageName + ": " + definition + ": " + log, params);
        }
    }

    private record Read(String text, boolean secret) {
    }

    private Read read(Reference reference, SettingValue value, int depth) {
        if (cluster == null) {
            throw reference.error(LifecycleErrorCode.SETTING_REFERENCE_UNAVAILABLE, "no cluster to read " + reference.shown() + " from");
        }
        if (depth > MAX_DEPTH) {
            throw reference.error(LifecycleErrorCode.SETTING_REFERENCE_KEY_MISSING, "references loop at " + value.display());
        }
        try {
            if (value instanceof SettingValue.Literal literal) {
                return new Read(literal.text(), false);
            }
            if (value instanceof SettingValue.ConfigMapKey ref) {
                return new Read(cluster.configMapValue(ref.namespace(), ref.name(), ref.key(), timeout)
                        .orElseThrow(() -> reference.error(LifecycleErrorCode.SETTING_REFERENCE_KEY_MISSING, "no key " + ref.key())), false);
            }
            if (value instanceof SettingValue.SecretKey ref) {
                byte[] stored = cluster.secretValue(ref.namespace(), ref.name(), ref.key(), timeout)
                        .orElseThrow(() -> reference.error(LifecycleErrorCode.SETTING_REFERENCE_KEY_MISSING, "no key " + ref.key()));
                return new Read(decodeAsGlasskube(reference, stored), true);
            }
            SettingValue.PackageValue ref = (SettingValue.PackageValue) value;
            Map<String, Object> configured = cluster.glasskubePackageValue(ref.packageName(), ref.value(), timeout)
                    .orElseThrow(() -> reference.error(LifecycleErrorCode.SETTING_REFERENCE_KEY_MISSING, "no value " + ref.value()));
            Read inner = read(reference, PackageValues.of(configured).orElseThrow(
                    () -> reference.error(LifecycleErrorCode.SETTING_REFERENCE_KEY_MISSING, "empty value " + ref.value())), depth + 1);
            return inner;
        } catch (KubeException e) {
            if (e.code() == KubeErrorCode.REFERENCE_NOT_FOUND) {
                throw new LifecycleException(LifecycleErrorCode.SETTING_REFERENCE_NOT_FOUND, e.getMessage(), e, reference.packageName(),
                        reference.definition(), reference.shown(), e.params().size() > 1 ? e.params().get(1) : "");
            }
            throw e;
        }
    }

    /** Glasskube base64-decodes a Secret's (already decoded) value once more. */
    private static String decodeAsGlasskube(Reference reference, byte[] stored) {
        try {
            return new String(Base64.getDecoder().decode(new String(stored, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw reference.error(LifecycleErrorCode.SETTING_REFERENCE_NOT_BASE64, "secret value is not base64 text");
        }
    }

    private static void check(String packageName, ValueDefinition definition, ResolvedSetting setting) {
        List<SettingProblem> problems = SettingRules.check(definition, setting.value());
        if (!problems.isEmpty()) {
            throw invalid(packageName, definition.name(), setting.shown(), problems.get(0));
        }
    }

    private static void checkDefault(String packageName, ValueDefinition definition, ResolvedSetting setting) {
        List<SettingProblem> problems = SettingRules.check(definition, setting.value());
        if (!problems.isEmpty()) {
            SettingProblem problem = problems.get(0);
            throw new LifecycleException(LifecycleErrorCode.SETTING_DEFAULT_INVALID, packageName + ": default of " + definition.name()
                    + " breaks " + problem.kind(), packageName, definition.name(), setting.shown(),
                    problem.kind().name().toLowerCase(java.util.Locale.ROOT) + (problem.detail().isEmpty() ? "" : " " + problem.detail()));
        }
    }

    /** The typed error of a value that breaks a rule of its definition. */
    public static LifecycleException invalid(String packageName, String definition, String shown, SettingProblem problem) {
        LifecycleErrorCode code = switch (problem.kind()) {
            case REQUIRED -> LifecycleErrorCode.SETTING_REQUIRED;
            case UNKNOWN_NAME -> LifecycleErrorCode.SETTING_UNKNOWN;
            case NOT_NUMBER -> LifecycleErrorCode.SETTING_NOT_NUMBER;
            case NOT_BOOLEAN -> LifecycleErrorCode.SETTING_NOT_BOOLEAN;
            case MIN -> LifecycleErrorCode.SETTING_TOO_SMALL;
            case MAX -> LifecycleErrorCode.SETTING_TOO_LARGE;
            case MIN_LENGTH -> LifecycleErrorCode.SETTING_TOO_SHORT;
            case MAX_LENGTH -> LifecycleErrorCode.SETTING_TOO_LONG;
            case PATTERN -> LifecycleErrorCode.SETTING_PATTERN;
            case OPTION -> LifecycleErrorCode.SETTING_OPTION;
        };
        return new LifecycleException(code, packageName + ": " + definition + " breaks " + problem.kind(), packageName, definition,
                shown, problem.detail());
    }
}
