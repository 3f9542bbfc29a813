package org.iepmp.app.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code --values FILE} (YAML, in order), then {@code --set}, {@code --set-string} and {@code --set-file} lines, in
 * Helm's order and with Helm's syntax (see {@link HelmValuesFiles} and {@link HelmSetSyntax}), over the values a
 * release keeps.
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

    public boolean given() {
        return !sets.isEmpty() || !setStrings.isEmpty() || !setFiles.isEmpty() || !files.isEmpty();
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
