package org.iepmp.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Values files ({@code --values}) read as Helm reads them: anchors, aliases and merge keys ({@code <<: *base})
 * resolved by the YAML library itself, files merged in order with nested mappings merged key by key. Stricter than
 * Helm on purpose where Helm is silent: a key given twice in one mapping is refused with file and line (Helm keeps
 * the last one, so a typo silently decides what is deployed). Each file is read up to a size cap, so
 * {@code /dev/zero} or a runaway file gives a message instead of running out of memory.
 */
final class HelmValuesFiles {

    /** Far above any real values file, far below what would strain the heap. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Aliases beyond this in one document are a "billion laughs", not values. */
    private static final int MAX_ALIASES = 100;

    /** The files' values merged in order (a later file wins per key, nested mappings merge). */
    Map<String, Object> read(List<Path> files) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Path file : files) {
            result = merge(result, readOne(file));
        }
        return result;
    }

    Map<String, Object> readOne(Path file) {
        String text = new String(bounded(file), StandardCharsets.UTF_8);
        Object read;
        try {
            read = yaml().load(text);
        } catch (DuplicateKeyException e) {
            throw CliException.usage("cli.values.duplicateKey", "cli.values.duplicateKey.hint", file.toString(),
                    duplicateKey(e), line(e));
        } catch (MarkedYAMLException e) {
            throw CliException.usage("cli.values.invalidYaml", "cli.values.invalidYaml.hint", file.toString(), line(e),
                    e.getProblem());
        } catch (YAMLException e) {
            throw CliException.usage("cli.values.invalidYaml", "cli.values.invalidYaml.hint", file.toString(), 0,
                    e.getMessage());
        }
        if (read == null) {
            return Map.of();
        }
        if (!(read instanceof Map<?, ?> map)) {
            throw CliException.usage("cli.values.invalidFile", "cli.values.invalidFile.hint", file.toString());
        }
        return stringKeys(map);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        return new Yaml(new GoYamlConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                new GoYamlResolver());
    }

    /**
     * YAML 1.1 as Helm's YAML library (go-yaml v2) resolves it: besides yes/no/on/off, a bare {@code y}, {@code Y},
     * {@code n} or {@code N} is a boolean too, as a key as well as a value ({@code y: 2} is the key {@code "true"}).
     */
    static final class GoYamlConstructor extends SafeConstructor {
        GoYamlConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.BOOL, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String text = constructScalar((ScalarNode) node).toLowerCase(java.util.Locale.ROOT);
                    return text.equals("y") || text.equals("yes") || text.equals("true") || text.equals("on");
                }
            });
            // A Long leaf means "int64, as --set types it" to the Helm driver; a file's whole numbers are float64 in Helm.
            Construct wholeNumbers = yamlConstructors.get(Tag.INT);
            yamlConstructors.put(Tag.INT, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Object number = wholeNumbers.construct(node);
                    return number instanceof Long value ? BigInteger.valueOf(value) : number;
                }
            });
        }
    }

    static final class GoYamlResolver extends Resolver {
        private static final Pattern GO_BOOL = Pattern.compile(
                "^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, GO_BOOL, "yYnNtTfFoO", 10);
            super.addImplicitResolvers();
        }
    }

    /** The bytes of {@code file}, refused above {@link #MAX_BYTES} before more is read. */
    static byte[] bounded(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw CliException.usage("cli.values.tooLarge", "cli.values.tooLarge.hint", file.toString(), MAX_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw CliException.usage("cli.error.fileUnreadable", "cli.error.fileUnreadable.hint", file.toString());
        }
    }

    private static String duplicateKey(DuplicateKeyException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        return problem.replaceFirst("^found duplicate key\\s*", "");
    }

    private static int line(MarkedYAMLException e) {
        return e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
    }

    /** Helm's keys are strings (YAML read as JSON): {@code 1: x} becomes {@code "1": x}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v instanceof Map<?, ?> inner ? stringKeys(inner)
                : v instanceof List<?> list ? list.stream().map(HelmValuesFiles::stringKeysIn).toList() : v));
        return result;
    }

    private static Object stringKeysIn(Object item) {
        return item instanceof Map<?, ?> inner ? stringKeys(inner)
                : item instanceof List<?> list ? list.stream().map(HelmValuesFiles::stringKeysIn).toList() : item;
    }

    /** Helm's mergeMaps: nested mappings merge, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            if (value instanceof Map<?, ?> sub && out.get(key) instanceof Map<?, ?> existing) {
                out.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) sub));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }
}
