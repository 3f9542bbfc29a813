package org.iepmp.app.cli;

import java.util.Locale;
import org.iepmp.kube.api.ClusterEvent;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.WorkloadHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iepmp status PACKAGE}: the workloads of a release, why they are (not) healthy in plain words, and recent events. */
@Command(name = "status")
final class StatusCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "PACKAGE", descriptionKey = "cli.param.package")
    String packageName;
    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", descriptionKey = "cli.op.option.namespace")
    String namespace;
    @Option(names = "--release", paramLabel = "NAME", descriptionKey = "cli.op.option.release")
    String release;

    @Override
    protected int run(CliSession session) {
        ReleaseInfo info = Releases.find(session, release != null ? release : packageName, namespace);
        ReleaseHealth health = session.drivers().health().health(info.name(), info.namespace(), CliSession.CALL_TIMEOUT);
        var m = session.messages();
        Printer printer = session.printer();
        if (printer.json()) {
            printer.printJson(Printer.object("release", info.name(), "namespace", info.namespace(), "chart", info.chartName(),
                    "version", info.chartVersion(), "revision", info.revision(), "status", info.status().name().toLowerCase(Locale.ROOT),
                    "health", health.overall().severity().name().toLowerCase(Locale.ROOT),
                    "workloads", health.workloads().stream().map(w -> Printer.object("kind", w.workload().kind(),
                            "name", w.workload().name(), "ready", w.ready(), "desired", w.desired(), "reason", w.reason().name(),
                            "message", reason(session, w), "hint", m.get(w.reason().hintKey(), w.params().toArray()),
                            "pods", w.pods(), "lastLogLines", w.lastLogLines())).toList(),
                    "events", health.events().stream().map(e -> Printer.object("lastSeen", e.lastSeen().orElse(null),
                            "warning", e.warning(), "reason", e.reason(), "object", e.objectKind() + "/" + e.objectName(),
                            "message", e.message(), "count", e.count())).toList()));
            return 0;
        }
        CliTexts texts = new CliTexts(m);
        printer.say("cli.status.title", info.name(), info.namespace(), info.chartName(), info.chartVersion(), info.revision(),
                info.status().name().toLowerCase(Locale.ROOT));
        printer.say("cli.status.health", texts.severity(health.overall().severity()));
        printer.say("cli.status.workloads");
        if (health.workloads().isEmpty()) {
            printer.line("  " + m.get(HealthReason.NO_WORKLOADS.messageKey(), info.name()));
        }
        for (WorkloadHealth w : health.workloads()) {
            printer.line("  " + w.workload().kind() + " " + w.workload().name() + "  " + w.ready() + "/" + w.desired() + "  "
                    + reason(session, w));
            if (w.reason().severity() != HealthReason.Severity.OK) {
                printer.line("    " + m.get(w.reason().hintKey(), w.params().toArray()));
            }
            for (String line : w.lastLogLines()) {
                printer.line("    | " + line);
            }
        }
        printer.say("cli.status.events");
        if (health.events().isEmpty()) {
            printer.line("  " + m.get("cli.show.nothing"));
        }
        for (ClusterEvent e : health.events()) {
            printer.line("  " + e.lastSeen().map(printer::dateTime).orElse("") + "  "
                    + (e.warning() ? m.get("cli.status.warning") : m.get("cli.status.normal")) + "  " + e.reason() + "  "
                    + e.objectKind() + "/" + e.objectName() + ": " + e.message() + (e.count() > 1 ? " (x" + e.count() + ")" : ""));
        }
        return 0;
    }

    static String reason(CliSession session, WorkloadHealth w) {
        return session.messages().get(w.reason().messageKey(), w.params().toArray());
    }
}
