package org.iepmp.catalog.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.SearchFilter;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scripted benchmark (not a unit test; run by {@code package-catalog/bench/run-benchmark.sh}):
 * a generated Helm index of 20,000 chart versions, cold load, warm load from the cache, search
 * latency, and the real Helm CLI's {@code helm search repo} on the same file when a binary is given.
 *
 * <p>Arguments: {@code <work dir> [helm binary]}.
 */
public final class HelmIndexBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(HelmIndexBenchmark.class);
    private static final int CHARTS = 1_000;
    private static final int VERSIONS_PER_CHART = 20;

    private HelmIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench");
        Optional<Path> helm = args.length > 1 ? Optional.of(Path.of(args[1])).filter(Files::isExecutable) : Optional.empty();
        Path repo = work.resolve("repo");
        Files.createDirectories(repo);
        Path index = repo.resolve("index.yaml");
        generate(index);
        LOG.info("Generated {} chart versions, {} MB", CHARTS * VERSIONS_PER_CHART, Files.size(index) / (1024 * 1024));

        CatalogSettings settings = CatalogSettings.defaults();
        Path config = work.resolve("config");
        FileRepositoryStore store = new FileRepositoryStore(config);
        store.save(RepositoryDefinition.directory("bench", repo.toString(), RepositoryType.HELM, Origin.VENDOR),
                Optional.empty());

        List<Long> cold = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            Path cache = work.resolve("cache-cold-" + run);
            long start = System.nanoTime();
            DefaultCatalog catalog = new DefaultCatalog(store, cache, settings, Clock.systemUTC());
            catalog.refresh();
            cold.add(System.nanoTime() - start);
            if (catalog.packages().size() != CHARTS) {
                throw new IllegalStateException("expected " + CHARTS + " charts, got " + catalog.packages().size());
            }
        }
        Path cache = work.resolve("cache-cold-0");
        List<Long> warm = new ArrayList<>();
        DefaultCatalog loaded = null;
        for (int run = 0; run < 10; run++) {
            long start = System.nanoTime();
            loaded = new DefaultCatalog(store, cache, settings, Clock.systemUTC());
            loaded.loadCached();
            warm.add(System.nanoTime() - start);
        }
        Random random = new Random(42);
        String[] words = {"chart-0042", "chart-09", "sensor", "gateway", "opc", "mqtt", "historian", "line 7", "边缘",
                "nonexistent", "c", "chart"};
        for (int i = 0; i < 2_000; i++) {
            loaded.search(words[random.nextInt(words.length)], SearchFilter.ALL); // warm-up
        }
        long[] search = new long[5_000];
        for (int i = 0; i < search.length; i++) {
            String query = words[random.nextInt(words.length)];
            long start = System.nanoTime();
            loaded.search(query, SearchFilter.ALL);
            search[i] = System.nanoTime() - start;
        }
        Arrays.sort(search);
        LOG.info("cold load (parse YAML, first is JVM-cold): {} ms", millis(cold));
        LOG.info("warm load from cache: median {} ms, all {} ms", median(warm), millis(warm));
        LOG.info("search: median {} ms, p99 {} ms, max {} ms over {} queries", ms(search[search.length / 2]),
                ms(search[(int) (search.length * 0.99)]), ms(search[search.length - 1]), search.length);
        if (helm.isPresent()) {
            helmSearch(helm.get(), work, index);
        } else {
            LOG.info("helm binary not given: no comparison with helm search repo");
        }
    }

    private static void helmSearch(Path helm, Path work, Path index) throws Exception {
        Path home = work.resolve("helm");
        Path cacheDir = Files.createDirectories(home.resolve("cache"));
        Files.copy(index, cacheDir.resolve("bench-index.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path repositories = home.resolve("repositories.yaml");
        Files.writeString(repositories, "apiVersion: \"\"\ngenerated: \"0001-01-01T00:00:00Z\"\nrepositories:\n"
                + "- name: bench\n  url: http://127.0.0.1:1/\n");
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            ProcessBuilder builder = new ProcessBuilder(helm.toString(), "search", "repo", "chart-0042",
                    "--repository-config", repositories.toString(), "--repository-cache", cacheDir.toString());
            builder.environment().put("HELM_CONFIG_HOME", home.toString());
            builder.environment().put("HELM_CACHE_HOME", home.toString());
            builder.environment().put("HELM_DATA_HOME", home.toString());
            builder.redirectErrorStream(true);
            long start = System.nanoTime();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("helm failed: " + output);
            }
            times.add(System.nanoTime() - start);
            if (run == 0) {
                LOG.info("helm search repo output (first lines): {}", output.lines().limit(3).toList());
            }
        }
        LOG.info("helm search repo (process, parses the index each time): median {} ms, all {} ms", median(times),
                millis(times));
    }

    /** About 1 KB of YAML per version, shaped like a real index entry. */
    private static void generate(Path index) throws IOException {
        Random random = new Random(7);
        String[] topics = {"sensor", "gateway", "opc", "mqtt", "historian", "scada", "edge", "vision", "plc", "mes"};
        try (BufferedWriter out = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
            out.write("apiVersion: v1\nentries:\n");
            for (int c = 0; c < CHARTS; c++) {
                String name = String.format("chart-%04d", c);
                String topic = topics[c % topics.length];
                out.write("  " + name + ":\n");
                for (int v = VERSIONS_PER_CHART - 1; v >= 0; v--) {
                    String version = (v / 10 + 1) + "." + (v % 10) + "." + random.nextInt(5)
                            + (v == VERSIONS_PER_CHART - 1 ? "-rc.1" : "");
                    String digest = sha(random);
                    out.write("  - annotations:\n      category: Industrial\n      licenses: Apache-2.0\n");
                    out.write("    apiVersion: v2\n    appVersion: " + version + "\n");
                    out.write("    created: \"2026-0" + (1 + v % 9) + "-1" + (v % 10) + "T08:38:48.962904122Z\"\n");
                    out.write("    description: A " + topic + " service for line " + c + " of the plant, with "
                            + "metrics, alarms and a local buffer for when the uplink is down (边缘 " + topic + ")\n");
                    out.write("    digest: " + digest + "\n");
                    out.write("    home: https://vendor.example/charts/" + name + "\n");
                    out.write("    icon: https://vendor.example/icons/" + name + ".png\n");
                    out.write("    keywords:\n    - " + topic + "\n    - industrial\n    - line-" + (c % 50) + "\n");
                    out.write("    kubeVersion: '>=1.23.0-0'\n");
                    out.write("    maintainers:\n    - email: support@vendor.example\n      name: Vendor Support\n");
                    out.write("    name: " + name + "\n");
                    out.write("    sources:\n    - https://git.vendor.example/charts/" + name + "\n");
                    out.write("    type: application\n");
                    out.write("    urls:\n    - https://vendor.example/charts/" + name + "-" + version + ".tgz\n");
                    out.write("    version: " + version + "\n");
                }
            }
            out.write("generated: \"2026-11-21T08:00:00Z\"\n");
        }
    }

    private static String sha(Random random) {
        StringBuilder s = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private static String ms(long nanos) {
        return String.format("%.3f", nanos / 1e6);
    }

    private static List<String> millis(List<Long> nanos) {
        return nanos.stream().map(HelmIndexBenchmark::ms).toList();
    }

    private static String median(List<Long> nanos) {
        return ms(nanos.stream().sorted(Comparator.naturalOrder()).toList().get(nanos.size() / 2));
    }
}
