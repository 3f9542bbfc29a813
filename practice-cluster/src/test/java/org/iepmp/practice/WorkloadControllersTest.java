package org.iepmp.practice;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.iepmp.practice.api.FailureMode;
import org.iepmp.practice.api.FailureScript;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** StatefulSets, DaemonSets, Jobs and foreground deletion, as their real controllers handle them. */
class WorkloadControllersTest {

    private static final String CRASHING = "registry.example.com/batch/migrate:broken";

    private static PracticeCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withReadinessDelay(Duration.ofMillis(100))
                .withFailure(FailureScript.forImage(CRASHING, FailureMode.CRASH_LOOP, "migration failed")));
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("work").endMetadata().build())
                .create();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
    }

    private static PodTemplateSpec template(String app, String image) {
        return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", app).endMetadata().withNewSpec()
                .addNewContainer().withName(app).withImage(image).endContainer().endSpec().build();
    }

    @Test
    void statefulSetStartsOrdinalPodsInOrderAndReportsReady() {
        client.apps().statefulSets().inNamespace("work").resource(new StatefulSetBuilder().withNewMetadata()
                .withName("db").endMetadata().withNewSpec().withReplicas(2).withServiceName("db").withNewSelector()
                .addToMatchLabels("app", "db").endSelector().withTemplate(template("db", "registry.example.com/db:1"))
                .endSpec().build()).create();
        StatefulSet ready = client.apps().statefulSets().inNamespace("work").withName("db").waitUntilCondition(
                s -> s.getStatus() != null && Integer.valueOf(2).equals(s.getStatus().getReadyReplicas()), 30,
                TimeUnit.SECONDS);
        assertThat(ready.getStatus().getCurrentRevision()).isEqualTo(ready.getStatus().getUpdateRevision());
        assertThat(client.pods().inNamespace("work").withLabel("app", "db").list().getItems())
                .extracting(p -> p.getMetadata().getName()).containsExactly("db-0", "db-1");
    }

    @Test
    void daemonSetRunsOnePodPerNode() {
        client.apps().daemonSets().inNamespace("work").resource(new DaemonSetBuilder().withNewMetadata()
                .withName("agent").endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "agent")
                .endSelector().withTemplate(template("agent", "registry.example.com/agent:1")).endSpec().build())
                .create();
        DaemonSet ready = client.apps().daemonSets().inNamespace("work").withName("agent").waitUntilCondition(
                d -> d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getNumberReady()), 30,
                TimeUnit.SECONDS);
        assertThat(ready.getStatus().getDesiredNumberScheduled()).isEqualTo(1);
        assertThat(client.pods().inNamespace("work").withLabel("app", "agent").list().getItems()).singleElement()
                .satisfies(p -> assertThat(p.getSpec().getNodeName()).isEqualTo("ipc-01"));
    }

    @Test
    void jobCompletesAndAFailingJobHitsItsBackoffLimit() {
        client.batch().v1().jobs().inNamespace("work").resource(new JobBuilder().withNewMetadata().withName("once")
                .endMetadata().withNewSpec().withCompletions(2).withTemplate(template("once",
                        "registry.example.com/batch/report:1")).endSpec().build()).create();
        Job done = client.batch().v1().jobs().inNamespace("work").withName("once").waitUntilCondition(j ->
                j.getStatus() != null && j.getStatus().getConditions() != null
                        && j.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Complete")), 30,
                TimeUnit.SECONDS);
        assertThat(done.getStatus().getSucceeded()).isEqualTo(2);
        assertThat(done.getStatus().getCompletionTime()).isNotBlank();

        client.batch().v1().jobs().inNamespace("work").resource(new JobBuilder().withNewMetadata().withName("broken")
                .endMetadata().withNewSpec().withBackoffLimit(1).withTemplate(template("broken", CRASHING)).endSpec()
                .build()).create();
        Job failed = client.batch().v1().jobs().inNamespace("work").withName("broken").waitUntilCondition(j ->
                j.getStatus() != null && j.getStatus().getConditions() != null
                        && j.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Failed")), 30,
                TimeUnit.SECONDS);
        assertThat(failed.getStatus().getConditions()).anySatisfy(c ->
                assertThat(c.getReason()).isEqualTo("BackoffLimitExceeded"));
        assertThat(failed.getStatus().getFailed()).isEqualTo(2);
    }

    @Test
    void foregroundDeletionRemovesDependentsBeforeTheOwner() {
        client.apps().deployments().inNamespace("work").resource(new DeploymentBuilder().withNewMetadata()
                .withName("fg").endMetadata().withNewSpec().withReplicas(1).withNewSelector()
                .addToMatchLabels("app", "fg").endSelector().withTemplate(template("fg", "registry.example.com/fg:1"))
                .endSpec().build()).create();
        client.pods().inNamespace("work").withLabel("app", "fg").waitUntilCondition(p -> p != null, 30,
                TimeUnit.SECONDS);
        client.apps().deployments().inNamespace("work").withName("fg")
                .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
        client.apps().deployments().inNamespace("work").withName("fg").waitUntilCondition(d -> d == null, 30,
                TimeUnit.SECONDS);
        assertThat(client.pods().inNamespace("work").withLabel("app", "fg").list().getItems()).isEmpty();
        assertThat(client.apps().replicaSets().inNamespace("work").list().getItems())
                .noneMatch(rs -> rs.getMetadata().getName().startsWith("fg-"));
    }
}
