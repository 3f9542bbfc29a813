package org.iepmp.app.cli;

import picocli.CommandLine.Option;

/** What every changing command takes: where, why, and whether to ask. */
public final class RunOptions {

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", descriptionKey = "cli.op.option.namespace")
    String namespace;

    @Option(names = "--release", paramLabel = "NAME", descriptionKey = "cli.op.option.release")
    String release;

    @Option(names = "--reason", paramLabel = "TEXT", descriptionKey = "cli.op.option.reason")
    String reason;

    @Option(names = "--ticket", paramLabel = "REF", descriptionKey = "cli.op.option.ticket")
    String ticket;

    @Option(names = "--technician", paramLabel = "NAME", descriptionKey = "cli.op.option.technician")
    String technician;

    @Option(names = "--dry-run", descriptionKey = "cli.op.option.dryRun")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, descriptionKey = "cli.op.option.yes")
    boolean yes;
}
