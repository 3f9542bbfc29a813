package org.iepmp.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.iepmp.practice.api.ApiFault;
import org.iepmp.practice.api.FailureMode;
import org.iepmp.practice.api.FailureScript;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fabric8 against the practice cluster: CRUD, errors, patches, server-side apply, watches, CRDs, controllers. */
class PracticeClusterFabric8Test {

    private static final String CRASHING_IMAGE = "registry.example.com/demo/web:9.9.9-crash";
    private static final String MISSING_IMAGE = "registry.example.com/demo/does-not-exist:1.0";

    @TempDir
    static Path dir;
    private static PracticeCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withTls(SelfSignedCertificates.generate()).withKubeconfig(dir.resolve("config"))
                .withReadinessDelay(Duration.ofMillis(200))
                .withFailure(FailureScript.forImage(CRASHING_IMAGE, FailureMode.CRASH_LOOP,
                        "panic: cannot connect to line PLC at 10.0.0.5:502"))
                .withFailure(FailureScript.forImage(MISSING_IMAGE, FailureMode.IMAGE_PULL)));
        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build();
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

    private static String namespace(String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        return name;
    }

    @Test
    void kubeconfigHasPracticeContextAndServesHttpsWithItsCa() throws Exception {
        String kubeconfig = Files.readString(cluster.kubeconfig());
        assertThat(kubeconfig).contains("current-context: iepmp-practice").contains("certificate-authority-data:");
        assertThat(cluster.url()).startsWith("https://127.0.0.1:");
        assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.31.4");
    }

    @Test
    void seedsSystemNamespacesWithItsOwnKubeSystemUidAndARealisticNode() {
        Namespace kubeSystem = client.namespaces().withName("kube-system").get();
        assertThat(kubeSystem.getMetadata().getUid()).isEqualTo(cluster.clusterUid());
        assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                .contains("default", "kube-system", "kube-public");
        Node node = client.nodes().withName("ipc-01").get();
        assertThat(node.getStatus().getCapacity().get("cpu").getAmount()).isEqualTo("4");
        assertThat(node.getStatus().getAllocatable()).containsKey("memory");
        assertThat(node.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        assertThat(node.getStatus().getImages()).isNotEmpty();
    }

    @Test
    void crudWithSelectorsConflictsAndStatusErrorsLikeARealServer() {
        String ns = namespace("crud");
        ConfigMap created = client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("settings").addToLabels("owner", "iepmp").endMetadata().addToData("a", "1").build()).create();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
        assertThat(created.getMetadata().getCreationTimestamp()).isNotBlank();

        ConfigMap generated = client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                .withGenerateName("gen-").endMetadata().build()).create();
        assertThat(generated.getMetadata().getName()).startsWith("gen-").hasSize(9);

        assertThat(client.configMaps().inNamespace(ns).withLabel("owner", "iepmp").list().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("settings");
        assertThat(client.configMaps().inNamespace(ns).withField("metadata.name", "settings").list().getItems())
                .hasSize(1);

        assertThatThrownBy(() -> client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("settings").endMetadata().build()).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
                    assertThat(e.getStatus().getMessage()).isEqualTo("configmaps \"settings\" already exists");
                });

        ConfigMap stale = new ConfigMapBuilder(created).addToData("b", "2").build();
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder(created).addToData("c", "3").build())
                .update();
        assertThatThrownBy(() -> client.configMaps().inNamespace(ns).resource(stale).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
                });

        assertThat(client.configMaps().inNamespace(ns).withName("missing").get()).isNull();
        assertThatThrownBy(() -> client.configMaps().inNamespace("nowhere").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("x").endMetadata().build()).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));

        client.configMaps().inNamespace(ns).withName("settings").delete();
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).isNull();
        assertThatThrownBy(() -> client.namespaces().withName("kube-system").delete())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }

    @Test
    void strategicMergeJsonPatchAndMergePatchOnADeployment() {
        String ns = namespace("patching");
        client.apps().deployments().inNamespace(ns).resource(deployment("web", "registry.example.com/web:1.0")).create();
        String smp = """
                {"spec":{"template":{"spec":{
                  "containers":[{"name":"web","image":"registry.example.com/web:1.1",
                                 "env":[{"name":"MODE","value":"patched"},{"name":"EXTRA","value":"x"}],
                                 "ports":[{"containerPort":9090,"name":"metrics"}],
                                 "volumeMounts":[{"mountPath":"/data","name":"data"}]}],
                  "volumes":[{"name":"data","emptyDir":{}}]}}}}""";
        Deployment patched = client.apps().deployments().inNamespace(ns).withName("web")
                .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), smp);
        var container = patched.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(patched.getSpec().getTemplate().getSpec().getContainers()).hasSize(2);
        assertThat(container.getImage()).isEqualTo("registry.example.com/web:1.1");
        assertThat(container.getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
                .containsExactly("MODE=patched", "KEEP=yes", "EXTRA=x");
        assertThat(container.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(8080, 9090);
        assertThat(container.getVolumeMounts()).hasSize(1);
        assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);

        Deployment deleted = client.apps().deployments().inNamespace(ns).withName("web")
                .patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"$patch\":\"delete\"}]}}}}");
        assertThat(deleted.getSpec().getTemplate().getSpec().getContainers()).extracting(c -> c.getName())
                .containsExactly("web");

        Deployment json = client.apps().deployments().inNamespace(ns).withName("web").patch(
                PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]");
        assertThat(json.getSpec().getReplicas()).isEqualTo(3);

        Deployment merge = client.apps().deployments().inNamespace(ns).withName("web").patch(
                PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"tier\":\"edge\"}}}");
        assertThat(merge.getMetadata().getLabels()).containsEntry("tier", "edge").containsEntry("app", "web");
    }

    @Test
    void serverSideApplyCreatesMergesAndDropsFieldsTheManagerNoLongerApplies() {
        String ns = namespace("apply");
        ConfigMap first = new ConfigMapBuilder().withNewMetadata().withName("applied").withNamespace(ns)
                .addToLabels("a", "1").addToLabels("b", "2").endMetadata().addToData("k1", "v1").build();
        ConfigMap created = client.configMaps().inNamespace(ns).resource(first).fieldManager("iepmp-console")
                .forceConflicts().serverSideApply();
        assertThat(created.getMetadata().getManagedFields()).extracting(m -> m.getManager())
                .contains("iepmp-console");
        client.configMaps().inNamespace(ns).withName("applied").edit(c -> new ConfigMapBuilder(c)
                .editMetadata().addToLabels("other", "kept").endMetadata().build());
        ConfigMap second = new ConfigMapBuilder().withNewMetadata().withName("applied").withNamespace(ns)
                .addToLabels("a", "10").endMetadata().addToData("k2", "v2").build();
        ConfigMap merged = client.configMaps().inNamespace(ns).resource(second).fieldManager("iepmp-console")
                .forceConflicts().serverSideApply();
        assertThat(merged.getMetadata().getLabels()).containsEntry("a", "10").containsEntry("other", "kept")
                .doesNotContainKey("b");
        assertThat(merged.getData()).containsOnlyKeys("k2");
    }

    @Test
    void serverSideApplyConflictsWithAnotherManagersValuesUnlessForced() {
        String ns = namespace("conflicts");
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("shared")
                .endMetadata().addToData("mode", "manual").build()).fieldManager("technician").serverSideApply();
        ConfigMap mine = new ConfigMapBuilder().withNewMetadata().withName("shared").withNamespace(ns).endMetadata()
                .addToData("mode", "auto").build();
        assertThatThrownBy(() -> client.configMaps().inNamespace(ns).resource(mine).fieldManager("iepmp-console")
                .serverSideApply()).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
                    assertThat(e.getStatus().getMessage()).contains("conflict with \"technician\"")
                            .contains(".data.mode");
                });
        assertThat(client.configMaps().inNamespace(ns).resource(mine).fieldManager("iepmp-console").forceConflicts()
                .serverSideApply().getData()).containsEntry("mode", "auto");
        assertThat(client.configMaps().inNamespace(ns).resource(mine).fieldManager("iepmp-console")
                .serverSideApply().getData()).containsEntry("mode", "auto");
    }

    @Test
    void invalidWorkloadIsRejectedWith422LikeTheRealValidation() {
        String ns = namespace("invalid");
        Deployment broken = new DeploymentBuilder(deployment("web", "registry.example.com/web:1.0")).editSpec()
                .editSelector().addToMatchLabels("app", "other").endSelector().endSpec().build();
        assertThatThrownBy(() -> client.apps().deployments().inNamespace(ns).resource(broken).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
                    assertThat(e.getStatus().getMessage()).contains("`selector` does not match template `labels`");
                });
    }

    @Test
    void watchStreamsAddedModifiedDeletedForASelector() throws Exception {
        String ns = namespace("watching");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch watch = client.configMaps().inNamespace(ns).withLabel("watched", "yes").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
                // Closed by the test.
            }
        })) {
            client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("other")
                    .endMetadata().build()).create();
            client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("seen")
                    .addToLabels("watched", "yes").endMetadata().build()).create();
            client.configMaps().inNamespace(ns).withName("seen").edit(c -> new ConfigMapBuilder(c)
                    .addToData("x", "1").build());
            client.configMaps().inNamespace(ns).withName("seen").delete();
            assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("ADDED seen");
            assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("MODIFIED seen");
            assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("DELETED seen");
            assertThat(watch).isNotNull();
        }
    }

    @Test
    void customResourceDefinitionBecomesEstablishedAndServesItsKind() {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder().withNewMetadata()
                .withName("packages.packages.glasskube.dev").endMetadata().withNewSpec()
                .withGroup("packages.glasskube.dev").withScope("Namespaced")
                .withNewNames().withKind("Package").withPlural("packages").withSingular("package").endNames()
                .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).withNewSchema()
                .withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion().endSpec().build();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        CustomResourceDefinition established = client.apiextensions().v1().customResourceDefinitions()
                .withName("packages.packages.glasskube.dev").get();
        assertThat(established.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Established");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        String ns = namespace("crs");
        GenericKubernetesResource pkg = new GenericKubernetesResourceBuilder()
                .withApiVersion("packages.glasskube.dev/v1alpha1").withKind("Package").withNewMetadata()
                .withName("line-monitor").withNamespace(ns).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("packageInfo", Map.of("name", "line-monitor"))))
                .build();
        client.genericKubernetesResources("packages.glasskube.dev/v1alpha1", "Package").inNamespace(ns)
                .resource(pkg).create();
        assertThat(client.genericKubernetesResources("packages.glasskube.dev/v1alpha1", "Package").inAnyNamespace()
                .list().getItems()).extracting(r -> r.getMetadata().getName()).containsExactly("line-monitor");
        assertThat(client.getApiGroups().getGroups()).anySatisfy(g ->
                assertThat(g.getName()).isEqualTo("packages.glasskube.dev"));
    }

    @Test
    void deploymentRollsOutToReadyPodsAndCascadesOnDelete() {
        String ns = namespace("rollout");
        client.apps().deployments().inNamespace(ns).resource(deployment("line", "registry.example.com/line:1.0"))
                .create();
        Deployment ready = client.apps().deployments().inNamespace(ns).withName("line").waitUntilCondition(
                d -> d != null && d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getReadyReplicas()),
                30, TimeUnit.SECONDS);
        assertThat(ready.getStatus().getAvailableReplicas()).isEqualTo(1);
        assertThat(ready.getStatus().getUpdatedReplicas()).isEqualTo(1);
        assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
        assertThat(ready.getStatus().getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                .contains("Available=True", "Progressing=True");
        assertThat(client.apps().replicaSets().inNamespace(ns).list().getItems()).hasSize(1);
        List<Pod> pods = client.pods().inNamespace(ns).withLabel("app", "line").list().getItems();
        assertThat(pods).hasSize(1);
        assertThat(pods.get(0).getStatus().getPhase()).isEqualTo("Running");
        assertThat(pods.get(0).getSpec().getNodeName()).isEqualTo("ipc-01");
        assertThat(client.pods().inNamespace(ns).withName(pods.get(0).getMetadata().getName()).inContainer("web").getLog())
                .contains("starting web");

        client.apps().deployments().inNamespace(ns).withName("line").delete();
        client.pods().inNamespace(ns).withLabel("app", "line").waitUntilCondition(p -> p == null, 30,
                TimeUnit.SECONDS);
        assertThat(client.apps().replicaSets().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void scriptedCrashLoopShowsBackOffRestartsLastLogAndEvents() {
        String ns = namespace("broken");
        client.apps().deployments().inNamespace(ns).resource(deployment("line", CRASHING_IMAGE)).create();
        Pod pod = client.pods().inNamespace(ns).withLabel("app", "line").waitUntilCondition(p -> p != null
                && p.getStatus().getContainerStatuses() != null && !p.getStatus().getContainerStatuses().isEmpty()
                && p.getStatus().getContainerStatuses().get(0).getRestartCount() >= 1, 30, TimeUnit.SECONDS);
        var state = pod.getStatus().getContainerStatuses().get(0);
        assertThat(state.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(state.getLastState().getTerminated().getExitCode()).isEqualTo(1);
        assertThat(client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).inContainer("web").tailingLines(2).getLog())
                .contains("panic: cannot connect to line PLC");
        try (var follow = client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).inContainer("web")
                .watchLog();
                var lines = new java.io.BufferedReader(new java.io.InputStreamReader(follow.getOutput(),
                        java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).contains("starting web");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(client.v1().events().inNamespace(ns).list().getItems()).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("BackOff");
            assertThat(e.getType()).isEqualTo("Warning");
        });
        Deployment deployment = client.apps().deployments().inNamespace(ns).withName("line").get();
        assertThat(deployment.getStatus().getReadyReplicas()).isEqualTo(0);
        assertThat(deployment.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Available");
            assertThat(c.getStatus()).isEqualTo("False");
        });
    }

    @Test
    void unpullableImageAndOversizedRequestsFailLikeOnARealNode() {
        String ns = namespace("failing");
        client.pods().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
                .withName("puller").endMetadata().withNewSpec().addNewContainer().withName("app")
                .withImage(MISSING_IMAGE).endContainer().endSpec().build()).create();
        Pod pulling = client.pods().inNamespace(ns).withName("puller").waitUntilCondition(p -> p.getStatus()
                .getContainerStatuses() != null && !p.getStatus().getContainerStatuses().isEmpty()
                && p.getStatus().getContainerStatuses().get(0).getState().getWaiting() != null
                && !"ContainerCreating".equals(p.getStatus().getContainerStatuses().get(0).getState().getWaiting()
                        .getReason()), 30, TimeUnit.SECONDS);
        assertThat(pulling.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
                .isIn("ErrImagePull", "ImagePullBackOff");
        assertThat(client.v1().events().inNamespace(ns).withField("involvedObject.name", "puller").list().getItems())
                .anySatisfy(e -> assertThat(e.getMessage()).startsWith("Failed to pull image"));
        Pod huge = new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName("huge").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("registry.example.com/big:1")
                .withNewResources().addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("16"))
                .endResources().endContainer().endSpec().build();
        client.pods().inNamespace(ns).resource(huge).create();
        Pod pending = client.pods().inNamespace(ns).withName("huge").waitUntilCondition(p -> p.getStatus()
                .getConditions() != null && !p.getStatus().getConditions().isEmpty(), 30, TimeUnit.SECONDS);
        assertThat(pending.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pending.getStatus().getConditions().get(0).getReason()).isEqualTo("Unschedulable");
        assertThat(pending.getStatus().getConditions().get(0).getMessage()).contains("Insufficient cpu");
    }

    @Test
    void scriptedApiFaultsReachTheClientAsTypedStatuses() {
        cluster.injectFault(ApiFault.status("GET", "/api/v1/namespaces/default/secrets", 403, "Forbidden", 1));
        assertThatThrownBy(() -> client.secrets().inNamespace("default").list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        assertThat(client.secrets().inNamespace("default").list().getItems()).isEmpty();
    }

    @Test
    void plainHttpIsAvailableWhenAskedFor() throws Exception {
        try (PracticeCluster http = PracticeCluster.start(PracticeOptions.defaults().withTls(null));
                KubernetesClient plain = new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(Files.readString(http.kubeconfig()))).build()) {
            assertThat(http.url()).startsWith("http://127.0.0.1:");
            assertThat(plain.namespaces().withName("kube-system").get().getMetadata().getUid())
                    .isEqualTo(http.clusterUid())
                    // A new practice cluster starts empty: it is a new cluster, whose history is its own.
                    .isNotEqualTo(cluster.clusterUid());
            Path kubeconfig = http.kubeconfig();
            http.stop();
            assertThat(kubeconfig).doesNotExist();
        }
    }

    private static Deployment deployment(String name, String image) {
        return new DeploymentBuilder().withNewMetadata().withName(name).addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec()
                .addNewContainer().withName("web").withImage(image)
                .addNewEnv().withName("MODE").withValue("normal").endEnv()
                .addNewEnv().withName("KEEP").withValue("yes").endEnv()
                .addNewPort().withContainerPort(8080).withName("http").endPort().endContainer()
                .addNewContainer().withName("sidecar").withImage("registry.example.com/sidecar:1.0").endContainer()
                .endSpec().endTemplate().endSpec().build();
    }
}
