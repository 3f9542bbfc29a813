package org.iepmp.app.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.iepmp.lifecycle.api.SettingValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code --values FILE} (YAML, in order), then {@code --set}, {@code --set-string} and {@code --set-file} lines, in
 * Helm's order and with Helm's syntax (see {@link HelmValuesFiles} and {@link HelmSetSyntax}), over the values a
 * release keeps; and {@code --value NAME=VALUE} for the package's own settings (Glasskube's value definitions,
 * applied with their templates and targets; the chart values are laid under their patches).
 */
public final class ValueOptions {

    private static final Logger LOG = LoggerFactory.getLogger(ValueOptions.class);

    @Option(names = "--set", paramLabel = "PATH=VALUE", descriptionKey = "cli.op.option.set")
    List<String> sets = new ArrayList<>();

    @Option(names = "--set-string", paramLabel = "PATH=TEXT", descriptionKey = "cli.op.option.setString")
    List<String> setStrings = new ArrayList<>();

    @Option(names = "--set-file", paramLabel = "PATH=FILE", descriptionKey = "cli.op.option.setFile")
    List<String> setFiles = new ArrayList<>();

    @Option(names = "--values", paramLabel = "FILE", descriptionKey = "cli.op.option.values")
    List<Path> files = new ArrayList<>();

    @Option(names = "--value", paramLabel = "NAME=VALUE", descriptionKey = "cli.op.option.value")
    List<String> settingTexts = new ArrayList<>();

    public boolean given() {
        return !sets.isEmpty() || !setStrings.isEmpty() || !setFiles.isEmpty() || !files.isEmpty()
                || !settingTexts.isEmpty();
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
        Map<String, Object> result = HelmValuesFiles.merge(HelmValuesFiles.stringKeys(base),
                new HelmValuesFiles().read(files));
        apply(sets, HelmSetSyntax.Kind.TYPED, result);
        apply(setStrings, HelmSetSyntax.Kind.STRING, result);
        apply(setFiles, HelmSetSyntax.Kind.FILE, result);
        return result;
    }

    private static void apply(List<String> lines, HelmSetSyntax.Kind kind, Map<String, Object> values) {
        for (String line : lines) {
            try {
                HelmSetSyntax.parseInto(line, values, kind, ValueOptions::readSetFile);
            } catch (HelmSetSyntax.Invalid e) {
                LOG.info("--set line refused: {}", e.getMessage());
                throw CliException.usage("cli.values.invalidSet", "cli.values.invalidSet.hint", line);
            }
        }
    }

    /** The text of a {@code --set-file} file, capped like a values file. */
    private static String readSetFile(String name) {
        return new String(HelmValuesFiles.bounded(Path.of(name)), StandardCharsets.UTF_8);
    }
}
