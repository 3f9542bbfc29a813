package org.iepmp.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command: merges the common options along the command chain, opens a
 * {@link CliSession} for the run and closes it after. A command returns its exit code or throws a
 * typed exception, which {@link Cli} turns into a localized message and exit code 1 (2 for usage).
 */
public abstract class CliCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        CommonOptions merged = common;
        for (CommandSpec parent = spec.parent(); parent != null; parent = parent.parent()) {
            if (parent.userObject() instanceof CliCommand command) {
                merged = merged.or(command.common);
            }
        }
        Cli cli = ((RootCommand) spec.root().userObject()).cli();
        try (CliSession session = cli.openSession(merged)) {
            return run(session);
        }
    }

    protected abstract int run(CliSession session) throws Exception;

    /** For group commands ({@code repo}, {@code practice}) called without a subcommand. */
    protected int usage(CliSession session) {
        session.printer().usage(spec.commandLine());
        return 2;
    }
}
