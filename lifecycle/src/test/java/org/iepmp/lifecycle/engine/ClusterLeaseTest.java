package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.iepmp.kube.api.LeaseRecord;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.ClusterLockHeldException;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.lock.KubeLeaseClient;
import org.iepmp.lifecycle.lock.LeaseClusterLock;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-cluster Lease through the engine, as wired by {@code ClusterAccess.of}: a console on
 * another computer holding it blocks an operation and is named with since when; a stale lease is
 * taken over; the lease is renewed in the background while an operation runs and released after.
 */
class ClusterLeaseTest {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ProcessIdentity VENDOR = new ProcessIdentity("vendor", "support-laptop", 4242, "s1");

    @TempDir
    static Path shared;
    static PracticeSite site;
    static PlantRepository repository;

    @TempDir
    Path dir;
    EngineHarness harness;
    String ns;

    @BeforeAll
    static void startSite() throws Exception {
        site = new PracticeSite(shared.resolve("site"));
        repository = PlantRepository.write(shared.resolve("repo"));
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @BeforeEach
    void openHarness() throws IOException {
        harness = new EngineHarness(dir, site, repository, EngineHarness.SETTINGS);
        ns = "lease" + NAMESPACES.incrementAndGet();
    }

    @AfterEach
    void closeHarness() {
        harness.close();
        site.connection.client().resources(io.fabric8.kubernetes.api.model.coordination.v1.Lease.class).inNamespace("kube-system")
                .withName("iepmp-console").delete();
    }

    /** A console on another computer: its own Lease lock on the same cluster. */
    private static LeaseClusterLock consoleOf(ProcessIdentity who) {
        return consoleOf(who, Duration.ofSeconds(15));
    }

    private static LeaseClusterLock consoleOf(ProcessIdentity who, Duration skewAllowance) {
        return new LeaseClusterLock(id -> new KubeLeaseClient(site.drivers.lease(), TIMEOUT), who, Clock.systemUTC(), skewAllowance);
    }

    private Plan plan(String pkg) {
        return harness.engine.plan(EngineHarness.request(OperationAction.INSTALL, pkg, "1.0.0", ns).withAcceptWarnings(true));
    }

    private LeaseRecord lease() {
        return site.drivers.lease().read(TIMEOUT).orElseThrow();
    }

    @Test
    void aConsoleOnAnotherComputerBlocksTheOperationAndIsNamed() {
        String uid = site.cluster.clusterUid();
        Plan plan = plan("plc-db");
        try (ClusterLockHandle held = consoleOf(VENDOR).acquire(uid, Duration.ofMinutes(1))) {
            Instant since = held.holder().since();

            assertThat(harness.engine.lockHolder()).hasValueSatisfying(holder -> {
                assertThat(holder.user()).isEqualTo("vendor");
                assertThat(holder.host()).isEqualTo("support-laptop");
                assertThat(holder.pid()).isEqualTo(4242);
                assertThat(holder.since()).isEqualTo(since.truncatedTo(ChronoUnit.MICROS));
            });
            assertThat(harness.engine.preflight(plan)).filteredOn(c -> c.checkId().equals("lock")).singleElement().satisfies(c -> {
                assertThat(c.status()).isEqualTo(PreflightStatus.FAIL);
                assertThat(c.messageKey()).isEqualTo("lifecycle.preflight.lockHeld");
                assertThat(c.params()).containsExactly("vendor", "support-laptop", Date.from(since.truncatedTo(ChronoUnit.MICROS)));
            });
            OperationResult refused = harness.engine.execute(plan, harness.recorder(), CancellationSignal.NEVER);
            assertThat(refused.errorCode()).isEqualTo("PREFLIGHT_FAILED");
            assertThat(site.helm.status("plc-db", ns, TIMEOUT)).isEmpty();
            // What a second console's lock says, typed: who, where, since when.
            assertThatThrownBy(() -> consoleOf(new ProcessIdentity("anna", "hmi-01", 7, "s2")).acquire(uid, Duration.ofMinutes(1)))
                    .isInstanceOfSatisfying(ClusterLockHeldException.class, e -> {
                        assertThat(e.code()).isEqualTo(LifecycleErrorCode.LOCK_HELD);
                        assertThat(e.params()).containsExactly("vendor", "support-laptop", 4242L,
                                Date.from(since.truncatedTo(ChronoUnit.MICROS)));
                    });
        }
        assertThat(harness.engine.lockHolder()).isEmpty();

        List<String> holdersDuringRun = new CopyOnWriteArrayList<>();
        OperationResult result = harness.engine.execute(plan, event -> {
            if (event instanceof ProgressEvent.StepStarted) {
                holdersDuringRun.add(lease().holderIdentity());
            }
        }, CancellationSignal.NEVER);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(holdersDuringRun).containsExactly(harness.storage.process().holderIdentity());
        assertThat(lease().holderIdentity()).as("released at the end").isNull();
        assertThat(lease().annotations()).doesNotContainKey("iepmp.org/holder-user");
    }

    /**
     * Two operations at once: this one's preflight found the cluster free, then another console began before it
     * started. The losing one does not go from "all checks passed" to a bare failure: the checks it repeats as it
     * starts carry the lock, as a FAIL naming the other console; nothing is deployed and earlier history stays.
     */
    @Test
    void theLosingOneOfTwoOperationsAtOnceShowsTheLockInItsChecks() {
        OperationResult earlier = harness.engine.execute(plan("plc-db"), event -> { }, CancellationSignal.NEVER);
        assertThat(earlier.outcome()).as(earlier.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        int earlierSteps = harness.engine.rollbackTargets("plc-db", ns).size();
        Plan plan = plan("line-app");
        assertThat(harness.engine.preflight(plan)).filteredOn(c -> c.checkId().equals("lock")).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(PreflightStatus.PASS));

        try (ClusterLockHandle other = consoleOf(VENDOR).acquire(site.cluster.clusterUid(), Duration.ofMinutes(1))) {
            OperationResult lost = harness.engine.execute(plan, harness.recorder(), CancellationSignal.NEVER);

            assertThat(lost.errorCode()).isEqualTo("PREFLIGHT_FAILED");
            assertThat(harness.events).filteredOn(ProgressEvent.PreflightChecked.class::isInstance)
                    .map(e -> ((ProgressEvent.PreflightChecked) e).result())
                    .filteredOn(c -> c.checkId().equals("lock")).singleElement().satisfies(c -> {
                        assertThat(c.status()).isEqualTo(PreflightStatus.FAIL);
                        assertThat(c.messageKey()).isEqualTo("lifecycle.preflight.lockHeld");
                        assertThat(c.params()).startsWith("vendor", "support-laptop");
                    });
            assertThat(harness.events).noneMatch(ProgressEvent.StepStarted.class::isInstance);
        }
        assertThat(site.helm.status("line-app", ns, TIMEOUT)).as("nothing deployed").isEmpty();
        assertThat(harness.engine.rollbackTargets("plc-db", ns)).as("earlier history intact").hasSize(earlierSteps);
        assertThat(site.helm.status("plc-db", ns, TIMEOUT)).isPresent();
    }

    @Test
    void aStaleLeaseOfACrashedConsoleIsTakenOver() {
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
        assertThat(site.drivers.lease().create(new LeaseRecord("crashed@ipc:9/s9", tenMinutesAgo, tenMinutesAgo, Duration.ofSeconds(60),
                3, Map.of("iepmp.org/holder-user", "crashed", "iepmp.org/holder-host", "ipc"), null), TIMEOUT)).isTrue();
        assertThat(harness.engine.lockHolder()).as("stale: nobody holds it").isEmpty();

        List<LeaseRecord> duringRun = new CopyOnWriteArrayList<>();
        OperationResult result = harness.engine.execute(plan("plc-db"), event -> {
            if (event instanceof ProgressEvent.StepStarted) {
                duringRun.add(lease());
            }
        }, CancellationSignal.NEVER);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
        assertThat(duringRun).singleElement().satisfies(l -> {
            assertThat(l.holderIdentity()).isEqualTo(harness.storage.process().holderIdentity());
            assertThat(l.transitions()).isEqualTo(4);
            assertThat(l.annotations()).containsEntry("iepmp.org/holder-user", harness.storage.process().user());
        });
    }

    @Test
    void theLeaseIsRenewedInTheBackgroundWhileTheOperationThreadIsBusy() {
        // A 3 s lease, renewed every second; the operation's thread is blocked for longer than that.
        EngineSettings shortLease = new EngineSettings(EngineHarness.SETTINGS.helmTimeout(), EngineHarness.SETTINGS.callTimeout(),
                EngineHarness.SETTINGS.verifyTimeout(), EngineHarness.SETTINGS.pollInterval(), EngineHarness.SETTINGS.failFastAfter(),
                Duration.ofSeconds(3), false);
        try (EngineHarness busy = new EngineHarness(dir.resolve("busy"), site, repository, shortLease)) {
            List<LeaseRecord> seen = new CopyOnWriteArrayList<>();
            List<Throwable> otherConsole = new CopyOnWriteArrayList<>();
            Plan plan = busy.engine.plan(EngineHarness.request(OperationAction.INSTALL, "plc-db", "1.0.0", ns).withAcceptWarnings(true));
            OperationResult result = busy.engine.execute(plan, event -> {
                if (event instanceof ProgressEvent.StepStarted) {
                    LeaseRecord first = lease();
                    LeaseRecord later = first;
                    // Stands for a long Helm call: this thread does nothing until the lease was renewed and
                    // would have expired without renewal.
                    for (int i = 0; i < 300 && (!later.renewTime().isAfter(first.renewTime().plusMillis(1500))
                            || Instant.now().isBefore(first.acquireTime().plusMillis(3500))); i++) {
                        sleep(50);
                        later = lease();
                    }
                    seen.add(first);
                    seen.add(later);
                    try {
                        consoleOf(VENDOR, Duration.ZERO).acquire(site.cluster.clusterUid(), Duration.ofMinutes(1)).release();
                    } catch (ClusterLockHeldException e) {
                        otherConsole.add(e);
                    }
                }
            }, CancellationSignal.NEVER);

            assertThat(result.outcome()).as(result.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
            assertThat(seen.get(1).renewTime()).isAfter(seen.get(0).renewTime().plusMillis(1500));
            assertThat(seen.get(1).acquireTime()).isEqualTo(seen.get(0).acquireTime());
            assertThat(otherConsole).as("more than the 3 s ttl after acquiring, the lease is still live").hasSize(1);
        }
    }

    @Test
    void aLeaseTakenAwayDuringTheOperationStopsItAndWhatItAppliedIsUndone() {
        EngineSettings shortLease = new EngineSettings(EngineHarness.SETTINGS.helmTimeout(), EngineHarness.SETTINGS.callTimeout(),
                EngineHarness.SETTINGS.verifyTimeout(), EngineHarness.SETTINGS.pollInterval(), EngineHarness.SETTINGS.failFastAfter(),
                Duration.ofSeconds(3), false);
        try (EngineHarness busy = new EngineHarness(dir.resolve("busy"), site, repository, shortLease)) {
            Plan plan = busy.engine.plan(EngineHarness.request(OperationAction.INSTALL, "plc-db", "1.0.0", ns).withAcceptWarnings(true));
            OperationResult result = busy.engine.execute(plan, event -> {
                if (event instanceof ProgressEvent.StepStarted) {
                    // Someone edits the Lease by hand (kubectl) while the step starts; the next renewal finds it gone.
                    LeaseRecord current = lease();
                    site.drivers.lease().replace(new LeaseRecord("kubectl-user", Instant.now(), Instant.now(), Duration.ofMinutes(5), 9,
                            Map.of(), current.resourceVersion()), TIMEOUT);
                    // Three renewal periods: the background renewal has certainly tried and failed by then.
                    sleep(3000);
                }
            }, CancellationSignal.NEVER);

            assertThat(result.outcome()).as(result.toString()).isIn(OperationOutcome.ROLLED_BACK, OperationOutcome.FAILED);
            assertThat(result.errorCode()).isEqualTo("LOCK_LOST");
            assertThat(site.helm.status("plc-db", ns, TIMEOUT)).as("the install was undone").isEmpty();
            assertThat(lease().holderIdentity()).as("the new holder keeps it").isEqualTo("kubectl-user");
        }
    }

    @Test
    void aUserWhoMayNotUseTheLeaseWorksWithTheLocalLockAfterAWarning() {
        // RBAC: this user may do nothing with Leases in kube-system.
        site.cluster.injectFault(org.iepmp.practice.api.ApiFault.status(null, "/namespaces/kube-system/leases", 403, "Forbidden", 1000));
        try {
            Plan plan = harness.engine.plan(EngineHarness.request(OperationAction.INSTALL, "plc-db", "1.0.0", ns));
            assertThat(harness.engine.lockHolder()).isEmpty();
            List<org.iepmp.lifecycle.api.PreflightResult> checks = harness.engine.preflight(plan);
            assertThat(checks).filteredOn(c -> c.checkId().equals("lock")).singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(PreflightStatus.PASS));
            assertThat(checks).filteredOn(c -> c.checkId().equals("lease")).singleElement().satisfies(c -> {
                assertThat(c.status()).isEqualTo(PreflightStatus.WARN);
                assertThat(c.messageKey()).isEqualTo("lifecycle.preflight.leaseNotPermitted");
                assertThat(c.params()).containsExactly("kube-system/iepmp-console");
            });
            assertThat(harness.engine.execute(plan, harness.recorder(), CancellationSignal.NEVER).errorCode())
                    .isEqualTo("PREFLIGHT_WARNINGS");

            OperationResult accepted = harness.engine.execute(harness.engine.plan(plan.request().withAcceptWarnings(true)),
                    harness.recorder(), CancellationSignal.NEVER);
            assertThat(accepted.outcome()).as(accepted.toString()).isEqualTo(OperationOutcome.SUCCEEDED);
            assertThatThrownBy(() -> consoleOf(VENDOR).acquire(site.cluster.clusterUid(), Duration.ofMinutes(1)))
                    .isInstanceOfSatisfying(org.iepmp.lifecycle.api.LifecycleException.class,
                            e -> assertThat(e.code()).isEqualTo(LifecycleErrorCode.LEASE_NOT_PERMITTED));
        } finally {
            site.cluster.clearFaults();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
