package org.iepmp.lifecycle.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.ManifestPackage;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.lifecycle.api.ChartArchiveStore;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What is installed before a step, and from which archive and values it can be restored. */
final class BeforeStates {

    private static final Logger LOG = LoggerFactory.getLogger(BeforeStates.class);

    private final Catalog catalog;
    private final HelmDriver helm;
    private final HistoryStore history;
    private final ChartArchiveStore archives;
    private final String clusterId;
    private final EngineSettings settings;

    BeforeStates(Catalog catalog, HelmDriver helm, HistoryStore history, ChartArchiveStore archives, String clusterId,
                 EngineSettings settings) {
        this.catalog = catalog;
        this.helm = helm;
        this.history = history;
        this.archives = archives;
        this.clusterId = clusterId;
        this.settings = settings;
    }

    /**
     * The installed state of a release: the newest successful step the history recorded for it when
     * it still matches the cluster (offline: archive from the store, values from the history), else
     * Helm's own values with the archive of that version from the catalog, when it has it.
     */
    BeforeState before(ReleaseInfo current, String packageName) {
        Optional<StepRecord> recorded = history.successfulSteps(clusterId, current.namespace(), current.name()).stream().findFirst()
                .filter(step -> step.chartDigest() != null && archives.contains(step.chartDigest()));
        if (recorded.isPresent()) {
            StepRecord step = recorded.get();
            Path archive = archives.get(step.chartDigest());
            // Only while the cluster still runs what was recorded: another tool may have changed it since.
            if (Objects.equals(chartVersionOf(archive), current.chartVersion())) {
                return new BeforeState(true, step.toVersion(), step.chartDigest(), archive, history.restorableValues(step.id()),
                        ValueTrees.maskedPaths(ValueTrees.fromJson(step.maskedValuesJson())));
            }
        }
        Map<String, Object> values = ValueTrees.fromYaml(helm.values(current.name(), current.namespace(), 0, settings.callTimeout()));
        try {
            ResolvedVersion resolved = catalog.resolve(Optional.empty(), packageName, Optional.of(current.chartVersion()));
            VerifiedArchive fetched = catalog.fetchChartArchive(resolved);
            String digest = archives.put(fetched.path());
            return new BeforeState(true, current.chartVersion(), digest, archives.get(digest), values, ValueTrees.secretPaths(resolved));
        } catch (RuntimeException e) {
            LOG.warn("No archive of {} {} to restore it from: {}", current.name(), current.chartVersion(), e.getMessage());
            return new BeforeState(true, current.chartVersion(), null, null, values, Set.of());
        }
    }

    /**
     * The applied state of a plain-manifest package: the newest successful recorded step when its
     * bundle is of the version the inventory names (offline: bundle from the store, values from the
     * history), else that version's manifests from the catalog with their default values.
     */
    BeforeState beforeManifests(ManifestPackage current, String packageName) {
        Optional<StepRecord> recorded = history.successfulSteps(clusterId, current.namespace(), current.packageName()).stream().findFirst()
                .filter(step -> step.chartDigest() != null && archives.contains(step.chartDigest()));
        if (recorded.isPresent()) {
            StepRecord step = recorded.get();
            Path archive = archives.get(step.chartDigest());
            Optional<ManifestBundle> bundle = ManifestBundle.read(archive);
            if (bundle.isPresent() && Objects.equals(bundle.get().version(), current.version())) {
                return new BeforeState(true, step.toVersion(), step.chartDigest(), archive, history.restorableValues(step.id()),
                        ValueTrees.maskedPaths(ValueTrees.fromJson(step.maskedValuesJson())));
            }
        }
        try {
            ResolvedVersion resolved = catalog.resolve(Optional.empty(), packageName, Optional.of(current.version()));
            ManifestBundle bundle = ManifestBundle.of(resolved, catalog.manifests(resolved));
            String digest = archives.put(new java.io.ByteArrayInputStream(bundle.toBytes()));
            LOG.warn("{} {} was not applied by this console's history; restoring it would use the package defaults",
                    current.packageName(), current.version());
            return new BeforeState(true, current.version(), digest, archives.get(digest), bundle.defaults(), bundle.secretNames());
        } catch (RuntimeException e) {
            LOG.warn("No manifests of {} {} to restore it from: {}", current.packageName(), current.version(), e.getMessage());
            return new BeforeState(true, current.version(), null, null, Map.of(), Set.of());
        }
    }

    private String chartVersionOf(Path archive) {
        return PackageInventory.chartVersionOf(catalog, archive);
    }

    String installedPackageVersion(ReleaseInfo info) {
        return history.successfulSteps(clusterId, info.namespace(), info.name()).stream().findFirst()
                .map(StepRecord::toVersion).orElse(info.chartVersion());
    }
}
