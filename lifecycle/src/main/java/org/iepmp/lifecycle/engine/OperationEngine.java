package org.iepmp.lifecycle.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.UpgradeCandidates;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.ClusterLifecycle;
import org.iepmp.lifecycle.api.ClusterLock;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.ClusterLockHeldException;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.InstalledPackage;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.LockHolder;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.ProgressListener;
import org.iepmp.lifecycle.api.ReconciledOperation;
import org.iepmp.lifecycle.api.RecordedValues;
import org.iepmp.lifecycle.api.ReleaseStateProbe;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.api.StuckRelease;
import org.iepmp.lifecycle.api.UpdateInfo;
import org.iepmp.lifecycle.lock.LockRenewer;
import org.iepmp.lifecycle.recovery.InterruptedOperationReconciler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where "install / upgrade / roll back / uninstall / repair this" happens, for one
 * connected cluster. The GUI, the wizard and the CLI call, off the UI thread:
 * <ol>
 * <li>{@link #plan(OperationRequest)}: a {@link Plan} to show (steps dependencies first, versions,
 * values and manifest diffs); changes nothing on the cluster;</li>
 * <li>{@link #preflight(Plan)}: the checks to show; FAIL blocks, WARN needs the user's yes (either
 * {@link OperationRequest#acceptWarnings()} or the accepted results passed to {@link #apply});</li>
 * <li>{@link #apply(Plan, List, ProgressListener, CancellationSignal)}: takes the cluster lock, checks
 * again, applies, verifies, records, and rolls back automatically on failure.</li>
 * </ol>
 * A rollback to an earlier revision is a plan of a {@code ROLLBACK} request naming a step of
 * {@link #rollbackTargets(String, String)}; it needs no network. At start-up call
 * {@link #recoverInterrupted()} once.
 */
public final class OperationEngine implements ClusterLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OperationEngine.class);
    private final Catalog catalog;
    private final ClusterAccess cluster;
    private final LocalStores stores;
    private final Clock clock;
    private final EngineSettings settings;
    private final StepPlanner planner;
    private final Preflight preflight;
    private final DependentsFinder dependents;
    private final ReleaseVerifier verifier;
    private final ClusterLock lock;
    private final InterruptedOperationReconciler reconciler;
    private final ReleaseStateProbe probe;
    private final PackageInventory inventory;

    /** {@code parts} are built for this cluster and these stores by the lifecycle's factory. */
    public OperationEngine(Catalog catalog, ClusterAccess cluster, LocalStores stores, Clock clock, EngineSettings settings,
            EngineParts parts) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.planner = parts.planner();
        this.dependents = parts.dependents();
        this.preflight = parts.preflight();
        this.verifier = parts.verifier();
        this.lock = parts.lock();
        this.reconciler = parts.reconciler();
        this.probe = parts.probe();
        this.inventory = parts.inventory();
    }

    /**
     * Who holds this cluster's lock now: a console on this computer (local lock) or anywhere (the
     * Lease), with since when; empty when free. For the Cluster view and {@code doctor}. Throws
     * {@link LifecycleException} LOCK_UNAVAILABLE when the Lease cannot be read; where the user may
     * not use the Lease at all, only the local lock is reported.
     */
    @Override
    public Optional<LockHolder> lockHolder() {
        try {
            return lock.holder(cluster.clusterId());
        } catch (LifecycleException e) {
            if (e.code() != LifecycleErrorCode.LEASE_NOT_PERMITTED || lock == stores.lock()) {
                throw e;
            }
            return stores.lock().holder(cluster.clusterId());
        }
    }

    private Preflight.LockState lockHolder(ClusterLock which) {
        try {
            return which.holder(cluster.clusterId()).map(Preflight.LockState::heldBy).orElse(Preflight.LockState.FREE);
        } catch (LifecycleException e) {
            if (e.code() == LifecycleErrorCode.LEASE_NOT_PERMITTED) {
                throw e;
            }
            return Preflight.LockState.problem(e.getMessage());
        }
    }

    /** What the request would do, step by step, with diffs. Reads the catalog and the cluster; changes neither. */
    @Override
    public Plan plan(OperationRequest request) {
        List<PlanStep> steps = planner.prepare(request, true).stream().map(PreparedStep::step).toList();
        return new Plan(request, steps, clock.instant());
    }

    /** The preflight checks of a plan, now (the lock is read, not taken: preflight writes nothing to the cluster). */
    @Override
    public List<PreflightResult> preflight(Plan plan) {
        Preflight.LockState state;
        try {
            state = lockHolder(lock);
        } catch (LifecycleException e) {
            if (e.code() != LifecycleErrorCode.LEASE_NOT_PERMITTED || lock == stores.lock()) {
                throw e;
            }
            state = lockHolder(stores.lock()).withLeaseDenied(String.valueOf(e.params().get(0)));
        }
        return preflight.check(planner.prepare(plan.request(), false), state);
    }

    /**
     * Runs a plan. Returns how it ended (also when preflight blocked it: outcome FAILED with code
     * PREFLIGHT_FAILED or PREFLIGHT_WARNINGS, nothing changed). A WARN of the repeated preflight
     * passes when the request accepts warnings or {@code acceptedWarnings} holds the same check
     * with the same sentence. Throws {@link LifecycleException} PLAN_OUTDATED when the catalog or
     * the cluster changed since the plan was made.
     */
    @Override
    public OperationResult apply(Plan plan, List<PreflightResult> acceptedWarnings, ProgressListener listener,
            CancellationSignal cancellation) {
        OperationRequest request = plan.request();
        ClusterLockHandle held = null;
        Preflight.LockState lockState = Preflight.LockState.FREE;
        try {
            held = lock.acquire(cluster.clusterId(), settings.lockTtl());
        } catch (ClusterLockHeldException e) {
            lockState = Preflight.LockState.heldBy(e.holder());
        } catch (LifecycleException e) {
            lockState = Preflight.LockState.problem(e.getMessage());
            if (e.code() == LifecycleErrorCode.LEASE_NOT_PERMITTED && lock != stores.lock()) {
                // Only the local lock then: preflight warns, and the user decides.
                String lease = String.valueOf(e.params().get(0));
                try {
                    held = stores.lock().acquire(cluster.clusterId(), settings.lockTtl());
                    lockState = Preflight.LockState.FREE.withLeaseDenied(lease);
                } catch (ClusterLockHeldException local) {
                    lockState = Preflight.LockState.heldBy(local.holder()).withLeaseDenied(lease);
                } catch (LifecycleException local) {
                    lockState = Preflight.LockState.problem(local.getMessage()).withLeaseDenied(lease);
                }
            }
        }
        try {
            List<PreparedStep> steps = planner.prepare(request, false);
            requireSame(plan, steps);
            List<PreflightResult> checks = preflight.check(steps, lockState);
            long operationId = stores.history().beginOperation(operation(plan, steps, checks));
            for (PreflightResult check : checks) {
                emit(listener, new ProgressEvent.PreflightChecked(operationId, clock.instant(), check));
            }
            long failures = checks.stream().filter(c -> c.status() == PreflightStatus.FAIL).count();
            long warnings = checks.stream().filter(c -> c.status() == PreflightStatus.WARN)
                    .filter(c -> acceptedWarnings.stream().noneMatch(a -> a.checkId().equals(c.checkId())
                            && a.messageKey().equals(c.messageKey())))
                    .count();
            if (failures > 0 || held == null) {
                return blocked(operationId, listener, LifecycleErrorCode.PREFLIGHT_FAILED, "lifecycle.result.preflightBlocked",
                        Math.max(1, failures));
            }
            if (warnings > 0 && !request.acceptWarnings()) {
                return blocked(operationId, listener, LifecycleErrorCode.PREFLIGHT_WARNINGS, "lifecycle.result.warningsNotAccepted",
                        warnings);
            }
            try (LockRenewer renewer = LockRenewer.start(held, settings.lockTtl().dividedBy(3))) {
                return new OperationRun(cluster.helm(), cluster.manifests(), cluster.pendingClearer(), verifier, stores.history(),
                        stores.archives(), clock, settings, renewer, operationId, listener, cancellation).run(steps);
            }
        } finally {
            if (held != null) {
                held.release();
            }
        }
    }

    /** Succeeded install/upgrade/rollback/configure/repair steps of a release, newest first: what one can roll back to. */
    @Override
    public List<StepRecord> rollbackTargets(String releaseName, String namespace) {
        return stores.history().successfulSteps(cluster.clusterId(), namespace, releaseName);
    }

    /** Installed releases that need this release of {@code packageName} (by their installed version's dependencies). */
    @Override
    public List<String> dependentsOf(String packageName, String releaseName, String namespace) {
        return dependents.dependentsOf(packageName, releaseName, namespace);
    }

    /** Releases left in pending-install/upgrade/rollback or uninstalling, and manifest packages whose apply did not finish: offer a REPAIR. */
    @Override
    public List<StuckRelease> stuckReleases() {
        return inventory.installedPackages().stream().filter(InstalledPackage::stuck)
                .map(p -> new StuckRelease(p.releaseName(), p.namespace(), p.revision(), p.status())).toList();
    }

    /** Every installed release and plain-manifest package compared with the catalog (call after a catalog refresh). */
    @Override
    public List<UpdateInfo> checkUpdates() {
        return inventory.installedPackages().stream()
                .map(p -> updateOf(p.packageName(), p.releaseName(), p.namespace(), p.version())).toList();
    }

    @Override
    public List<InstalledPackage> installedPackages() {
        return inventory.installedPackages();
    }

    @Override
    public List<InstalledPackage> installedAs(String releaseName, String namespace) {
        return inventory.installedAs(releaseName, namespace);
    }

    @Override
    public Map<String, Object> currentValues(String releaseName, String namespace) {
        return inventory.currentValues(releaseName, namespace);
    }

    /**
     * Compares with the repository that offers the installed version (the first such in configured order), else with
     * the first that has the package: when a Glasskube repository and its chart repository both list a name, package
     * {@code v1.0.0+1} is compared with {@code v1.2.0+1}, not with the bare chart's {@code 1.2.0}.
     */
    private UpdateInfo updateOf(String pkg, String releaseName, String namespace, String installed) {
        List<org.iepmp.catalog.api.CatalogPackage> rows = catalog.packages().stream().filter(p -> p.name().equals(pkg)).toList();
        Optional<String> repository = rows.stream().filter(p -> p.versions().contains(installed)).findFirst()
                .or(() -> rows.stream().findFirst()).map(p -> p.repository());
        UpgradeCandidates candidates = new UpgradeCandidates(Optional.empty(), Optional.empty());
        if (repository.isPresent()) {
            try {
                candidates = catalog.upgradeCandidates(repository, pkg, installed);
            } catch (RuntimeException e) {
                LOG.warn("No update check for {} {}: {}", pkg, installed, e.getMessage());
            }
        }
        return new UpdateInfo(pkg, releaseName, namespace, installed, repository, candidates.latest(), candidates.latestSameMajor());
    }

    /**
     * At start-up: marks operations left running by a crash as interrupted, and checks each against
     * the cluster (what actually happened, whether a repair should be offered).
     */
    @Override
    public List<ReconciledOperation> recoverInterrupted() {
        int marked = stores.history().markInterrupted(clock.instant());
        if (marked > 0) {
            LOG.warn("{} operation(s) were interrupted by the end of an earlier process", marked);
        }
        return reconciler.reconcile(probe);
    }

    // ----- helpers

    private static void requireSame(Plan plan, List<PreparedStep> steps) {
        boolean same = plan.steps().size() == steps.size();
        for (int i = 0; same && i < steps.size(); i++) {
            PlanStep a = plan.steps().get(i);
            PlanStep b = steps.get(i).step();
            same = a.action() == b.action() && a.releaseName().equals(b.releaseName()) && a.namespace().equals(b.namespace())
                    && Objects.equals(a.toVersion(), b.toVersion()) && Objects.equals(a.chartDigest(), b.chartDigest());
        }
        if (!same) {
            throw new LifecycleException(LifecycleErrorCode.PLAN_OUTDATED, "the plan no longer matches catalog and cluster",
                    plan.request().packageName());
        }
    }

    private NewOperation operation(Plan plan, List<PreparedStep> steps, List<PreflightResult> checks) {
        OperationRequest request = plan.request();
        PreparedStep main = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        return new NewOperation(cluster.clusterId(), request.actor(), request.reason(), clock.instant(), request.action(),
                request.packageName(), request.releaseName(), request.namespace(), main == null ? null : main.sourceRepository(),
                main == null ? null : main.step().fromVersion(), main == null ? null : main.step().toVersion(),
                main == null ? null : main.step().chartDigest(),
                main == null ? RecordedValues.EMPTY : new RecordedValues(main.values(), main.secretPaths()), plan.summary(), checks);
    }

    private OperationResult blocked(long operationId, ProgressListener listener, LifecycleErrorCode code, String key, long count) {
        stores.history().finishOperation(operationId, new Completion(OperationOutcome.FAILED, clock.instant(), code.name(),
                "preflight blocked the operation (" + count + ")", null));
        OperationResult result = new OperationResult(operationId, OperationOutcome.FAILED, List.of(), List.of(), code.name(), key,
                List.of(count));
        emit(listener, new ProgressEvent.OperationFinished(operationId, clock.instant(), result));
        return result;
    }

    private static void emit(ProgressListener listener, ProgressEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A progress listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }
}
