package org.iepmp.kube.helm;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark (a main, not a test): installing a podinfo chart from the corpus through
 * {@link HelmJavaDriver} against calling helm-java directly, on the practice cluster. Rounds
 * alternate which path goes first; each release is uninstalled (untimed) after it is measured.
 * Target: driver median at most 1.2 × direct median.
 *
 * <pre>
 * ./mvnw -q -o -pl kube-adapter test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.iepmp.kube.helm.HelmInstallBenchmark -Dexec.args="15"
 * </pre>
 */
public final class HelmInstallBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(HelmInstallBenchmark.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private HelmInstallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path chart = newestPodinfo();
        Path work = Files.createTempDirectory("iepmp-bench");
        try (PracticeCluster cluster = PracticeCluster.start(PracticeOptions.defaults()
                .withKubeconfig(work.resolve("kubeconfig")).withReadinessDelay(Duration.ofMillis(50)));
             HelmJavaDriver driver = new HelmJavaDriver(new ClusterCandidate(ClusterSourceKind.PRACTICE, cluster.kubeconfig(),
                     cluster.context(), cluster.url(), Optional.empty()), Files.createDirectories(work.resolve("tmp")))) {
            driver.warmUp(TIMEOUT);
            // One untimed install each way: discovery caches, JIT, TLS session.
            direct(chart, cluster, "warm-direct");
            viaDriver(driver, chart, "warm-driver");
            List<Long> driverNanos = new ArrayList<>();
            List<Long> directNanos = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                boolean driverFirst = i % 2 == 0;
                for (int leg = 0; leg < 2; leg++) {
                    boolean useDriver = (leg == 0) == driverFirst;
                    String name = (useDriver ? "d-" : "h-") + i;
                    long start = System.nanoTime();
                    if (useDriver) {
                        viaDriver(driver, chart, name);
                    } else {
                        direct(chart, cluster, name);
                    }
                    (useDriver ? driverNanos : directNanos).add(System.nanoTime() - start);
                    driver.uninstall(name, "bench", TIMEOUT);
                }
            }
            double driverMedian = median(driverNanos) / 1e6;
            double directMedian = median(directNanos) / 1e6;
            // WARN so the figure shows with the test logging configuration (root level WARN).
            LOG.warn(String.format("chart %s, %d rounds: driver median %.1f ms (mean %.1f), helm-java direct median %.1f ms"
                            + " (mean %.1f), ratio %.3f (target <= 1.2)", chart.getFileName(), rounds, driverMedian,
                    mean(driverNanos) / 1e6, directMedian, mean(directNanos) / 1e6, driverMedian / directMedian));
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void viaDriver(HelmJavaDriver driver, Path chart, String name) {
        driver.install(InstallRequest.of(chart, name, "bench", HelmValues.NONE, TIMEOUT));
    }

    private static void direct(Path chart, PracticeCluster cluster, String name) {
        new Helm(chart).install().withName(name).withNamespace("bench").createNamespace()
                .withKubeConfig(cluster.kubeconfig()).call();
    }

    private static Path newestPodinfo() throws IOException {
        Path repo = HelmJavaDriverTest.corpus().resolve("helm-repo-podinfo");
        try (Stream<Path> files = Files.list(repo)) {
            return files.filter(p -> p.getFileName().toString().matches("podinfo-6\\.14\\.\\d+\\.tgz"))
                    .max(Path::compareTo).orElseThrow(() -> new IOException("no podinfo 6.14.x chart in " + repo));
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }
}
