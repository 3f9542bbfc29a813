package org.iepmp.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.iepmp.lifecycle.api.SettingValue;
import picocli.CommandLine.Option;

/**
 * {@code --values FILE} (YAML, in order) and {@code --set path=value} (after the files) as Helm-style
 * nested chart values, and {@code --value NAME=VALUE} for the package's own settings (Glasskube's value
 * definitions, applied with their templates and targets; the chart values are laid under their patches). {@code --set} follows Helm: dotted paths, {@code true}/{@code false} and whole
 * numbers typed, everything else text.
 */
public final class ValueOptions {

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    @Option(names = "--set", paramLabel = "PATH=VALUE", descriptionKey = "cli.op.option.set")
    List<String> sets = new ArrayList<>();

    @Option(names = "--values", paramLabel = "FILE", descriptionKey = "cli.op.option.values")
    List<Path> files = new ArrayList<>();

    @Option(names = "--value", paramLabel = "NAME=VALUE", descriptionKey = "cli.op.option.value")
    List<String> settingTexts = new ArrayList<>();

    public boolean given() {
        return !sets.isEmpty() || !files.isEmpty() || !settingTexts.isEmpty();
    }

    /**
     * The values of the package's settings (its value definitions) by name, as Glasskube's
     * {@code --value} reads them: {@code NAME=VALUE}, or a reference ({@code $ConfigMapRef$...},
     * {@code $SecretRef$...}, {@code $PackageRef$...}); a later one of the same name wins.
     */
    public Map<String, SettingValue> settings() {
        Map<String, SettingValue> settings = new LinkedHashMap<>();
        for (String text : settingTexts) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw CliException.usage("cli.values.invalidValue", "cli.values.invalidValue.hint", text);
            }
            String name = text.substring(0, equals);
            settings.put(name, SettingValue.parse(name, text.substring(equals + 1)));
        }
        return settings;
    }

    /** The values, over {@code base} (the release's recorded values when they are kept). */
    public Map<String, Object> values(Map<String, Object> base) {
        Map<String, Object> result = deepCopy(base);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Path file : files) {
            Object read;
            try {
                read = yaml.readValue(Files.readString(file), Object.class);
            } catch (NoSuchFileException e) {
                throw CliException.usage("cli.error.fileUnreadable", "cli.error.fileUnreadable.hint", file.toString());
            } catch (IOException e) {
                throw CliException.usage("cli.values.invalidFile", "cli.values.invalidFile.hint", file.toString());
            }
            if (read == null) {
                continue;
            }
            if (!(read instanceof Map<?, ?> map)) {
                throw CliException.usage("cli.values.invalidFile", "cli.values.invalidFile.hint", file.toString());
            }
            merge(result, map);
        }
        for (String set : sets) {
            int equals = set.indexOf('=');
            String path = equals < 0 ? set : set.substring(0, equals);
            if (equals < 0 || !PATH.matcher(path).matches()) {
                throw CliException.usage("cli.values.invalidSet", "cli.values.invalidSet.hint", set);
            }
            put(result, path.split("\\."), typed(set.substring(equals + 1)));
        }
        return result;
    }

    static Object typed(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.equals("null")) {
            return null;
        }
        if (INTEGER.matcher(text).matches()) {
            return Long.valueOf(text);
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> target, String[] path, Object value) {
        Map<String, Object> current = target;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = current.get(path[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(path[i], next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(path[path.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<?, ?> source) {
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (entry.getValue() instanceof Map<?, ?> sub && target.get(key) instanceof Map<?, ?> existing) {
                Map<String, Object> copy = deepCopy((Map<String, Object>) existing);
                merge(copy, sub);
                target.put(key, copy);
            } else {
                target.put(key, entry.getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }
}
