package org.iepmp.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Helm 3.17 CLI and kubectl 1.31 against the practice cluster: the proof that it is faithful enough. */
class HelmCliCompatibilityTest {

    private static PracticeCluster cluster;
    private static Path helm;
    private static Path kubectl;
    private static Path chart;
    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        helm = KubeTools.helm();
        kubectl = KubeTools.kubectl();
        cluster = PracticeCluster.start(PracticeOptions.defaults().withTls(SelfSignedCertificates.generate()).withKubeconfig(home.resolve("kubeconfig")));
        chart = Path.of(HelmCliCompatibilityTest.class.getResource("charts/demo-app/Chart.yaml").toURI()).getParent();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    private KubeTools.Result helm(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(helm.toString(), "--kubeconfig", cluster.kubeconfig().toString()));
        command.addAll(List.of(args));
        return KubeTools.run(home, 120, withHelmHome(command));
    }

    private List<String> withHelmHome(List<String> command) {
        // Keep Helm's cache/config/data out of the user's home: env vars are set by a wrapping `env`.
        List<String> wrapped = new ArrayList<>(List.of("env", "HELM_CACHE_HOME=" + home.resolve("helm-cache"),
                "HELM_CONFIG_HOME=" + home.resolve("helm-config"), "HELM_DATA_HOME=" + home.resolve("helm-data")));
        wrapped.addAll(command);
        return wrapped;
    }

    private KubeTools.Result kubectl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig",
                cluster.kubeconfig().toString()));
        command.addAll(List.of(args));
        return KubeTools.run(home, 120, command);
    }

    @Test
    void kubectlApplyClientAndServerSideRolloutStatusAndEvents() throws Exception {
        assertThat(kubectl("create", "namespace", "kc").code()).isZero();
        Path manifest = home.resolve("app.yaml");
        java.nio.file.Files.writeString(manifest, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: counter
                  namespace: kc
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: counter}
                  template:
                    metadata:
                      labels: {app: counter}
                    spec:
                      containers:
                      - name: counter
                        image: registry.example.com/counter:1.0
                        env:
                        - {name: A, value: "1"}
                """);
        KubeTools.Result apply = kubectl("apply", "-f", manifest.toString());
        assertThat(apply.code()).as(apply.output()).isZero();
        assertThat(apply.output()).contains("deployment.apps/counter created");
        KubeTools.Result rollout = kubectl("rollout", "status", "deployment/counter", "-n", "kc", "--timeout=60s");
        assertThat(rollout.code()).as(rollout.output()).isZero();
        assertThat(rollout.output()).contains("successfully rolled out");

        java.nio.file.Files.writeString(manifest, java.nio.file.Files.readString(manifest)
                .replace("counter:1.0", "counter:1.1"));
        KubeTools.Result reapply = kubectl("apply", "-f", manifest.toString());
        assertThat(reapply.code()).as(reapply.output()).isZero();
        assertThat(reapply.output()).contains("deployment.apps/counter configured");
        KubeTools.Result serverSide = kubectl("apply", "--server-side", "--field-manager=iepmp-console",
                "--force-conflicts", "-f", manifest.toString());
        assertThat(serverSide.code()).as(serverSide.output()).isZero();
        assertThat(serverSide.output()).contains("serverside-applied");
        assertThat(kubectl("rollout", "status", "deployment/counter", "-n", "kc", "--timeout=60s").code()).isZero();
        assertThat(kubectl("get", "deployment", "counter", "-n", "kc", "-o",
                "jsonpath={.spec.template.spec.containers[0].image}").output())
                .isEqualTo("registry.example.com/counter:1.1");
        KubeTools.Result events = kubectl("get", "events", "-n", "kc");
        assertThat(events.output()).contains("ScalingReplicaSet").contains("Scheduled");
        KubeTools.Result delete = kubectl("delete", "namespace", "kc", "--wait=true", "--timeout=60s");
        assertThat(delete.code()).as(delete.output()).isZero();
    }

    @Test
    void helmInstallListUpgradeHistoryUninstallAndKubectlGet() throws Exception {
        KubeTools.Result install = helm("install", "demo", chart.toString(), "--namespace", "plant", "--create-namespace",
                "--wait", "--timeout", "60s");
        assertThat(install.code()).as(install.output()).isZero();
        assertThat(install.output()).contains("STATUS: deployed");

        KubeTools.Result list = helm("list", "--all-namespaces");
        assertThat(list.code()).as(list.output()).isZero();
        assertThat(list.output()).contains("demo").contains("plant").contains("deployed").contains("demo-app-0.1.0");

        KubeTools.Result upgrade = helm("upgrade", "demo", chart.toString(), "--namespace", "plant", "--set",
                "image.tag=1.1.0", "--set", "greeting=hi", "--wait", "--timeout", "60s");
        assertThat(upgrade.code()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("REVISION: 2");

        KubeTools.Result history = helm("history", "demo", "--namespace", "plant");
        assertThat(history.code()).as(history.output()).isZero();
        assertThat(history.output()).contains("superseded").contains("deployed").contains("Upgrade complete");

        KubeTools.Result pods = KubeTools.run(home, 60, List.of(kubectl.toString(), "--kubeconfig",
                cluster.kubeconfig().toString(), "get", "pods", "-n", "plant"));
        assertThat(pods.code()).as(pods.output()).isZero();
        assertThat(pods.output()).contains("demo-web-").contains("Running").contains("1/1");

        KubeTools.Result deployment = KubeTools.run(home, 60, List.of(kubectl.toString(), "--kubeconfig",
                cluster.kubeconfig().toString(), "get", "deployment", "demo-web", "-n", "plant", "-o",
                "jsonpath={.spec.template.spec.containers[0].image}"));
        assertThat(deployment.output()).isEqualTo("registry.example.com/demo/web:1.1.0");

        KubeTools.Result rollback = helm("rollback", "demo", "1", "--namespace", "plant", "--wait");
        assertThat(rollback.code()).as(rollback.output()).isZero();
        assertThat(helm("history", "demo", "--namespace", "plant").output()).contains("Rollback to 1");

        KubeTools.Result logs = kubectl("logs", "deployment/demo-web", "-n", "plant");
        assertThat(logs.code()).as(logs.output()).isZero();
        assertThat(logs.output()).contains("starting web");

        KubeTools.Result uninstall = helm("uninstall", "demo", "--namespace", "plant", "--wait");
        assertThat(uninstall.code()).as(uninstall.output()).isZero();
        KubeTools.Result after = helm("list", "--all-namespaces", "--all");
        assertThat(after.output()).doesNotContain("demo");
        KubeTools.Result remaining = KubeTools.run(home, 60, List.of(kubectl.toString(), "--kubeconfig",
                cluster.kubeconfig().toString(), "get", "deployments,replicasets,pods,configmaps", "-n", "plant",
                "-o", "name"));
        assertThat(remaining.output()).doesNotContain("demo-web").doesNotContain("demo-config");
    }
}
