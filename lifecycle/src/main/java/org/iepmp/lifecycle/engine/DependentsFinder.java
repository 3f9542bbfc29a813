package org.iepmp.lifecycle.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which installed packages need a package: every other release, mapped to its package (by the
 * history, else by its chart name), whose installed version lists it as a dependency.
 */
final class DependentsFinder {

    private static final Logger LOG = LoggerFactory.getLogger(DependentsFinder.class);

    private final Catalog catalog;
    private final HelmDriver helm;
    private final HistoryStore history;
    private final String clusterId;
    private final EngineSettings settings;

    DependentsFinder(Catalog catalog, HelmDriver helm, HistoryStore history, String clusterId, EngineSettings settings) {
        this.catalog = catalog;
        this.helm = helm;
        this.history = history;
        this.clusterId = clusterId;
        this.settings = settings;
    }

    /**
     * Releases that need the release {@code releaseName} of {@code packageName} in {@code namespace}: a
     * dependency lives in its package's default namespace, else beside the release that needs it.
     */
    List<String> dependentsOf(String packageName, String releaseName, String namespace) {
        Optional<String> defaultNamespace = defaultNamespaceOf(packageName);
        List<String> users = new ArrayList<>();
        for (ReleaseInfo release : helm.list(settings.callTimeout())) {
            if (release.name().equals(releaseName) && release.namespace().equals(namespace)
                    || release.status() == ReleaseStatus.UNINSTALLED) {
                continue;
            }
            if (!defaultNamespace.orElse(release.namespace()).equals(namespace)) {
                continue;
            }
            String pkg = packageOf(release);
            try {
                ResolvedVersion version = catalog.resolve(Optional.empty(), pkg, Optional.of(versionOf(release)));
                if (version.dependencies().stream().anyMatch(d -> d.name().equals(packageName))) {
                    users.add(release.namespace().equals(namespace) ? release.name() : release.namespace() + "/" + release.name());
                }
            } catch (RuntimeException e) {
                LOG.debug("Cannot tell whether {} needs {}: {}", release.name(), packageName, e.getMessage());
            }
        }
        return users;
    }

    private Optional<String> defaultNamespaceOf(String packageName) {
        try {
            return Optional.ofNullable(catalog.resolve(Optional.empty(), packageName, Optional.empty()).defaultNamespace());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    String packageOf(ReleaseInfo release) {
        return latestStep(release).map(StepRecord::packageName).orElse(release.chartName());
    }

    String versionOf(ReleaseInfo release) {
        return latestStep(release).filter(s -> s.toVersion() != null).map(StepRecord::toVersion).orElse(release.chartVersion());
    }

    private Optional<StepRecord> latestStep(ReleaseInfo release) {
        return history.successfulSteps(clusterId, release.namespace(), release.name()).stream().findFirst();
    }
}
