package org.iepmp.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iepmp practice start|stop}: the practice cluster as a process of its own, for this CLI, helm and kubectl. */
@Command(name = "practice", subcommands = {PracticeCommand.Start.class, PracticeCommand.Stop.class, PracticeCommand.Run.class})
final class PracticeCommand extends CliCommand {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @Override
    protected int run(CliSession session) {
        return usage(session);
    }

    @Command(name = "start")
    static final class Start extends CliCommand {
        @Override
        protected int run(CliSession session) throws Exception {
            PracticeProcess.State state = session.practice().start(START_TIMEOUT);
            Printer printer = session.printer();
            if (printer.json()) {
                printer.printJson(Printer.object("kubeconfig", state.kubeconfig().toString(), "url", state.url(), "pid", state.pid(),
                        "catalog", session.practice().catalogDir().toString()));
            } else {
                // The path alone on stdout: KUBECONFIG=$(iepmp practice start) works.
                printer.line(state.kubeconfig().toString());
                printer.note("cli.practice.started", state.url(), Long.toString(state.pid()));
                printer.note("cli.practice.catalog", session.practice().catalogDir().resolve("glasskube").toString(),
                        session.practice().catalogDir().resolve("helm").toString());
            }
            return 0;
        }
    }

    @Command(name = "stop")
    static final class Stop extends CliCommand {
        @Override
        protected int run(CliSession session) throws Exception {
            boolean stopped = session.practice().stop(Duration.ofSeconds(20));
            if (session.printer().json()) {
                session.printer().printJson(Printer.object("stopped", stopped));
            } else {
                session.printer().say(stopped ? "cli.practice.stopped" : "cli.practice.wasNotRunning");
            }
            return 0;
        }
    }

    /** The practice process itself (started by {@code start}); not for people. */
    @Command(name = "run", hidden = true)
    static final class Run extends CliCommand {
        @Option(names = "--state-dir", required = true, paramLabel = "DIR", descriptionKey = "cli.practice.option.stateDir")
        Path stateDir;

        @Override
        protected int run(CliSession session) throws Exception {
            new PracticeProcess(stateDir, java.util.List.of()).serve();
            return 0;
        }
    }
}
