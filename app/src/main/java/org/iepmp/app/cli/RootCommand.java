package org.iepmp.app.cli;

import picocli.CommandLine.Command;

/** {@code iepmp}: the command groups; alone it prints the usage. */
@Command(name = "iepmp", subcommands = {
        RepoCommand.class, SearchCommand.class, ShowCommand.class,
        OperationCommands.Install.class, OperationCommands.Upgrade.class, OperationCommands.Rollback.class,
        OperationCommands.Uninstall.class, OperationCommands.Configure.class, OperationCommands.Repair.class,
        ListCommand.class, StatusCommand.class, LogsCommand.class, UpdatesCommand.class, HistoryCommand.class,
        DoctorCommand.class, PracticeCommand.class})
final class RootCommand extends CliCommand {

    private final Cli cli;

    RootCommand(Cli cli) {
        this.cli = cli;
    }

    Cli cli() {
        return cli;
    }

    @Override
    protected int run(CliSession session) {
        return usage(session);
    }
}
