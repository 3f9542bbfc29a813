package org.iepmp.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command takes, wherever they stand on the line ({@code iepmp --lang zh-TW list}
 * and {@code iepmp list --lang zh-TW} are the same): each command carries its own copy and
 * {@link CliCommand} merges them, nearest command first.
 */
public final class CommonOptions {

    @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "cli.option.lang")
    String lang;

    @Option(names = "--kubeconfig", paramLabel = "FILE", descriptionKey = "cli.option.kubeconfig")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", descriptionKey = "cli.option.context")
    String context;

    @Option(names = "--practice", descriptionKey = "cli.option.practice")
    boolean practice;

    @Option(names = "--home", paramLabel = "DIR", descriptionKey = "cli.option.home")
    Path home;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", descriptionKey = "cli.option.output")
    OutputFormat output;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "cli.option.help")
    boolean help;

    /** text (tables for people) or json (for scripts). */
    public enum OutputFormat { TEXT, JSON }

    /** {@code this} where set, else {@code other}. */
    CommonOptions or(CommonOptions other) {
        CommonOptions merged = new CommonOptions();
        merged.lang = lang != null ? lang : other.lang;
        merged.kubeconfig = kubeconfig != null ? kubeconfig : other.kubeconfig;
        merged.context = context != null ? context : other.context;
        merged.practice = practice || other.practice;
        merged.home = home != null ? home : other.home;
        merged.output = output != null ? output : other.output;
        return merged;
    }

    public boolean json() {
        return output == OutputFormat.JSON;
    }
}
