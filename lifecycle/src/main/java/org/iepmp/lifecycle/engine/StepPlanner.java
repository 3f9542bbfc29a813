package org.iepmp.lifecycle.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.Dependency;
import org.iepmp.catalog.api.InstallPlan;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.kube.api.ClusterValues;
import org.iepmp.kube.api.GoTemplates;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.ManifestDriver;
import org.iepmp.kube.api.ManifestPackage;
import org.iepmp.kube.api.ManifestRequest;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.kube.api.TemplateRequest;
import org.iepmp.lifecycle.api.ChartArchiveStore;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.ManifestDiff;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.SettingMapping;
import org.iepmp.lifecycle.api.SettingValue;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.api.ValuesDiff;
import org.iepmp.lifecycle.settings.DefaultsPolicy;
import org.iepmp.lifecycle.settings.DefinitionPatcher;
import org.iepmp.lifecycle.settings.PackageSettings;
import org.iepmp.lifecycle.settings.ResolvedSetting;
import org.iepmp.lifecycle.values.SecretMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request into prepared steps: which releases change, how, from which archive with which
 * values, and (for a plan shown to the user) the values and rendered-manifest diffs. Changes
 * nothing on the cluster; archives fetched from the catalog are kept in the local store.
 */
public final class StepPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(StepPlanner.class);

    private final Catalog catalog;
    private final HelmDriver helm;
    private final ManifestDriver manifests;
    private final HistoryStore history;
    private final ChartArchiveStore archives;
    private final SecretMasker masker;
    private final String clusterId;
    private final EngineSettings settings;
    private final PackageSettings packageSettings;
    private final BeforeStates beforeStates;
    private final StepDiffs diffs;

    /**
     * {@code manifests} may be null: plain-manifest packages are then refused. {@code values} may be
     * null: value references (ConfigMap, Secret, package) then cannot be read.
     */
    public StepPlanner(Catalog catalog, HelmDriver helm, ManifestDriver manifests, HistoryStore history, ChartArchiveStore archives,
            SecretMasker masker, String clusterId, EngineSettings settings, ClusterValues values) {
        this.catalog = catalog;
        this.helm = helm;
        this.manifests = manifests;
        this.history = history;
        this.archives = archives;
        this.masker = masker;
        this.clusterId = clusterId;
        this.settings = settings;
        this.diffs = new StepDiffs(catalog, masker, this);
        this.beforeStates = new BeforeStates(catalog, helm, history, archives, clusterId, settings);
        this.packageSettings = new PackageSettings(helm, values, settings.callTimeout());
    }

    List<PreparedStep> prepare(OperationRequest request, boolean withDiffs) {
        List<Draft> drafts = switch (request.action()) {
            case INSTALL, UPGRADE, CONFIGURE -> towardsVersion(request);
            case ROLLBACK -> rollback(request);
            case UNINSTALL -> uninstall(request);
            case REPAIR -> repair(request);
            case AUDIT -> throw new IllegalArgumentException("An audit changes nothing and has no plan");
        };
        List<PreparedStep> steps = new ArrayList<>();
        int sequence = 1;
        for (Draft draft : drafts) {
            ValuesDiff valuesDiff = ValuesDiff.NONE;
            ManifestDiff manifestDiff = ManifestDiff.NONE;
            if (withDiffs) {
                valuesDiff = diffs.valuesDiff(draft);
                manifestDiff = diffs.manifestDiff(draft);
            }
            PlanStep step = new PlanStep(sequence++, draft.action, draft.packageName, draft.release, draft.namespace,
                    draft.before.installed() ? draft.before.version() : null, draft.toVersion, draft.digest, valuesDiff,
                    manifestDiff, draft.applied.mappings());
            steps.add(new PreparedStep(step, draft.repository, draft.archive, draft.values, draft.secretPaths, draft.before));
        }
        return steps;
    }

    /** Renders what a step would install ("" for an uninstall). */
    String renderNew(PreparedStep step) {
        return step.archive() == null ? "" : render(step.archive(), step.step().releaseName(), step.step().namespace(), step.values());
    }

    /** Renders what a step replaces ("" for an install, or when the installed archive is not known). */
    String renderBefore(PreparedStep step) {
        BeforeState before = step.before();
        return before.archive() == null ? "" : render(before.archive(), step.step().releaseName(), step.step().namespace(), before.values());
    }

    String render(Path archive, String release, String namespace, Map<String, Object> values) {
        Optional<ManifestBundle> bundle = ManifestBundle.read(archive);
        if (bundle.isPresent()) {
            return manifests(bundle.get().packageName(), bundle.get().version()).render(manifestRequest(bundle.get(), release, namespace,
                    values, settings.callTimeout(), helm));
        }
        return helm.template(new TemplateRequest(archive, release, namespace, HelmValues.tree(values), "", settings.callTimeout()));
    }

    /**
     * What the manifest driver applies for a bundle: the manifests with the recorded values of the
     * package's definitions patched in (templates run by {@code templates}); the inventory is named after the release.
     */
    static ManifestRequest manifestRequest(ManifestBundle bundle, String release, String namespace, Map<String, Object> values,
            Duration timeout, GoTemplates templates) {
        List<String> patched = new PackageSettings(templates, null, timeout).manifests(bundle.packageName(), bundle.definitions(), values,
                bundle.manifests(), namespace).texts();
        return new ManifestRequest(release, bundle.version(), namespace, patched, List.of(), timeout);
    }

    private ManifestDriver manifests(String packageName, String version) {
        if (manifests == null) {
            throw new LifecycleException(LifecycleErrorCode.MANIFESTS_NOT_SUPPORTED, "no manifest driver for " + packageName,
                    packageName, version);
        }
        return manifests;
    }

    /** The release as a plain-manifest package, if this console's inventory of it is on the cluster. */
    Optional<ManifestPackage> installedManifests(String release, String namespace) {
        return manifests == null ? Optional.empty() : manifests.installed(release, namespace, settings.callTimeout());
    }

    // ----- install / upgrade / configure

    private List<Draft> towardsVersion(OperationRequest request) {
        List<ReleaseInfo> installed = helm.list(settings.callTimeout());
        Optional<String> version = Optional.ofNullable(request.version());
        if (version.isEmpty()) {
            // Configure: same version as installed, new values.
            version = find(installed, request.releaseName(), request.namespace()).map(beforeStates::installedPackageVersion)
                    .or(() -> installedManifests(request.releaseName(), request.namespace()).map(p -> p.version()));
        }
        InstallPlan plan = catalog.plan(Optional.ofNullable(request.repository()), request.packageName(), version);
        Map<String, List<String>> ranges = new LinkedHashMap<>();
        for (InstallPlan.Step step : plan.steps()) {
            for (Dependency dependency : step.version().dependencies()) {
                ranges.computeIfAbsent(dependency.name(), n -> new ArrayList<>()).add(dependency.versionRange());
            }
        }
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            ResolvedVersion resolved = plan.steps().get(i).version();
            boolean requested = i == plan.steps().size() - 1;
            String release = requested ? request.releaseName() : resolved.name();
            String namespace = requested || resolved.defaultNamespace() == null ? request.namespace() : resolved.defaultNamespace();
            if (resolved.chart() != null && !resolved.manifestUrls().isEmpty()) {
                throw new LifecycleException(LifecycleErrorCode.MIXED_CONTENT, resolved.name() + " " + resolved.version()
                        + " has a Helm chart and manifests", resolved.name(), resolved.version());
            }
            if (resolved.chart() == null) {
                if (resolved.manifestUrls().isEmpty()) {
                    throw new LifecycleException(LifecycleErrorCode.NO_CHART, resolved.name() + " " + resolved.version()
                            + " has neither a Helm chart nor manifests", resolved.name(), resolved.version());
                }
                Optional<Draft> draft = towardsManifests(request, resolved, requested, release, namespace, ranges);
                draft.ifPresent(drafts::add);
                continue;
            }
            towardsChart(request, resolved, requested, release, namespace, ranges, installed).ifPresent(drafts::add);
        }
        return drafts;
    }

    /** A Helm chart version: its archive kept in the store, its settings applied. Empty when it is a dependency already satisfied. */
    private Optional<Draft> towardsChart(OperationRequest request, ResolvedVersion resolved, boolean requested, String release,
            String namespace, Map<String, List<String>> ranges, List<ReleaseInfo> installed) {
        Optional<ReleaseInfo> current = find(installed, release, namespace);
        if (!requested && current.isPresent() && current.get().status() == ReleaseStatus.DEPLOYED
                && satisfiesAll(current.get().chartVersion(), ranges.getOrDefault(resolved.name(), List.of()))) {
            LOG.info("Dependency {} {} already satisfied by {}", resolved.name(), resolved.version(), current.get().chartVersion());
            return Optional.empty();
        }
        VerifiedArchive fetched = catalog.fetchChartArchive(resolved);
        String digest = archives.put(fetched.path());
        if (!digest.equalsIgnoreCase("sha256:" + fetched.sha256())) {
            throw new LifecycleException(LifecycleErrorCode.ARCHIVE_CORRUPT, "archive changed while it was stored",
                    "sha256:" + fetched.sha256(), digest);
        }
        BeforeState before = current.map(info -> beforeStates.before(info, resolved.name())).orElse(BeforeState.ABSENT);
        Map<String, ResolvedSetting> chosen = packageSettings.resolve(resolved, requested ? request.settings() : Map.of(),
                DefaultsPolicy.of(catalog, resolved, before.installed(), before.version()));
        DefinitionPatcher.Patched patched = packageSettings.chart(resolved, chosen,
                ValueTrees.merge(resolved.chart().values(), requested ? request.values() : Map.of()), namespace);
        Map<String, Object> values = patched.chartValues();
        Set<String> secretPaths = new LinkedHashSet<>(ValueTrees.secretPaths(resolved));
        secretPaths.addAll(patched.secretChartPaths());
        OperationAction action;
        if (current.isEmpty()) {
            action = OperationAction.INSTALL;
        } else if (Objects.equals(current.get().chartVersion(), resolved.chart().chartVersion())
                && Objects.equals(before.digest(), digest)) {
            action = OperationAction.CONFIGURE;
        } else {
            action = OperationAction.UPGRADE;
        }
        return Optional.of(new Draft(action, resolved.name(), release, namespace, resolved.version(), digest, archives.get(digest), values,
                secretPaths, resolved.repository(), before, new Applied(patched.mappings(), patched.secretTexts())));
    }

    /**
     * A plain-manifest package version: its manifests and value targets kept as a bundle in the
     * archive store; the state before is what the inventory on the cluster says is applied.
     * Empty when it is a dependency already satisfied.
     */
    private Optional<Draft> towardsManifests(OperationRequest request, ResolvedVersion resolved, boolean requested, String release,
            String namespace, Map<String, List<String>> ranges) {
        manifests(resolved.name(), resolved.version());
        Optional<ManifestPackage> current = installedManifests(release, namespace);
        if (!requested && current.isPresent() && current.get().complete()
                && satisfiesAll(current.get().version(), ranges.getOrDefault(resolved.name(), List.of()))) {
            LOG.info("Dependency {} {} already satisfied by {}", resolved.name(), resolved.version(), current.get().version());
            return Optional.empty();
        }
        ManifestBundle bundle = ManifestBundle.of(resolved, catalog.manifests(resolved));
        String digest = archives.put(new java.io.ByteArrayInputStream(bundle.toBytes()));
        BeforeState before = current.map(p -> beforeStates.beforeManifests(p, resolved.name())).orElse(BeforeState.ABSENT);
        Map<String, SettingValue> given = new LinkedHashMap<>();
        if (requested) {
            // The values of a manifest package are recorded by definition name: kept ones first, the newly given over them.
            request.values().forEach((name, value) -> given.put(name, new SettingValue.Literal(String.valueOf(value))));
            given.putAll(request.settings());
        }
        Map<String, ResolvedSetting> chosen = packageSettings.resolve(resolved, given,
                DefaultsPolicy.of(catalog, resolved, before.installed(), before.version()));
        DefinitionPatcher.Patched patched = packageSettings.manifests(resolved, chosen, bundle.manifests(), namespace);
        Map<String, Object> values = PackageSettings.recordable(chosen);
        OperationAction action;
        if (current.isEmpty()) {
            action = OperationAction.INSTALL;
        } else if (Objects.equals(current.get().version(), resolved.version()) && Objects.equals(before.digest(), digest)) {
            action = OperationAction.CONFIGURE;
        } else {
            action = OperationAction.UPGRADE;
        }
        Set<String> secretNames = new LinkedHashSet<>(bundle.secretNames());
        chosen.values().stream().filter(ResolvedSetting::secret).forEach(v -> secretNames.add(v.name()));
        return Optional.of(new Draft(action, resolved.name(), release, namespace, resolved.version(), digest, archives.get(digest), values,
                secretNames, resolved.repository(), before, new Applied(patched.mappings(), patched.secretTexts())));
    }

    private boolean satisfiesAll(String version, List<String> ranges) {
        try {
            return ranges.stream().allMatch(range -> range.isEmpty() || catalog.satisfies(version, range));
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ----- rollback, uninstall, repair

    private List<Draft> rollback(OperationRequest request) {
        StepRecord target = history.successfulSteps(clusterId, request.namespace(), request.releaseName()).stream()
                .filter(s -> s.id() == request.rollbackToStepId())
                .findFirst()
                .orElseThrow(() -> new LifecycleException(LifecycleErrorCode.ROLLBACK_TARGET_UNKNOWN,
                        "no successful step " + request.rollbackToStepId() + " of " + request.releaseName(),
                        request.rollbackToStepId(), request.releaseName()));
        BeforeState before;
        if (target.chartDigest() != null && ManifestBundle.read(archives.get(target.chartDigest())).isPresent()) {
            before = installedManifests(request.releaseName(), request.namespace()).map(p -> beforeStates.beforeManifests(p, request.packageName()))
                    .orElse(BeforeState.ABSENT);
        } else {
            Optional<ReleaseInfo> current = helm.status(request.releaseName(), request.namespace(), settings.callTimeout());
            before = current.filter(info -> info.status() != ReleaseStatus.UNINSTALLED)
                    .map(info -> beforeStates.before(info, request.packageName())).orElse(BeforeState.ABSENT);
        }
        return List.of(recorded(OperationAction.ROLLBACK, target, before));
    }

    private List<Draft> repair(OperationRequest request) {
        Optional<ReleaseInfo> helmRelease = helm.status(request.releaseName(), request.namespace(), settings.callTimeout());
        if (helmRelease.isEmpty()) {
            return repairManifests(request);
        }
        ReleaseInfo current = helmRelease.get();
        if (!current.status().pending() && current.status() != ReleaseStatus.FAILED) {
            throw new LifecycleException(LifecycleErrorCode.REPAIR_NOT_POSSIBLE, request.releaseName() + " is " + current.status(),
                    request.releaseName(), current.status().name());
        }
        Optional<StepRecord> target = history.successfulSteps(clusterId, request.namespace(), request.releaseName()).stream()
                .filter(s -> s.chartDigest() != null && archives.contains(s.chartDigest()))
                .findFirst();
        BeforeState before = new BeforeState(true, current.chartVersion(), null, null, Map.of(), Set.of());
        if (target.isEmpty() && current.status() == ReleaseStatus.PENDING_INSTALL) {
            // Never deployed: there is nothing to return to, so the repair removes it, as an interrupted install should have.
            return List.of(new Draft(OperationAction.UNINSTALL, request.packageName(), request.releaseName(), request.namespace(), null,
                    null, null, Map.of(), Set.of(), null, before, Applied.NONE));
        }
        return List.of(recorded(OperationAction.REPAIR, target.orElseThrow(() -> new LifecycleException(
                LifecycleErrorCode.REPAIR_NOT_POSSIBLE, "no recorded deployed revision of " + request.releaseName(),
                request.releaseName(), current.status().name())), before));
    }

    /**
     * A plain-manifest package whose last apply was interrupted (its inventory still says
     * "applying": old and new objects mixed) is repaired by applying its last recorded bundle again,
     * which also prunes whatever the interrupted version had added.
     */
    private List<Draft> repairManifests(OperationRequest request) {
        ManifestPackage current = installedManifests(request.releaseName(), request.namespace()).orElseThrow(() -> notInstalled(request));
        if (current.complete()) {
            throw new LifecycleException(LifecycleErrorCode.REPAIR_NOT_POSSIBLE, request.releaseName() + " is applied completely",
                    request.releaseName(), "DEPLOYED");
        }
        StepRecord target = history.successfulSteps(clusterId, request.namespace(), request.releaseName()).stream()
                .filter(s -> s.chartDigest() != null && archives.contains(s.chartDigest()))
                .filter(s -> ManifestBundle.read(archives.get(s.chartDigest())).isPresent())
                .findFirst()
                .orElseThrow(() -> new LifecycleException(LifecycleErrorCode.REPAIR_NOT_POSSIBLE,
                        "no recorded applied version of " + request.releaseName(), request.releaseName(), "PENDING_UPGRADE"));
        return List.of(recorded(OperationAction.REPAIR, target, new BeforeState(true, current.version(), null, null, Map.of(), Set.of())));
    }

    private Draft recorded(OperationAction action, StepRecord target, BeforeState before) {
        Path archive = archives.get(target.chartDigest());
        Map<String, Object> values = history.restorableValues(target.id());
        Set<String> secretPaths = ValueTrees.maskedPaths(ValueTrees.fromJson(target.maskedValuesJson()));
        return new Draft(action, target.packageName(), target.releaseName(), target.namespace(), target.toVersion(),
                target.chartDigest(), archive, values, secretPaths, null, before, Applied.NONE);
    }

    private List<Draft> uninstall(OperationRequest request) {
        Optional<ReleaseInfo> current = helm.status(request.releaseName(), request.namespace(), settings.callTimeout())
                .filter(info -> info.status() != ReleaseStatus.UNINSTALLED);
        BeforeState before;
        if (current.isPresent()) {
            before = beforeStates.before(current.get(), request.packageName());
        } else {
            before = installedManifests(request.releaseName(), request.namespace()).map(p -> beforeStates.beforeManifests(p, request.packageName()))
                    .orElseThrow(() -> notInstalled(request));
        }
        return List.of(new Draft(OperationAction.UNINSTALL, request.packageName(), request.releaseName(), request.namespace(), null,
                null, null, Map.of(), Set.of(), null, before, Applied.NONE));
    }

    private static LifecycleException notInstalled(OperationRequest request) {
        return new LifecycleException(LifecycleErrorCode.RELEASE_NOT_INSTALLED,
                request.releaseName() + " is not installed in " + request.namespace(), request.releaseName(), request.namespace());
    }

    private static Optional<ReleaseInfo> find(List<ReleaseInfo> installed, String release, String namespace) {
        return installed.stream()
                .filter(r -> r.name().equals(release) && r.namespace().equals(namespace))
                .filter(r -> r.status() != ReleaseStatus.UNINSTALLED)
                .findFirst();
    }

    record Draft(OperationAction action, String packageName, String release, String namespace, String toVersion,
            String digest, Path archive, Map<String, Object> values, Set<String> secretPaths, String repository, BeforeState before,
            Applied applied) {
    }

    /** Where the package's value definitions landed (for the plan) and the texts they made secret (masked in diffs). */
    record Applied(List<SettingMapping> mappings, Set<String> secretTexts) {
        static final Applied NONE = new Applied(List.of(), Set.of());
    }

}
