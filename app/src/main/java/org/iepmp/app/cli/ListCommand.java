package org.iepmp.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.app.engine.InstalledRelease;
import org.iepmp.app.engine.InstalledReleases;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseInfo;
import picocli.CommandLine.Command;

/** {@code iepmp list}: every release on the cluster (ours and other tools') with health and available update. */
@Command(name = "list")
final class ListCommand extends CliCommand {

    @Override
    protected int run(CliSession session) {
        List<Map<String, Object>> json = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        var m = session.messages();
        CliTexts texts = new CliTexts(m);
        for (InstalledRelease installed : new InstalledReleases(session.catalog(), CliSession.CALL_TIMEOUT).read(session.engine())) {
            ReleaseInfo release = installed.release();
            Optional<ReleaseHealth> health = installed.health();
            Optional<String> update = installed.update();
            CatalogPackage pkg = installed.pkg().orElse(null);
            json.add(Printer.object("release", release.name(), "namespace", release.namespace(), "chart", release.chartName(),
                    "version", release.chartVersion(), "revision", release.revision(),
                    "status", release.status().name().toLowerCase(Locale.ROOT),
                    "health", health.map(h -> h.overall().severity().name().toLowerCase(Locale.ROOT)).orElse(null),
                    "reason", health.map(h -> h.overall().name()).orElse(null),
                    "updateAvailable", update.isPresent(), "latestVersion", update.orElse(null),
                    "repository", pkg == null ? null : pkg.repository(),
                    "origin", pkg == null ? null : RepoCommand.OriginConverter.text(pkg.origin())));
            rows.add(List.of(release.name(), release.namespace(), release.chartName(), release.chartVersion(),
                    release.status().name().toLowerCase(Locale.ROOT),
                    health.map(h -> texts.severity(h.overall().severity())).orElse(m.get("cli.health.unknown")),
                    update.map(v -> m.get("cli.list.updateTo", v)).orElse(""),
                    pkg == null ? m.get("cli.list.outside") : texts.origin(pkg.origin())));
        }
        Printer printer = session.printer();
        if (printer.json()) {
            printer.printJson(json);
        } else if (rows.isEmpty()) {
            printer.say("cli.list.none");
        } else {
            printer.table(List.of(m.get("cli.column.release"), m.get("cli.column.namespace"), m.get("cli.column.package"),
                    m.get("cli.column.version"), m.get("cli.column.status"), m.get("cli.column.health"), m.get("cli.column.update"),
                    m.get("cli.column.origin")), rows);
        }
        return 0;
    }
}
