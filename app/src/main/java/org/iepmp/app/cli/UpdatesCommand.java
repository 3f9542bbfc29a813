package org.iepmp.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.iepmp.lifecycle.api.UpdateInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iepmp updates}: installed packages with a newer version in the catalog. */
@Command(name = "updates")
final class UpdatesCommand extends CliCommand {

    @Option(names = "--all", descriptionKey = "cli.updates.option.all")
    boolean all;

    @Override
    protected int run(CliSession session) {
        List<UpdateInfo> updates = session.engine().engine().checkUpdates().stream()
                .filter(u -> all || u.updateAvailable()).toList();
        Printer printer = session.printer();
        if (printer.json()) {
            printer.printJson(updates.stream().map(u -> Printer.object("package", u.packageName(), "release", u.releaseName(),
                    "namespace", u.namespace(), "installedVersion", u.installedVersion(), "repository", u.repository().orElse(null),
                    "latest", u.latest().orElse(null), "latestSameMajor", u.latestSameMajor().orElse(null),
                    "updateAvailable", u.updateAvailable())).toList());
            return 0;
        }
        if (updates.isEmpty()) {
            printer.say("cli.updates.none");
            return 0;
        }
        var m = session.messages();
        List<List<String>> rows = new ArrayList<>();
        for (UpdateInfo u : updates) {
            rows.add(List.of(u.packageName(), u.releaseName(), u.namespace(), u.installedVersion(), u.latest().orElse("-"),
                    u.latestSameMajor().orElse("-"), u.repository().orElse("-")));
        }
        printer.table(List.of(m.get("cli.column.package"), m.get("cli.column.release"), m.get("cli.column.namespace"),
                m.get("cli.column.installed"), m.get("cli.column.latest"), m.get("cli.column.sameMajor"),
                m.get("cli.column.repository")), rows);
        return 0;
    }
}
