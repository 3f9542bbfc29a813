package org.iepmp.lifecycle.history;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.iepmp.lifecycle.api.ExportFormat;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.HistoryPage;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.PageCursor;
import org.iepmp.lifecycle.secret.LocalSecretKey;
import org.iepmp.lifecycle.secret.SecretSealer;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.iepmp.lifecycle.values.SecretMasker;

/**
 * Benchmark, not a test: a history of N operations (default 100,000), then the queries the
 * history view runs, each timed cold (first run) and as the median of 5 further runs.
 * Run with {@code lifecycle/bench/history-benchmark.sh [rows]}. Prints to stdout on purpose.
 */
public final class HistoryBenchmark {

    private static final String[] OUTCOMES = {"SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED",
        "FAILED", "ROLLED_BACK", "INTERRUPTED", "CANCELLED"};
    private static final String[] ACTIONS = {"UPGRADE", "UPGRADE", "UPGRADE", "INSTALL", "ROLLBACK", "UNINSTALL", "CONFIGURE", "AUDIT"};
    private static final String[] REASONS = {"Monthly maintenance window", "Security fix requested by vendor", "Line 3 retooling",
        "Rollback after failed rollout", "更新憑證與設定", "升级到最新版本", "Customer audit preparation", "New sensor gateway on line 5"};

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("iepmp-history-bench");
        Path db = dir.resolve("history.db");
        LocalSecretKey key = LocalSecretKey.loadOrCreate(dir.resolve("secret.key"));
        HistoryOptions options = HistoryOptions.defaults(db);

        if (!Files.exists(db)) {
            long start = System.nanoTime();
            try (SqliteHistoryStore store = open(options, key)) {
                // Opening creates the schema; the fill then writes through its own connection.
                store.count(HistoryFilter.ALL);
            }
            fill(db, rows);
            System.out.printf(Locale.ROOT, "fill %,d operations (+1 step each, bulk insert): %,d ms, file %,d KiB%n", rows,
                    (System.nanoTime() - start) / 1_000_000, Files.size(db) / 1024);
        }

