package org.iepmp.app.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseInfo;
import picocli.CommandLine.Command;

/** {@code iepmp list}: every release on the cluster (ours and other tools') with health and available update. */
@Command(name = "list")
final class ListCommand extends CliCommand {

    @Override
    protected int run(CliSession session) {
        ClusterDrivers drivers = session.drivers();
        Map<String, CatalogPackage> known = new HashMap<>();
        for (CatalogPackage p : session.catalog().packages()) {
            known.putIfAbsent(p.name(), p);
        }
        List<Map<String, Object>> json = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        var m = session.messages();
        CliTexts texts = new CliTexts(m);
        List<ReleaseInfo> releases = new ArrayList<>(drivers.helm().list(CliSession.CALL_TIMEOUT));
        releases.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        for (ReleaseInfo release : releases) {
            Optional<ReleaseHealth> health;
            try {
                health = Optional.of(drivers.health().health(release.name(), release.namespace(), CliSession.CALL_TIMEOUT));
            } catch (KubeException e) {
                // One unreadable release must not hide the others.
                health = Optional.empty();
            }
            CatalogPackage pkg = known.get(release.chartName());
            Optional<String> update = Optional.empty();
            if (pkg != null && !release.chartVersion().isEmpty()) {
                try {
                    // A chart 1.0.0 is the package v1.0.0+1: the same version, not an update.
                    update = session.catalog().upgradeCandidates(pkg.name(), release.chartVersion()).latest()
                            .filter(latest -> !VersionNames.same(latest, release.chartVersion()));
                } catch (CatalogException e) {
                    update = Optional.empty();
                }
            }
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
