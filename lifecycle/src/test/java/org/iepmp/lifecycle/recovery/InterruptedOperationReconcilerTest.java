package org.iepmp.lifecycle.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.NewStep;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.Reconciliation;
import org.iepmp.lifecycle.api.ReleaseState;
import org.iepmp.lifecycle.api.ReleaseStateProbe;
import org.iepmp.lifecycle.api.ReleaseStatus;
import org.iepmp.lifecycle.history.HistoryOptions;
import org.iepmp.lifecycle.history.SqliteHistoryStore;
import org.iepmp.lifecycle.secret.LocalSecretKey;
import org.iepmp.lifecycle.secret.SecretSealer;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.iepmp.lifecycle.values.SecretMasker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash recovery on a real history file, against a scripted cluster (the real probe comes with the kube-adapter's Helm driver). */
class InterruptedOperationReconcilerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String CLUSTER = "cluster-a";

    @TempDir
    Path dir;

    private HistoryStore history;
    private final ScriptedCluster cluster = new ScriptedCluster(CLUSTER);

    @BeforeEach
    void openHistory() {
        LocalSecretKey key = LocalSecretKey.loadOrCreate(dir.resolve("secret.key"));
        history = SqliteHistoryStore.open(HistoryOptions.defaults(dir.resolve("history.db")), new SecretMasker(key.fingerprintKey()),
                new SecretSealer(key.sealingKey()), ProcessIdentity.current(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void closeHistory() {
        history.close();
    }

    @Test
    void eachInterruptedOperationGetsTheSentenceThatMatchesTheCluster() {
        long reached = abandon(OperationAction.UPGRADE, "mes", "1.0.0", "2.0.0");
        long unchanged = abandon(OperationAction.UPGRADE, "scada", "3.1.0", "3.2.0");
        long stuck = abandon(OperationAction.UPGRADE, "historian", "1.0.0", "1.1.0");
        long neverInstalled = abandon(OperationAction.INSTALL, "opcua", null, "0.9.0");
        long removed = abandon(OperationAction.UNINSTALL, "legacy", "0.1.0", null);
        long elsewhere = abandon(OperationAction.UPGRADE, "grafana", "7.0.0", "7.1.0");
        long failed = abandon(OperationAction.UPGRADE, "broker", "2.0.0", "2.1.0");
        cluster.releases.put("mes", new ReleaseState(4, "2.0.0", ReleaseStatus.DEPLOYED, T0));
        cluster.releases.put("scada", new ReleaseState(2, "3.1.0", ReleaseStatus.DEPLOYED, T0));
        cluster.releases.put("historian", new ReleaseState(7, "1.1.0", ReleaseStatus.PENDING_UPGRADE, T0));
        cluster.releases.put("grafana", new ReleaseState(9, "8.0.0", ReleaseStatus.DEPLOYED, T0));
        cluster.releases.put("broker", new ReleaseState(3, "2.1.0", ReleaseStatus.FAILED, T0));

        assertThat(history.markInterrupted(T0.plusSeconds(60))).isEqualTo(7);
        new InterruptedOperationReconciler(history, Clock.fixed(T0.plusSeconds(61), ZoneOffset.UTC)).reconcile(cluster);

        assertThat(verdict(reached)).isEqualTo(new Reconciliation("lifecycle.reconcile.reachedTarget", List.of("mes", "2.0.0", 4),
                T0.plusSeconds(61), false));
        assertThat(verdict(unchanged).sentenceKey()).isEqualTo("lifecycle.reconcile.stayedAtPrevious");
        assertThat(verdict(stuck)).satisfies(r -> {
            assertThat(r.sentenceKey()).isEqualTo("lifecycle.reconcile.releaseStuck");
            assertThat(r.params()).containsExactly("historian", "PENDING_UPGRADE", 7);
            assertThat(r.repairSuggested()).isTrue();
        });
        assertThat(verdict(neverInstalled).sentenceKey()).isEqualTo("lifecycle.reconcile.installNotApplied");
        assertThat(verdict(removed).sentenceKey()).isEqualTo("lifecycle.reconcile.uninstallCompleted");
        assertThat(verdict(elsewhere).params()).containsExactly("grafana", "8.0.0", "7.1.0", 9);
        assertThat(verdict(failed).repairSuggested()).isTrue();
        assertThat(history.unreconciled(CLUSTER)).isEmpty();
    }

    @Test
    void aGlasskubePackageVersionMatchesTheChartVersionItInstalls() {
        // Package v1.1.0+1 installs chart 1.1.0: the same version, not "changed by another tool".
        long reached = abandon(OperationAction.UPGRADE, "line-monitor", "v1.0.0+1", "v1.1.0+1");
        long stayed = abandon(OperationAction.UPGRADE, "mqtt-broker", "v2.0.0+2", "v2.1.0+1");
        long other = abandon(OperationAction.UPGRADE, "historian", "v1.0.0+1", "v1.1.0+1");
        cluster.releases.put("line-monitor", new ReleaseState(2, "1.1.0", ReleaseStatus.DEPLOYED, T0));
        cluster.releases.put("mqtt-broker", new ReleaseState(5, "2.0.0", ReleaseStatus.DEPLOYED, T0));
        cluster.releases.put("historian", new ReleaseState(3, "1.10.0", ReleaseStatus.DEPLOYED, T0));

        history.markInterrupted(T0.plusSeconds(60));
        new InterruptedOperationReconciler(history, Clock.systemUTC()).reconcile(cluster);

        assertThat(verdict(reached).sentenceKey()).isEqualTo("lifecycle.reconcile.reachedTarget");
        assertThat(verdict(stayed).sentenceKey()).isEqualTo("lifecycle.reconcile.stayedAtPrevious");
        assertThat(verdict(other).sentenceKey()).isEqualTo("lifecycle.reconcile.otherVersion");
    }

    @Test
    void aMultiStepOperationIsJudgedByTheStepThatWasRunning() {
        // Upgrading mes needs its database first; the crash came while the database step ran.
        long op = abandon(OperationAction.UPGRADE, "mes", "1.0.0", "2.0.0");
        long migration = history.beginStep(new NewStep(op, 1, OperationAction.UPGRADE, "mes-config", "mes-config", "iepmp", "1.0.0",
                "1.1.0", null, null, T0));
        history.finishStep(migration, Completion.succeeded(T0.plusSeconds(20)));
        history.beginStep(new NewStep(op, 2, OperationAction.UPGRADE, "postgres", "mes-db", "iepmp", "14.1.0", "15.0.0", null, null,
                T0.plusSeconds(21)));
        cluster.releases.put("mes-config", new ReleaseState(2, "1.1.0", ReleaseStatus.DEPLOYED, T0));
        cluster.releases.put("mes-db", new ReleaseState(3, "15.0.0", ReleaseStatus.PENDING_UPGRADE, T0));
        cluster.releases.put("mes", new ReleaseState(7, "1.0.0", ReleaseStatus.DEPLOYED, T0));

        history.markInterrupted(T0.plusSeconds(60));
        new InterruptedOperationReconciler(history, Clock.systemUTC()).reconcile(cluster);
        assertThat(verdict(op).sentenceKey()).isEqualTo("lifecycle.reconcile.releaseStuck");
        assertThat(verdict(op).params()).containsExactly("postgres", "PENDING_UPGRADE", 3);
    }

    @Test
    void anUnreachableClusterLeavesTheOperationForTheNextStart() {
        long op = abandon(OperationAction.UPGRADE, "mes", "1.0.0", "2.0.0");
        history.markInterrupted(T0.plusSeconds(60));
        cluster.reachable = false;
        assertThat(new InterruptedOperationReconciler(history, Clock.systemUTC()).reconcile(cluster)).isEmpty();
        assertThat(history.unreconciled(CLUSTER)).extracting(OperationRecord::id).containsExactly(op);

        cluster.reachable = true;
        cluster.releases.put("mes", new ReleaseState(2, "1.0.0", ReleaseStatus.DEPLOYED, T0));
        assertThat(new InterruptedOperationReconciler(history, Clock.systemUTC()).reconcile(cluster)).hasSize(1);
        assertThat(history.unreconciled(CLUSTER)).isEmpty();
    }

    @Test
    void onlyTheConnectedClusterIsReconciled() {
        long other = history.beginOperation(new NewOperation("cluster-b", new Actor("op", null), Reason.NONE, T0,
                OperationAction.INSTALL, "mes", null, "iepmp", null, null, "1.0.0", null, null, null, null));
        history.markInterrupted(T0.plusSeconds(60));
        assertThat(new InterruptedOperationReconciler(history, Clock.systemUTC()).reconcile(cluster)).isEmpty();
        assertThat(history.unreconciled("cluster-b")).extracting(OperationRecord::id).containsExactly(other);
    }

    private long abandon(OperationAction action, String pkg, String from, String to) {
        return history.beginOperation(new NewOperation(CLUSTER, new Actor("op", null), Reason.NONE, T0, action, pkg, null, "iepmp",
                null, from, to, null, null, null, null));
    }

    private Reconciliation verdict(long operationId) {
        return history.operation(operationId).orElseThrow().reconciliation();
    }

    /** Test double of the cluster: releases by name, and a switch to make it unreachable. */
    private static final class ScriptedCluster implements ReleaseStateProbe {
        final Map<String, ReleaseState> releases = new HashMap<>();
        final String id;
        boolean reachable = true;

        ScriptedCluster(String id) {
            this.id = id;
        }

        @Override
        public String clusterId() {
            return id;
        }

        @Override
        public Optional<ReleaseState> probe(String namespace, String releaseName) {
            if (!reachable) {
                throw new IllegalStateException("connection refused");
            }
            return Optional.ofNullable(releases.get(releaseName));
        }

        @Override
        public List<org.iepmp.lifecycle.api.ReleaseRevision> revisions(String namespace, String releaseName) {
            return List.of();
        }
    }
}
