package org.iepmp.lifecycle.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
import org.iepmp.kube.api.ObjectRef;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.kube.api.TemplateRequest;
import org.iepmp.lifecycle.api.ChangeKind;
import org.iepmp.lifecycle.api.ChartArchiveStore;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.ManifestDiff;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.ResourceChange;
import org.iepmp.lifecycle.api.ResourceRef;
import org.iepmp.lifecycle.api.SettingMapping;
import org.iepmp.lifecycle.api.SettingValue;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.api.ValuesDiff;
import org.iepmp.lifecycle.diff.ManifestDiffer;
import org.iepmp.lifecycle.settings.DefaultsPolicy;
import org.iepmp.lifecycle.settings.DefinitionPatcher;
import org.iepmp.lifecycle.settings.PackageSettings;
import org.iepmp.lifecycle.settings.ResolvedSetting;
import org.iepmp.lifecycle.values.SecretMasker;
import org.iepmp.lifecycle.values.ValuesDiffer;
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
    private final ValuesDiffer valuesDiffer;
    private final ManifestDiffer manifestDiffer;
    private final String clusterId;
    private final EngineSettings settings;
    private final PackageSettings packageSettings;

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
        this.valuesDiffer = new ValuesDiffer(masker);
        this.manifestDiffer = new ManifestDiffer(masker);
        this.clusterId = clusterId;
        this.settings = settings;
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
                valuesDiff = valuesDiff(draft);
                manifestDiff = manifestDiff(draft);
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

    private String render(Path archive, String release, String namespace, Map<String, Object> values) {
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
            version = find(installed, request.releaseName(), request.namespace()).map(this::installedPackageVersion)
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
            Optional<ReleaseInfo> current = find(installed, release, namespace);
            if (!requested && current.isPresent() && current.get().status() == ReleaseStatus.DEPLOYED
                    && satisfiesAll(current.get().chartVersion(), ranges.getOrDefault(resolved.name(), List.of()))) {
                LOG.info("Dependency {} {} already satisfied by {}", resolved.name(), resolved.version(), current.get().chartVersion());
                continue;
            }
            VerifiedArchive fetched = catalog.fetchChartArchive(resolved);
            String digest = archives.put(fetched.path());
            if (!digest.equalsIgnoreCase("sha256:" + fetched.sha256())) {
                throw new LifecycleException(LifecycleErrorCode.ARCHIVE_CORRUPT, "archive changed while it was stored",
                        "sha256:" + fetched.sha256(), digest);
            }
            BeforeState before = current.map(info -> before(info, resolved.name())).orElse(BeforeState.ABSENT);
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
            drafts.add(new Draft(action, resolved.name(), release, namespace, resolved.version(), digest, archives.get(digest), values,
                    secretPaths, resolved.repository(), before, new Applied(patched.mappings(), patched.secretTexts())));
        }
        return drafts;
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
        BeforeState before = current.map(p -> beforeManifests(p, resolved.name())).orElse(BeforeState.ABSENT);
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
            before = installedManifests(request.releaseName(), request.namespace()).map(p -> beforeManifests(p, request.packageName()))
                    .orElse(BeforeState.ABSENT);
        } else {
            Optional<ReleaseInfo> current = helm.status(request.releaseName(), request.namespace(), settings.callTimeout());
            before = current.filter(info -> info.status() != ReleaseStatus.UNINSTALLED)
                    .map(info -> before(info, request.packageName())).orElse(BeforeState.ABSENT);
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
            before = before(current.get(), request.packageName());
        } else {
            before = installedManifests(request.releaseName(), request.namespace()).map(p -> beforeManifests(p, request.packageName()))
                    .orElseThrow(() -> notInstalled(request));
        }
        return List.of(new Draft(OperationAction.UNINSTALL, request.packageName(), request.releaseName(), request.namespace(), null,
                null, null, Map.of(), Set.of(), null, before, Applied.NONE));
    }

    private static LifecycleException notInstalled(OperationRequest request) {
        return new LifecycleException(LifecycleErrorCode.RELEASE_NOT_INSTALLED,
                request.releaseName() + " is not installed in " + request.namespace(), request.releaseName(), request.namespace());
    }

    // ----- the state before a step

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

    private String installedPackageVersion(ReleaseInfo info) {
        return history.successfulSteps(clusterId, info.namespace(), info.name()).stream().findFirst()
                .map(StepRecord::toVersion).orElse(info.chartVersion());
    }

    private static Optional<ReleaseInfo> find(List<ReleaseInfo> installed, String release, String namespace) {
        return installed.stream()
                .filter(r -> r.name().equals(release) && r.namespace().equals(namespace))
                .filter(r -> r.status() != ReleaseStatus.UNINSTALLED)
                .findFirst();
    }

    // ----- diffs

    private ValuesDiff valuesDiff(Draft draft) {
        Map<String, Object> before = draft.before.installed() ? effective(draft.before.archive(), draft.before.values()) : Map.of();
        Map<String, Object> after = draft.archive == null ? Map.of() : effective(draft.archive, draft.values);
        Set<String> secretPaths = new LinkedHashSet<>(draft.secretPaths);
        secretPaths.addAll(draft.before.secretPaths());
        return valuesDiffer.diff(before, after, secretPaths);
    }

    /** The chart's defaults with the applied values over them: what the templates see. */
    private Map<String, Object> effective(Path archive, Map<String, Object> values) {
        if (archive == null) {
            return values;
        }
        Optional<ManifestBundle> bundle = ManifestBundle.read(archive);
        if (bundle.isPresent()) {
            return ValueTrees.merge(bundle.get().defaults(), values);
        }
        return ValueTrees.merge(ValueTrees.fromYaml(catalog.chartFiles(archive).valuesYaml()), values);
    }

    private ManifestDiff manifestDiff(Draft draft) {
        String before = draft.before.archive() == null ? ""
                : render(draft.before.archive(), draft.release, draft.namespace, draft.before.values());
        String after = draft.archive == null ? "" : render(draft.archive, draft.release, draft.namespace, draft.values);
        Set<String> secretPaths = new LinkedHashSet<>(draft.secretPaths);
        secretPaths.addAll(draft.before.secretPaths());
        Collection<String> secrets = new ArrayList<>(ValueTrees.secretValues(masker, draft.values, secretPaths));
        secrets.addAll(draft.applied.secretTexts());
        secrets.addAll(ValueTrees.secretValues(masker, draft.before.values(), secretPaths));
        ManifestDiff diff = manifestDiffer.diff(before, after, secrets);
        boolean manifestKind = ManifestBundle.read(draft.archive).isPresent() || ManifestBundle.read(draft.before.archive()).isPresent()
                || draft.action == OperationAction.UNINSTALL && draft.before.archive() == null;
        return manifestKind ? withInventory(diff, draft) : diff;
    }

    /**
     * What the inventory on the cluster says is applied but neither side of the diff shows (an
     * interrupted apply, a version whose manifests are not known here) is pruned too: REMOVED.
     */
    private ManifestDiff withInventory(ManifestDiff diff, Draft draft) {
        List<ObjectRef> inventory = installedManifests(draft.release, draft.namespace).map(ManifestPackage::objects).orElse(List.of());
        List<ResourceChange> changes = new ArrayList<>(diff.resources());
        List<ResourceRef> planned = draft.archive == null ? List.of() : renderedRefs(draft);
        for (ObjectRef object : inventory) {
            boolean known = changes.stream().anyMatch(c -> same(c.resource(), object, draft.namespace));
            boolean kept = planned.stream().anyMatch(r -> same(r, object, draft.namespace));
            if (!known && !kept) {
                changes.add(new ResourceChange(new ResourceRef(object.apiVersion(), object.kind(),
                        object.namespace().isEmpty() ? null : object.namespace(), object.name()), ChangeKind.REMOVED));
            }
        }
        return new ManifestDiff(diff.unifiedDiff(), changes);
    }

    private List<ResourceRef> renderedRefs(Draft draft) {
        return manifestDiffer.diff("", render(draft.archive, draft.release, draft.namespace, draft.values), List.of()).resources().stream()
                .map(ResourceChange::resource).toList();
    }

    private static boolean same(ResourceRef ref, ObjectRef object, String defaultNamespace) {
        String namespace = ref.namespace() == null ? defaultNamespace : ref.namespace();
        return ref.kind().equals(object.kind()) && ref.name().equals(object.name())
                && (object.namespace().isEmpty() || object.namespace().equals(namespace));
    }

    private record Draft(OperationAction action, String packageName, String release, String namespace, String toVersion,
            String digest, Path archive, Map<String, Object> values, Set<String> secretPaths, String repository, BeforeState before,
            Applied applied) {
    }

    /** Where the package's value definitions landed (for the plan) and the texts they made secret (masked in diffs). */
    private record Applied(List<SettingMapping> mappings, Set<String> secretTexts) {
        static final Applied NONE = new Applied(List.of(), Set.of());
    }

}
