package org.iepmp.lifecycle.engine;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.ImagePresence;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.NodeFacts;
import org.iepmp.kube.api.NodeResources;
import org.iepmp.kube.api.PermissionCheck;
import org.iepmp.kube.api.PermissionRequest;
import org.iepmp.kube.api.PreflightFacts;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.LockHolder;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.engine.preflight.ManifestFacts;
import org.iepmp.lifecycle.engine.preflight.NodeImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks before an operation, each PASS, WARN or FAIL with a sentence: cluster reachable,
 * nodes Ready, clock skew, CPU/memory for the rendered requests, disk pressure, images present
 * (air-gapped sites), cluster lock free, releases not stuck, dependents of what is removed,
 * and whether a failed step could be undone automatically.
 */
public final class Preflight {

    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);
    private static final long MIB = 1024L * 1024L;
    /** History rows, their WAL and the operation's log: generous, since running out mid-operation is the harm. */
    private static final long HISTORY_ROOM = 32 * MIB;

    /**
     * The lock as found: free, held by someone, or not checkable (with the reason);
     * {@code leaseDenied} names the Lease when the user may not use it, so only the local lock counts.
     */
    record LockState(Optional<LockHolder> heldBy, Optional<String> problem, Optional<String> leaseDenied) {
        static final LockState FREE = new LockState(Optional.empty(), Optional.empty(), Optional.empty());

        static LockState heldBy(LockHolder holder) {
            return new LockState(Optional.of(holder), Optional.empty(), Optional.empty());
        }

        static LockState problem(String reason) {
            return new LockState(Optional.empty(), Optional.of(reason), Optional.empty());
        }

        LockState withLeaseDenied(String lease) {
            return new LockState(heldBy, problem, Optional.of(lease));
        }
    }

    private final ClusterConnection cluster;
    private final HelmDriver helm;
    private final NodeImages nodeImages;
    private final PreflightFacts kubeFacts;
    private final DependentsFinder dependents;
    private final StepPlanner planner;
    private final EngineSettings settings;
    private final LongSupplier dataFolderFreeBytes;

    /** {@code kubeFacts} may be null: then resources are compared with allocatable only and permissions are not asked. */
    public Preflight(ClusterConnection cluster, HelmDriver helm, NodeImages nodeImages, PreflightFacts kubeFacts, DependentsFinder dependents,
            StepPlanner planner, EngineSettings settings, LongSupplier dataFolderFreeBytes) {
        this.dataFolderFreeBytes = dataFolderFreeBytes;
        this.cluster = cluster;
        this.helm = helm;
        this.nodeImages = nodeImages;
        this.kubeFacts = kubeFacts;
        this.dependents = dependents;
        this.planner = planner;
        this.settings = settings;
    }

    List<PreflightResult> check(List<PreparedStep> steps, LockState lock) {
        List<PreflightResult> results = new ArrayList<>();
        ClusterFacts facts;
        try {
            facts = cluster.facts();
            results.add(pass("clusterReachable", "lifecycle.preflight.clusterReachable", facts.serverVersion()));
        } catch (KubeException e) {
            LOG.warn("Preflight: cluster not reachable: {}", e.getMessage());
            results.add(fail("clusterReachable", "lifecycle.preflight.clusterUnreachable", e.code().name()));
            results.add(lockResult(lock));
            return results;
        }
        results.add(nodes(facts));
        results.add(facts.clockSkewTooLarge()
                ? warn("clockSkew", "lifecycle.preflight.clockSkew", facts.clockSkew().orElseThrow().abs().toSeconds())
                : pass("clockSkew", "lifecycle.preflight.clockInSync"));
        results.add(diskPressure(facts));
        results.add(dataFolder(steps));
        ManifestFacts wanted = new ManifestFacts(Set.of(), 0, 0);
        ManifestFacts replaced = new ManifestFacts(Set.of(), 0, 0);
        int nodes = facts.nodes().size();
        for (PreparedStep step : steps) {
            if (step.archive() != null) {
                wanted = wanted.plus(ManifestFacts.of(planner.renderNew(step), nodes));
            }
            if (kubeFacts != null && step.before().archive() != null) {
                replaced = replaced.plus(ManifestFacts.of(planner.renderBefore(step), nodes));
            }
        }
        results.add(kubeFacts == null ? resources(facts, wanted) : freeResources(facts, wanted, replaced));
        results.add(images(wanted));
        if (kubeFacts != null) {
            results.add(permissions(steps));
        }
        results.add(lockResult(lock));
        lock.leaseDenied().ifPresent(lease -> results.add(warn("lease", "lifecycle.preflight.leaseNotPermitted", lease)));
        results.add(stuck(steps));
        for (PreparedStep step : steps) {
            if (step.step().action() == OperationAction.UNINSTALL) {
                List<String> users = dependents.dependentsOf(step.step().packageName(), step.step().releaseName(),
                        step.step().namespace());
                results.add(users.isEmpty()
                        ? pass("dependents", "lifecycle.preflight.noDependents", step.step().packageName())
                        : warn("dependents", "lifecycle.preflight.dependents", step.step().packageName(), String.join(", ", users)));
            } else if (step.step().action() != OperationAction.REPAIR && !step.before().restorable()) {
                results.add(warn("restorable", "lifecycle.preflight.notRestorable", step.step().releaseName(), step.before().version()));
            }
        }
        return results;
    }

    /**
     * Room in the local data folder for what the operation writes before and after it changes the cluster: the chart
     * archives it keeps for rollback and its history rows. Without it a deploy could succeed with no record of it.
     */
    private PreflightResult dataFolder(List<PreparedStep> steps) {
        long needed = HISTORY_ROOM;
        for (PreparedStep step : steps) {
            if (step.archive() != null) {
                try {
                    needed += java.nio.file.Files.size(step.archive());
                } catch (java.io.IOException e) {
                    LOG.debug("Size of {} unknown: {}", step.archive(), e.toString());
                }
            }
        }
        long free = dataFolderFreeBytes.getAsLong();
        return free < needed
                ? fail("dataFolder", "lifecycle.preflight.dataFolderFull", free / MIB, needed / MIB + 1)
                : pass("dataFolder", "lifecycle.preflight.dataFolderSpace", free / MIB);
    }

    private static PreflightResult nodes(ClusterFacts facts) {
        long ready = facts.readyNodes();
        int all = facts.nodes().size();
        if (ready == 0) {
            return fail("nodesReady", "lifecycle.preflight.noNodeReady", all);
        }
        if (ready < all) {
            String notReady = facts.nodes().stream().filter(n -> !n.ready()).map(NodeFacts::name).collect(Collectors.joining(", "));
            return warn("nodesReady", "lifecycle.preflight.nodesNotAllReady", ready, all, notReady);
        }
        return pass("nodesReady", "lifecycle.preflight.nodesReady", ready, all);
    }

    private static PreflightResult diskPressure(ClusterFacts facts) {
        String pressed = facts.nodes().stream().filter(NodeFacts::diskPressure).map(NodeFacts::name).collect(Collectors.joining(", "));
        return pressed.isEmpty() ? pass("diskPressure", "lifecycle.preflight.noDiskPressure")
                : fail("diskPressure", "lifecycle.preflight.diskPressure", pressed);
    }

    /**
     * Compares what the new manifests request with what the Ready nodes can allocate at all. The
     * requests of pods already running are not known here, so this catches what can never fit.
     */
    private static PreflightResult resources(ClusterFacts facts, ManifestFacts wanted) {
        long cpu = facts.nodes().stream().filter(NodeFacts::ready).mapToLong(NodeFacts::cpuAllocatableMillis).sum();
        long memory = facts.nodes().stream().filter(NodeFacts::ready).mapToLong(NodeFacts::memoryAllocatableBytes).sum();
        Object[] params = {wanted.cpuMillis(), wanted.memoryBytes() / MIB, cpu, memory / MIB};
        if (wanted.cpuMillis() > cpu || wanted.memoryBytes() > memory) {
            return fail("resources", "lifecycle.preflight.resourcesExceeded", params);
        }
        return pass("resources", "lifecycle.preflight.resourcesFit", params);
    }

    /**
     * What the nodes still have free (allocatable minus the requests of the pods on them) against
     * what the plan adds: new requests minus those of the versions it replaces.
     */
    private PreflightResult freeResources(ClusterFacts facts, ManifestFacts wanted, ManifestFacts replaced) {
        List<NodeResources> resources;
        try {
            resources = kubeFacts.nodeResources(settings.callTimeout());
        } catch (KubeException e) {
            LOG.warn("Preflight: free resources unknown ({}); comparing with allocatable", e.getMessage());
            return resources(facts, wanted);
        }
        long cpuFree = resources.stream().filter(NodeResources::ready).mapToLong(NodeResources::cpuFreeMillis).sum();
        long memoryFree = resources.stream().filter(NodeResources::ready).mapToLong(NodeResources::memoryFreeBytes).sum();
        long cpuMore = Math.max(0, wanted.cpuMillis() - replaced.cpuMillis());
        long memoryMore = Math.max(0, wanted.memoryBytes() - replaced.memoryBytes());
        Object[] params = {cpuMore, memoryMore / MIB, cpuFree, memoryFree / MIB};
        if (cpuMore > cpuFree || memoryMore > memoryFree) {
            return fail("resources", "lifecycle.preflight.resourcesShort", params);
        }
        return pass("resources", "lifecycle.preflight.resourcesFree", params);
    }

    /** Helm keeps its release records in Secrets of the release namespace: the user must be allowed to manage them. */
    private PreflightResult permissions(List<PreparedStep> steps) {
        Set<String> namespaces = new TreeSet<>();
        steps.forEach(s -> namespaces.add(s.step().namespace()));
        List<PermissionRequest> wanted = new ArrayList<>();
        for (String namespace : namespaces) {
            for (String verb : List.of("create", "update", "delete", "list")) {
                wanted.add(new PermissionRequest(verb, "", "secrets", namespace));
            }
        }
        try {
            for (PermissionCheck check : kubeFacts.permissions(wanted, settings.callTimeout())) {
                if (!check.allowed()) {
                    PermissionRequest r = check.request();
                    return fail("permissions", "lifecycle.preflight.permissionDenied", r.verb(), r.resource(), r.namespace());
                }
            }
        } catch (KubeException e) {
            LOG.warn("Preflight: permissions not checked: {}", e.getMessage());
            return pass("permissions", "lifecycle.preflight.permissionsNotChecked");
        }
        return pass("permissions", "lifecycle.preflight.permissionsGranted", String.join(", ", namespaces));
    }

    private Optional<Set<String>> presentImages(ManifestFacts wanted) {
        if (kubeFacts == null) {
            return nodeImages.presentImages();
        }
        try {
            Set<String> present = new TreeSet<>();
            for (ImagePresence presence : kubeFacts.imagesPresent(wanted.images(), settings.callTimeout())) {
                if (presence.present()) {
                    present.add(presence.image());
                }
            }
            return Optional.of(present);
        } catch (KubeException e) {
            LOG.warn("Preflight: images on the nodes unknown: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private PreflightResult images(ManifestFacts wanted) {
        Optional<Set<String>> present = presentImages(wanted);
        if (present.isEmpty()) {
            return pass("images", "lifecycle.preflight.imagesNotChecked");
        }
        Set<String> missing = new TreeSet<>();
        for (String image : wanted.images()) {
            if (present.get().stream().noneMatch(p -> sameImage(p, image))) {
                missing.add(image);
            }
        }
        if (missing.isEmpty()) {
            return pass("images", "lifecycle.preflight.imagesPresent", wanted.images().size());
        }
        return settings.airGapped()
                ? warn("images", "lifecycle.preflight.imagesMissingAirGapped", String.join(", ", missing))
                : pass("images", "lifecycle.preflight.imagesWillBePulled", String.join(", ", missing));
    }

    /** {@code nginx:1.27} is present as {@code docker.io/library/nginx:1.27} on a node. */
    static boolean sameImage(String present, String wanted) {
        return present.equals(wanted) || present.endsWith("/" + wanted) || present.equals("docker.io/library/" + wanted);
    }

    private static PreflightResult lockResult(LockState lock) {
        if (lock.heldBy().isPresent()) {
            LockHolder holder = lock.heldBy().get();
            return fail("lock", "lifecycle.preflight.lockHeld", holder.user(), holder.host(), Date.from(holder.since()));
        }
        if (lock.problem().isPresent()) {
            return fail("lock", "lifecycle.preflight.lockUnavailable", lock.problem().get());
        }
        return pass("lock", "lifecycle.preflight.lockFree");
    }

    private PreflightResult stuck(List<PreparedStep> steps) {
        for (PreparedStep step : steps) {
            OperationAction action = step.step().action();
            // These are the ways out of a stuck release: a repair, a rollback to a recorded state, or removing it.
            if (action == OperationAction.REPAIR || action == OperationAction.ROLLBACK || action == OperationAction.UNINSTALL) {
                continue;
            }
            Optional<ReleaseInfo> info = helm.status(step.step().releaseName(), step.step().namespace(), settings.callTimeout());
            if (info.isPresent() && info.get().status().pending()) {
                return fail("releaseStuck", "lifecycle.preflight.releaseStuck", step.step().releaseName(), info.get().status().name());
            }
        }
        return pass("releaseStuck", "lifecycle.preflight.releasesNotStuck");
    }

    private static PreflightResult pass(String id, String key, Object... params) {
        return new PreflightResult(id, PreflightStatus.PASS, key, List.of(params));
    }

    private static PreflightResult warn(String id, String key, Object... params) {
        return new PreflightResult(id, PreflightStatus.WARN, key, List.of(params));
    }

    private static PreflightResult fail(String id, String key, Object... params) {
        return new PreflightResult(id, PreflightStatus.FAIL, key, List.of(params));
    }
}
