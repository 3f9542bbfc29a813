package org.iepmp.lifecycle.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ManifestDriver;
import org.iepmp.kube.api.ManifestPackage;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.lifecycle.api.ChartArchiveStore;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.InstalledPackage;
import org.iepmp.lifecycle.api.PackageKind;
import org.iepmp.lifecycle.api.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is installed on the connected cluster: Helm releases and plain-manifest inventories, each with the package version this
 * console deployed. A recorded step counts only while the cluster still runs it — after an upgrade that Helm finished but whose
 * operation was interrupted, the newest successful step is the old version, and trusting it would offer "update to" the version
 * that is already running.
 */
public final class PackageInventory {

    private static final Logger LOG = LoggerFactory.getLogger(PackageInventory.class);

    private final Catalog catalog;
    private final HelmDriver helm;
    private final ManifestDriver manifests;
    private final HistoryStore history;
    private final ChartArchiveStore archives;
    private final String clusterId;
    private final EngineSettings settings;

    /** {@code manifests} may be null (no plain-manifest packages then). */
    public PackageInventory(Catalog catalog, HelmDriver helm, ManifestDriver manifests, HistoryStore history, ChartArchiveStore archives,
            String clusterId, EngineSettings settings) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.helm = Objects.requireNonNull(helm, "helm");
        this.manifests = manifests;
        this.history = Objects.requireNonNull(history, "history");
        this.archives = Objects.requireNonNull(archives, "archives");
        this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    List<InstalledPackage> installedPackages() {
        List<InstalledPackage> found = new ArrayList<>();
        for (ReleaseInfo release : helm.list(settings.callTimeout())) {
            if (release.status() != ReleaseStatus.UNINSTALLED) {
                found.add(helmPackage(release));
            }
        }
        if (manifests != null) {
            try {
                for (ManifestPackage inventory : manifests.list(settings.callTimeout())) {
                    found.add(manifestPackage(inventory));
                }
            } catch (KubeException e) {
                // An account that may not list the inventories still sees its Helm releases; the log says what is missing.
                LOG.warn("Plain-manifest packages could not be listed: {}", e.getMessage());
            }
        }
        found.sort(Comparator.comparing((InstalledPackage p) -> p.releaseName().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(InstalledPackage::namespace));
        return found;
    }

    List<InstalledPackage> installedAs(String releaseName, String namespace) {
        return installedPackages().stream().filter(p -> p.releaseName().equals(releaseName))
                .filter(p -> namespace == null || p.namespace().equals(namespace)).toList();
    }

    Map<String, Object> currentValues(String releaseName, String namespace) {
        Optional<ReleaseInfo> release = helm.status(releaseName, namespace, settings.callTimeout())
                .filter(r -> r.status() != ReleaseStatus.UNINSTALLED);
        if (release.isPresent()) {
            Optional<StepRecord> deployed = deployedStep(release.get());
            return deployed.isPresent() ? history.restorableValues(deployed.get().id())
                    : ValueTrees.fromYaml(helm.values(releaseName, namespace, 0, settings.callTimeout()));
        }
        Optional<ManifestPackage> inventory = manifests == null ? Optional.empty()
                : manifests.installed(releaseName, namespace, settings.callTimeout());
        return inventory.flatMap(this::deployedStep).map(step -> history.restorableValues(step.id())).orElse(Map.of());
    }

    /** The package a release is of: the history's name for it, else its chart's. */
    String packageOf(ReleaseInfo release) {
        return history.successfulSteps(clusterId, release.namespace(), release.name()).stream().findFirst()
                .map(StepRecord::packageName).orElse(release.chartName());
    }

    /** The package version running: the recorded one while the cluster runs that recorded chart, else the chart version. */
    String versionOf(ReleaseInfo release) {
        return deployedStep(release).map(StepRecord::toVersion).orElse(release.chartVersion());
    }

    private InstalledPackage helmPackage(ReleaseInfo release) {
        return new InstalledPackage(PackageKind.HELM_RELEASE, release.name(), release.namespace(), packageOf(release), versionOf(release),
                release.chartName(), release.chartVersion(), release.revision(),
                org.iepmp.lifecycle.api.ReleaseStatus.valueOf(release.status().name()), release.updated());
    }

    private InstalledPackage manifestPackage(ManifestPackage inventory) {
        String pkg = history.successfulSteps(clusterId, inventory.namespace(), inventory.packageName()).stream().findFirst()
                .map(StepRecord::packageName).orElse(inventory.packageName());
        org.iepmp.lifecycle.api.ReleaseStatus status = inventory.complete() ? org.iepmp.lifecycle.api.ReleaseStatus.DEPLOYED
                : org.iepmp.lifecycle.api.ReleaseStatus.PENDING_UPGRADE;
        Optional<java.time.Instant> updated = deployedStep(inventory).map(s -> s.endedAt() != null ? s.endedAt() : s.startedAt());
        return new InstalledPackage(PackageKind.MANIFESTS, inventory.packageName(), inventory.namespace(), pkg, inventory.version(),
                pkg, inventory.version(), 0, status, updated);
    }

    private Optional<StepRecord> deployedStep(ReleaseInfo release) {
        return history.successfulSteps(clusterId, release.namespace(), release.name()).stream()
                .filter(step -> step.chartDigest() != null && archives.contains(step.chartDigest()))
                .filter(step -> Objects.equals(chartVersionOf(archives.get(step.chartDigest())), release.chartVersion()))
                .findFirst();
    }

    private Optional<StepRecord> deployedStep(ManifestPackage inventory) {
        return history.successfulSteps(clusterId, inventory.namespace(), inventory.packageName()).stream()
                .filter(step -> Objects.equals(step.toVersion(), inventory.version()))
                .findFirst();
    }

    private String chartVersionOf(Path archive) {
        return chartVersionOf(catalog, archive);
    }

    /** The version in a chart archive's Chart.yaml; null for a manifest bundle or an unreadable archive. */
    static String chartVersionOf(Catalog catalog, Path archive) {
        if (ManifestBundle.read(archive).isPresent()) {
            return null;
        }
        try {
            Object version = ValueTrees.fromYaml(catalog.chartFiles(archive).chartYaml()).get("version");
            return version == null ? null : String.valueOf(version);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read Chart.yaml of {}: {}", archive.getFileName(), e.getMessage());
            return null;
        }
    }
}
