package org.iepmp.app.gui.catalog;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a unit test: how long one Catalog search with its filters takes off the FX thread (what each keystroke costs)
 * on two generated Helm repositories of 20,000 chart versions in all (2,000 charts × 10 versions), 500 of them
 * installed, 100 with an update. Prints figures, asserts nothing. Run with the test classpath:
 * {@code java -cp app/target/test-classes:app/target/classes:$(cat app/target/test-classpath.txt)
 * org.iepmp.app.gui.catalog.CatalogFilterBenchmark [work dir]}.
 */
public final class CatalogFilterBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogFilterBenchmark.class);
    private static final int CHARTS_PER_REPOSITORY = 1_000;
    private static final int VERSIONS = 10;
    private static final int RUNS = 200;

    private CatalogFilterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The app's start-up logging shows warnings only; the figures are this class's INFO lines.
        if (LOG instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.INFO);
        }
        Path work = Files.createTempDirectory(Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")),
                "catalog-bench");
        try {
            run(work);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void run(Path work) throws Exception {
        FileRepositoryStore store = new FileRepositoryStore(work.resolve("config"));
        for (String repository : List.of("north", "south")) {
            Path dir = Files.createDirectories(work.resolve(repository));
            generate(dir.resolve("index.yaml"), repository);
            store.save(RepositoryDefinition.directory(repository, dir.toString(), RepositoryType.HELM, Origin.VENDOR),
                    Optional.empty());
        }
        DefaultCatalog catalog = new DefaultCatalog(store, work.resolve("cache"), CatalogSettings.defaults(), Clock.systemUTC());
        catalog.refresh();
        int versions = catalog.packages().stream().mapToInt(p -> p.versions().size()).sum();
        Map<String, InstallState> installed = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            installed.put(name("north", i), new InstallState("1.0.0", i < 100 ? Optional.of("1.9.0") : Optional.empty(),
                    Optional.of("north")));
        }
        CatalogViewModel model = new CatalogViewModel(catalog, new org.iepmp.app.task.DirectTaskExecutor(e -> { }), version -> { });
        LOG.info("{} packages, {} versions", catalog.packages().size(), versions);
        measure("everything, no filter", model, new CatalogViewModel.Query("", null, null, false, false, installed));
        measure("text 'sensor'", model, new CatalogViewModel.Query("sensor", null, null, false, false, installed));
        measure("text 'line 12'", model, new CatalogViewModel.Query("line 12", null, null, false, false, installed));
        measure("repository south", model, new CatalogViewModel.Query("", null, "south", false, false, installed));
        measure("installed only", model, new CatalogViewModel.Query("", null, null, true, false, installed));
        measure("text 'sensor' + update available", model,
                new CatalogViewModel.Query("sensor", null, null, false, true, installed));
        measure("origin + repository + installed + text", model,
                new CatalogViewModel.Query("gateway", Origin.VENDOR, "north", true, false, installed));
    }

    private static void measure(String what, CatalogViewModel model, CatalogViewModel.Query query) {
        for (int i = 0; i < 20; i++) {
            model.run(query);
        }
        long[] nanos = new long[RUNS];
        int found = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            found = model.run(query).packages().size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        LOG.info(String.format(java.util.Locale.ROOT, "%-42s %5d found  median %6.2f ms  p99 %6.2f ms  max %6.2f ms", what,
                found, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, nanos[RUNS - 1] / 1e6));
    }

    private static String name(String repository, int i) {
        String[] kinds = {"sensor", "gateway", "line", "historian", "dashboard"};
        return kinds[i % kinds.length] + "-" + repository + "-" + i;
    }

    private static void generate(Path index, String repository) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
            out.write("apiVersion: v1\nentries:\n");
            for (int c = 0; c < CHARTS_PER_REPOSITORY; c++) {
                String name = name(repository, c);
                out.write("  " + name + ":\n");
                for (int v = VERSIONS - 1; v >= 0; v--) {
                    out.write("  - name: " + name + "\n    version: 1." + v + ".0\n"
                            + "    created: \"2026-0" + (1 + v % 9) + "-01T00:00:00Z\"\n"
                            + "    description: Plant " + name + " for line " + (c % 40) + " on the shop floor\n"
                            + "    digest: " + "0".repeat(64) + "\n    urls: [" + name + "-1." + v + ".0.tgz]\n");
                }
            }
        }
    }
}
