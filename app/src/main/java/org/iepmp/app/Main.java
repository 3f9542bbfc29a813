package org.iepmp.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.iepmp.app.cli.Cli;
import org.iepmp.app.cli.CliEnvironment;
import org.iepmp.app.cli.CliOutput;
import org.iepmp.app.cli.CommandWords;
import org.iepmp.app.gui.GuiLauncher;
import org.iepmp.app.gui.ToolkitStart;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;
import org.iepmp.kube.KubeFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of the {@code iepmp} launcher: with no command it opens the window; options
 * choose language, cluster and section. With a command word ({@code iepmp list}) it runs the
 * command line ({@link Cli}) instead, without loading any GUI class.
 */
@Command(name = "iepmp", mixinStandardHelpOptions = false, sortOptions = false)
public final class Main implements Callable<Integer> {

    @Option(names = "--lang", paramLabel = "LANG") String lang;
    @Option(names = "--kubeconfig", paramLabel = "FILE") Path kubeconfig;
    @Option(names = "--context", paramLabel = "NAME") String context;
    @Option(names = "--section", paramLabel = "SECTION") String section;
    @Option(names = "--zoom", paramLabel = "PERCENT") Integer zoom;
    @Option(names = "--home", paramLabel = "DIR") Path home;
    @Option(names = "--practice") boolean practice;
    @Option(names = "--self-check") boolean selfCheck;
    @Option(names = {"-V", "--version"}) boolean version;
    @Option(names = {"-h", "--help"}) boolean help;

    private final CliOutput output;
    private final Supplier<CompletableFuture<Void>> toolkit;

    Main(CliOutput output, Supplier<CompletableFuture<Void>> toolkit) {
        this.output = output;
        this.toolkit = toolkit;
    }

    public static void main(String[] args) {
        if (CommandWords.isCommand(args)) {
            // The command line: never touches the GUI classes (nor, through them, JavaFX).
            CliEnvironment environment = CliEnvironment.system();
            LoggingSetup.configure(cliLogDir(args, environment));
            System.exit(new Cli(environment, I18n.load()).run(args));
        }
        // The window is what this start is for: bring the toolkit up while the options are parsed.
        CompletableFuture<Void> toolkit = opensWindow(args) ? ToolkitStart.begin() : null;
        CliOutput output = CliOutput.system();
        CommandLine commandLine = new CommandLine(new Main(output, () -> toolkit != null ? toolkit : ToolkitStart.begin()));
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            Messages messages = I18n.load().messages(Language.fromLocale(Locale.getDefault()));
            output.error(messages.get("app.cli.usageError", error.getMessage()));
            return 2;
        });
        // The GUI returns only when its window has closed, so exiting here is always right.
        System.exit(commandLine.execute(args));
    }

    /** Not a command, and none of the options that print and exit. */
    static boolean opensWindow(String[] args) {
        for (String arg : args) {
            if (List.of("-h", "--help", "-V", "--version", "--self-check").contains(arg)) {
                return false;
            }
        }
        return true;
    }

    private static Path cliLogDir(String[] args, CliEnvironment environment) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--home")) {
                return AppPaths.under(Path.of(args[i + 1])).logDir();
            }
        }
        return AppPaths.fromEnvironment(environment.env(), environment.userHome()).logDir();
    }

    @Override
    public Integer call() {
        I18n i18n = I18n.load();
        Optional<Language> language = Optional.empty();
        if (lang != null) {
            language = Language.fromTag(lang);
            if (language.isEmpty()) {
                output.error(i18n.messages(Language.ENGLISH).get("app.cli.unknownLanguage", lang));
                return 2;
            }
        }
        Messages messages = i18n.messages(language.orElse(Language.fromLocale(Locale.getDefault())));
        if (help) {
            output.println(messages.get("app.cli.help"));
            return 0;
        }
        if (version) {
            output.println(messages.get("app.cli.version", Versions.application()));
            return 0;
        }
        Optional<Section> startSection = Optional.empty();
        if (section != null) {
            try {
                startSection = Optional.of(Section.valueOf(section.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                output.error(messages.get("app.cli.unknownSection", section));
                return 2;
            }
        }
        AppPaths paths = home != null ? AppPaths.under(home) : AppPaths.fromEnvironment(System.getenv(),
                Path.of(System.getProperty("user.home")));
        LoggingSetup.configure(paths.logDir());
        LaunchOptions options = new LaunchOptions(language, Optional.ofNullable(kubeconfig), Optional.ofNullable(context),
                startSection, Optional.ofNullable(zoom), Optional.ofNullable(home), practice);
        if (selfCheck) {
            return new SelfCheck(paths, i18n, messages, output, new KubeFactory(Clock.systemUTC()).nativeHelmCheck()).run();
        }
        GuiLauncher.launch(paths, options, i18n, toolkit.get());
        return 0;
    }
}