        long openStart = System.nanoTime();
        open(options, key).close();
        System.out.printf(Locale.ROOT, "%-44s %8.1f ms%n", "open, first in this JVM (class loading)", (System.nanoTime() - openStart) / 1e6);
        openStart = System.nanoTime();
        SqliteHistoryStore store = open(options, key);
        System.out.printf(Locale.ROOT, "%-44s %8.1f ms%n", "open (cheap check + Flyway validate)", (System.nanoTime() - openStart) / 1e6);
        try (store) {
            HistoryFilter all = HistoryFilter.ALL;
            time("first page (50) + total, no filter", () -> store.query(all, null, 50));
            time("filter by package, page + total", () -> store.query(all.withPackage("pkg-17"), null, 50));
            time("filter by cluster + outcome FAILED, page+total", () -> store.query(all.withCluster("cluster-1")
                    .withOutcomes(Set.of(OperationOutcome.FAILED)), null, 50));
            time("filter by time range (30 days), page + total", () -> store.query(all.between(Instant.parse("2026-03-01T00:00:00Z"),
                    Instant.parse("2026-03-31T00:00:00Z")), null, 50));
            time("text 'retooling' (FTS5 trigram), page+total", () -> store.query(all.withText("retooling"), null, 50));
            time("text 'CHG-4711' (FTS5 trigram), page+total", () -> store.query(all.withText("CHG-4711"), null, 50));
            time("text '憑證' (2 chars: LIKE scan), page+total", () -> store.query(all.withText("憑證"), null, 50));
            time("package + text 'security', page + total", () -> store.query(all.withPackage("pkg-3").withText("security"), null, 50));
            PageCursor page99 = cursorAfterPages(store, 99);
            time("page 100 via keyset cursor, page + total", () -> store.query(all, page99, 50));
            time("verifyIntegrity (PRAGMA quick_check)", () -> {
                store.verifyIntegrity();
                return null;
            });
            Path csv = dir.resolve("export.csv");
            time("export CSV, all rows (streamed to file)", () -> export(store, all, ExportFormat.CSV, csv));
            System.out.printf(Locale.ROOT, "   (CSV size %,d KiB)%n", Files.size(csv) / 1024);
            time("export CSV, one package", () -> export(store, all.withPackage("pkg-17"), ExportFormat.CSV, csv));
            time("export JSON, all rows (streamed to file)", () -> export(store, all, ExportFormat.JSON, dir.resolve("export.json")));
        }
    }

    private static SqliteHistoryStore open(HistoryOptions options, LocalSecretKey key) {
        return SqliteHistoryStore.open(options, new SecretMasker(key.fingerprintKey()), new SecretSealer(key.sealingKey()),
                ProcessIdentity.current(), Clock.systemUTC());
    }

    private static PageCursor cursorAfterPages(SqliteHistoryStore store, int pages) {
        PageCursor cursor = null;
        for (int i = 0; i < pages; i++) {
            cursor = store.query(HistoryFilter.ALL, cursor, 50).next().orElseThrow();
        }
        return cursor;
    }

    private static Object export(SqliteHistoryStore store, HistoryFilter filter, ExportFormat format, Path target) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            store.export(filter, format, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return target;
    }

    private static void time(String label, Supplier<Object> query) {
        long start = System.nanoTime();
        Object result = query.get();
        double cold = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[5];
        for (int i = 0; i < warm.length; i++) {
            long s = System.nanoTime();
            query.get();
            warm[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(warm);
        String detail = result instanceof HistoryPage page ? String.format(Locale.ROOT, "  (%d rows, total %,d)", page.rows().size(), page.total()) : "";
        System.out.printf(Locale.ROOT, "%-44s %8.1f ms cold %8.1f ms median%s%n", label, cold, warm[2], detail);
    }

    /** Bulk insert through the store's own schema (triggers keep the text index), in one transaction. */
    private static void fill(Path db, int rows) throws Exception {
        Random random = new Random(2026);
        Instant begin = Instant.parse("2025-01-01T00:00:00Z");
        long span = Duration.ofDays(700).toMillis();
        long[] starts = new long[rows];
        for (int i = 0; i < rows; i++) {
            starts[i] = begin.toEpochMilli() + (long) (random.nextDouble() * span);
        }
        Arrays.sort(starts);
        try (Connection connection = HistoryDatabase.dataSource(db, HistoryOptions.defaults(db)).getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement op = connection.prepareStatement("INSERT INTO operation (id, cluster_id, os_user, technician, reason, "
                    + "ticket, action, package, release_name, namespace, source_repository, from_version, to_version, chart_digest, "
                    + "values_masked, plan_summary, preflight, outcome, error_code, error_message, started_at, ended_at, duration_ms) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement step = connection.prepareStatement("INSERT INTO step (operation_id, seq, action, package, "
                            + "release_name, namespace, from_version, to_version, outcome, started_at, ended_at, duration_ms, log) "
                            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < rows; i++) {
                    String pkg = "pkg-" + random.nextInt(40);
                    String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
                    String action = ACTIONS[random.nextInt(ACTIONS.length)];
                    long duration = 5_000 + random.nextInt(300_000);
                    String from = "1." + random.nextInt(30) + "." + random.nextInt(10);
                    String to = "1." + random.nextInt(30) + "." + random.nextInt(10);
                    boolean failed = !outcome.equals("SUCCEEDED");
                    Object[] values = {i + 1, "cluster-" + random.nextInt(3), "operator", random.nextInt(4) == 0 ? "Tech " + random.nextInt(20) : null,
                        REASONS[random.nextInt(REASONS.length)], random.nextInt(3) == 0 ? "CHG-" + random.nextInt(10_000) : null, action, pkg, pkg,
                        "iepmp", "vendor-main", from, to, "sha256:" + Long.toHexString(random.nextLong()) + "0".repeat(48),
                        "{\"image\":{\"tag\":\"" + to + "\"},\"db\":{\"password\":\"******#1a2b3c4d\"}}", action.toLowerCase(Locale.ROOT) + " " + pkg
                        + " " + from + " -> " + to, "[]", outcome, failed ? "KUBE_TIMEOUT" : null,
                        failed ? "rollout of " + pkg + " did not finish in time" : null, starts[i], starts[i] + duration, duration};
                    for (int c = 0; c < values.length; c++) {
                        op.setObject(c + 1, values[c]);
                    }
                    op.addBatch();
                    Object[] stepValues = {i + 1, 1, action, pkg, pkg, "iepmp", from, to, outcome, starts[i], starts[i] + duration, duration,
                        "helm " + action.toLowerCase(Locale.ROOT) + " " + pkg + "\nwaiting for rollout\n"};
                    for (int c = 0; c < stepValues.length; c++) {
                        step.setObject(c + 1, stepValues[c]);
                    }
                    step.addBatch();
                    if (i % 5_000 == 4_999) {
                        op.executeBatch();
                        step.executeBatch();
                    }
                }
                op.executeBatch();
                step.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA optimize");
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }
}
