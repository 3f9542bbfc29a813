package org.iepmp.lifecycle.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.ManifestDriver;
import org.iepmp.kube.api.ManifestPackage;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which installed packages need a package: every other release, mapped to its package (by the
 * history, else by its chart name), whose installed version lists it as a dependency.
 */
public final class DependentsFinder {

    private static final Logger LOG = LoggerFactory.getLogger(DependentsFinder.class);

    private final Catalog catalog;
    private final HelmDriver helm;
    private final ManifestDriver manifests;
    private final HistoryStore history;
    private final String clusterId;
    private final EngineSettings settings;

    /** {@code manifests} may be null (then plain-manifest packages are not looked at). */
    public DependentsFinder(Catalog catalog, HelmDriver helm, ManifestDriver manifests, HistoryStore history, String clusterId,
            EngineSettings settings) {
        this.catalog = catalog;
        this.helm = helm;
        this.manifests = manifests;
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
            if (release.status() != ReleaseStatus.UNINSTALLED) {
                check(packageName, releaseName, namespace, defaultNamespace, release.name(), release.namespace(), packageOf(release),
                        versionOf(release), users);
            }
        }
        if (manifests != null) {
            for (ManifestPackage installed : manifests.list(settings.callTimeout())) {
                String pkg = history.successfulSteps(clusterId, installed.namespace(), installed.packageName()).stream().findFirst()
                        .map(StepRecord::packageName).orElse(installed.packageName());
                check(packageName, releaseName, namespace, defaultNamespace, installed.packageName(), installed.namespace(), pkg,
                        installed.version(), users);
            }
        }
        return users;
    }

    /** Adds the installed release {@code name} to {@code users} when its version needs {@code packageName}. */
    private void check(String packageName, String releaseName, String namespace, Optional<String> defaultNamespace, String name,
            String releaseNamespace, String pkg, String version, List<String> users) {
        if (name.equals(releaseName) && releaseNamespace.equals(namespace)
                || !defaultNamespace.orElse(releaseNamespace).equals(namespace)) {
            return;
        }
        try {
            ResolvedVersion resolved = catalog.resolve(Optional.empty(), pkg, Optional.of(version));
            if (resolved.dependencies().stream().anyMatch(d -> d.name().equals(packageName))) {
                users.add(releaseNamespace.equals(namespace) ? name : releaseNamespace + "/" + name);
            }
        } catch (RuntimeException e) {
            LOG.debug("Cannot tell whether {} needs {}: {}", name, packageName, e.getMessage());
        }
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
