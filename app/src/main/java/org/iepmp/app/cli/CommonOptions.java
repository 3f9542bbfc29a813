package org.iepmp.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.iepmp.app.settings.Settings;
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

    @Option(names = "--download-deadline", paramLabel = "SECONDS", descriptionKey = "cli.option.downloadDeadline")
    Integer downloadDeadlineSeconds;

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
        merged.downloadDeadlineSeconds = downloadDeadlineSeconds != null ? downloadDeadlineSeconds : other.downloadDeadlineSeconds;
        return merged;
    }

    /** The option's deadline, else the one in the settings file; a value out of range is refused, not bent. */
    Duration downloadDeadline(Settings fromFile) {
        if (downloadDeadlineSeconds == null) {
            return fromFile.downloadDeadline();
        }
        if (downloadDeadlineSeconds < Settings.MIN_DOWNLOAD_DEADLINE_SECONDS
                || downloadDeadlineSeconds > Settings.MAX_DOWNLOAD_DEADLINE_SECONDS) {
            throw CliException.usage("cli.option.downloadDeadline.range", "cli.option.downloadDeadline.range.hint",
                    downloadDeadlineSeconds, Settings.MIN_DOWNLOAD_DEADLINE_SECONDS, Settings.MAX_DOWNLOAD_DEADLINE_SECONDS);
        }
        return Duration.ofSeconds(downloadDeadlineSeconds);
    }

    public boolean json() {
        return output == OutputFormat.JSON;
    }
}
