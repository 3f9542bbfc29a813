package org.iepmp.app.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.lifecycle.api.InstalledPackage;
import org.iepmp.lifecycle.api.UpdateInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every package of the connected cluster — Helm releases, ours and other tools', and plain-manifest packages, as the
 * engine's inventory lists them — with its health, its
 * catalog package and the update the engine's check finds. The window and the command line show
 * the same answer because both read it here. Slow: call it off the FX thread.
 *
 * <p>Updates come from {@code ReleaseQueries.checkUpdates()}, not from comparing the chart
 * version with the catalog: a Glasskube package {@code v1.0.0+1} installs chart {@code 1.0.0},
 * which is the same version, and only the engine knows which package version it installed.
 */
public final class InstalledReleases {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledReleases.class);

    private final Catalog catalog;
    private final Duration timeout;

    public InstalledReleases(Catalog catalog, Duration timeout) {
        this.catalog = catalog;
        this.timeout = timeout;
    }

    public List<InstalledRelease> read(EngineSession session) {
        Map<String, CatalogPackage> known = new HashMap<>();
        for (CatalogPackage p : catalog.packages()) {
            known.putIfAbsent(p.name(), p);
        }
        Map<String, UpdateInfo> updates = updates(session);
        List<InstalledRelease> result = new ArrayList<>();
        for (InstalledPackage installed : session.engine().installedPackages()) {
            ReleaseInfo release = asRelease(installed);
            Optional<ReleaseHealth> health;
            try {
                health = Optional.of(session.drivers().health().health(release.name(), release.namespace(), timeout));
            } catch (KubeException e) {
                // One unreadable release must not hide the others; it shows without a health badge.
                health = Optional.empty();
            }
            Optional<UpdateInfo> check = Optional.ofNullable(updates.get(key(release.name(), release.namespace())));
            result.add(new InstalledRelease(release, health, check.flatMap(UpdateInfo::latest),
                    Optional.ofNullable(known.get(installed.packageName())).or(() -> Optional.ofNullable(known.get(release.chartName()))),
                    check, installed.kind()));
        }
        result.sort((a, b) -> a.release().name().compareToIgnoreCase(b.release().name()));
        return result;
    }

    /**
     * An installed package in the shape the views and commands show a release in: a plain-manifest package has its package
     * name as chart name, its package version as chart version and revision 0.
     */
    public static ReleaseInfo asRelease(InstalledPackage installed) {
        return new ReleaseInfo(installed.releaseName(), installed.namespace(), installed.revision(),
                org.iepmp.kube.api.ReleaseStatus.valueOf(installed.status().name()), installed.chartName(), installed.chartVersion(), "",
                installed.updated());
    }

    private static Map<String, UpdateInfo> updates(EngineSession session) {
        Map<String, UpdateInfo> updates = new HashMap<>();
        try {
            for (UpdateInfo info : session.engine().checkUpdates()) {
                updates.put(key(info.releaseName(), info.namespace()), info);
            }
        } catch (RuntimeException e) {
            // Without the catalog or the history the list still shows releases and health.
            LOG.warn("Update check for the installed list failed", e);
        }
        return updates;
    }

    private static String key(String release, String namespace) {
        return namespace + "/" + release;
    }
}
