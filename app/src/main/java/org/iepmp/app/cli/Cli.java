package org.iepmp.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.dialog.UserMessage;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.app.settings.SettingsStore;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code iepmp} command line: parses the arguments, runs one command and returns its exit code
 * (0 done, 1 failed, 2 wrong usage). Takes everything from a {@link CliEnvironment}, so tests run it
 * in-process. Never touches JavaFX (an architecture test keeps GUI classes out of this package).
 */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    /** The description of each command, by its qualified name. */
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("iepmp", "cli.help.iepmp"),
            Map.entry("iepmp repo", "cli.help.repo"),
            Map.entry("iepmp repo add", "cli.help.repo.add"),
            Map.entry("iepmp repo edit", "cli.help.repo.edit"),
            Map.entry("iepmp repo list", "cli.help.repo.list"),
            Map.entry("iepmp repo remove", "cli.help.repo.remove"),
            Map.entry("iepmp repo refresh", "cli.help.repo.refresh"),
            Map.entry("iepmp repo test", "cli.help.repo.test"),
            Map.entry("iepmp search", "cli.help.search"),
            Map.entry("iepmp show", "cli.help.show"),
            Map.entry("iepmp install", "cli.help.install"),
            Map.entry("iepmp upgrade", "cli.help.upgrade"),
            Map.entry("iepmp rollback", "cli.help.rollback"),
            Map.entry("iepmp uninstall", "cli.help.uninstall"),
            Map.entry("iepmp repair", "cli.help.repair"),
            Map.entry("iepmp configure", "cli.help.configure"),
            Map.entry("iepmp list", "cli.help.list"),
            Map.entry("iepmp status", "cli.help.status"),
            Map.entry("iepmp logs", "cli.help.logs"),
            Map.entry("iepmp updates", "cli.help.updates"),
            Map.entry("iepmp history", "cli.help.history"),
            Map.entry("iepmp doctor", "cli.help.doctor"),
            Map.entry("iepmp practice", "cli.help.practice"),
            Map.entry("iepmp practice start", "cli.help.practice.start"),
            Map.entry("iepmp practice stop", "cli.help.practice.stop"),
            Map.entry("iepmp practice run", "cli.help.practice.run"));

    private final CliEnvironment environment;
    private final I18n i18n;
    private Messages messages;

    public Cli(CliEnvironment environment, I18n i18n) {
        this.environment = environment;
        this.i18n = i18n;
    }

    /** Whether these launcher arguments name a command (else they are for the window). */
    public static boolean isCommand(String[] args) {
        return CommandWords.isCommand(args);
    }

    /** Runs one command line; returns the exit code. */
    public int run(String... args) {
        Optional<String> lang = valueOf(args, "--lang");
        Optional<Language> chosen = lang.flatMap(Language::fromTag);
        if (lang.isPresent() && chosen.isEmpty()) {
            environment.output().error(i18n.messages(Language.ENGLISH).get("app.cli.unknownLanguage", lang.get()));
            return 2;
        }
        Language language = chosen.or(() -> settingsLanguage(args)).orElse(Language.fromLocale(environment.osLocale()));
        messages = i18n.messages(language);
        CommandLine commandLine = new CommandLine(new RootCommand(this));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(environment.output().out());
        commandLine.setErr(environment.output().err());
        commandLine.setResourceBundle(new MessagesBundle(i18n, messages));
        localizeHelp(commandLine);
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            environment.output().error(messages.get("cli.error.usage", error.getMessage()));
            environment.output().error(messages.get("cli.error.usage.hint",
                    error.getCommandLine().getCommandSpec().qualifiedName(" ")));
            return 2;
        });
        boolean json = valueOf(args, "--output").or(() -> valueOf(args, "-o")).map("json"::equalsIgnoreCase).orElse(false);
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> report(error, json));
        return commandLine.execute(args);
    }

    CliSession openSession(CommonOptions options) {
        return new CliSession(environment, options, i18n, messages, paths(options.home));
    }

    AppPaths paths(Path home) {
        return home != null ? AppPaths.under(home) : AppPaths.fromEnvironment(environment.env(), environment.userHome());
    }

    /**
     * The error in the user's language on stderr (the stack trace to the log) and, with
     * {@code --output json}, as a JSON object on stdout for scripts; 2 for usage errors, else 1.
     */
    int report(Exception error, boolean json) {
        String code;
        String what;
        String hint;
        int exit;
        if (error instanceof CliException cli) {
            LOG.info("Command failed: {}", cli.getMessage());
            code = cli.messageKey();
            what = messages.get(cli.messageKey(), cli.params().toArray());
            hint = messages.get(cli.hintKey(), cli.params().toArray());
            exit = cli.isUsage() ? 2 : 1;
        } else {
            LOG.warn("Command failed", error);
            ErrorPresenter presenter = new ErrorPresenter();
            UserMessage message = presenter.present(error, messages);
            code = presenter.codeOf(error);
            what = message.title() + ": " + message.what();
            hint = message.whatToDo();
            exit = 1;
        }
        environment.output().error(messages.get("cli.error.prefix", what));
        environment.output().error(hint);
        if (json) {
            new Printer(environment.output(), messages, true).printJson(Printer.object("error",
                    Printer.object("code", code, "message", what, "hint", hint, "exitCode", exit)));
        }
        return exit;
    }

    private void localizeHelp(CommandLine commandLine) {
        CommandSpec spec = commandLine.getCommandSpec();
        String key = DESCRIPTIONS.get(spec.qualifiedName(" "));
        if (key != null) {
            spec.usageMessage().description(messages.get(key).replace("%", "%%"));
        }
        spec.usageMessage().synopsisHeading(messages.get("cli.help.heading.usage") + " ");
        spec.usageMessage().optionListHeading("%n" + messages.get("cli.help.heading.options") + "%n");
        spec.usageMessage().parameterListHeading("%n" + messages.get("cli.help.heading.parameters") + "%n");
        spec.usageMessage().commandListHeading("%n" + messages.get("cli.help.heading.commands") + "%n");
        spec.usageMessage().descriptionHeading("%n");
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            localizeHelp(sub);
        }
    }

    private Optional<Language> settingsLanguage(String[] args) {
        try {
            AppPaths paths = paths(valueOf(args, "--home").map(Path::of).orElse(null));
            return new SettingsStore(paths.settingsFile()).load().language();
        } catch (RuntimeException e) {
            LOG.debug("No language from the settings", e);
            return Optional.empty();
        }
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE}, read before parsing (for the language of parse errors). */
    private static Optional<String> valueOf(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith(name + "=")) {
                return Optional.of(args[i].substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }
}
