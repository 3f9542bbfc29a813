package org.iepmp.lifecycle.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.ProgressEvent;

/**
 * Benchmark (a main, not a test): an upgrade to a version that crash-loops, on the practice cluster with the product's default
 * settings (2 s polls, 90 s fail-fast window, 5 min verification timeout), from the start of apply to the failure detected, the
 * previous version restored and the result reported. Target: at most 30 s end to end. Prints one line per round and the median.
 *
 * <pre>
 * ./mvnw -q -o -Dinstaller.skip -pl lifecycle -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.iepmp.lifecycle.engine.FailingUpgradeBenchmark -Dexec.args="3"
 * </pre>
 */
public final class FailingUpgradeBenchmark {

    private FailingUpgradeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("failing-upgrade-benchmark");
        List<Long> totals = new ArrayList<>();
        try (PracticeSite site = new PracticeSite(dir.resolve("site"))) {
            PlantRepository repository = PlantRepository.write(dir.resolve("repo"));
            for (int round = 1; round <= rounds; round++) {
                String ns = "bench" + round;
                try (EngineHarness harness = new EngineHarness(dir.resolve("console" + round), site, repository,
                        EngineSettings.defaults())) {
                    harness.engine.execute(harness.engine.plan(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns)
                            .withAcceptWarnings(true)), harness.recorder(), CancellationSignal.NEVER);
                    harness.events.clear();
                    var plan = harness.engine.plan(EngineHarness.request(OperationAction.UPGRADE, "line-app", "2.0.0", ns)
                            .withAcceptWarnings(true));
                    Instant start = Instant.now();
                    OperationResult result = harness.engine.execute(plan, harness.recorder(), CancellationSignal.NEVER);
                    Instant reported = Instant.now();
                    Instant detected = harness.events.stream().filter(e -> e instanceof ProgressEvent.RollbackStarted)
                            .map(ProgressEvent::at).findFirst().orElse(reported);
                    long total = Duration.between(start, reported).toMillis();
                    totals.add(total);
                    System.out.printf("round %d: %s; failure detected after %.1f s, restored and reported after %.1f s%n", round,
                            result.outcome(), Duration.between(start, detected).toMillis() / 1000.0, total / 1000.0);
                }
            }
        }
        totals.sort(Long::compare);
        System.out.printf("median end to end: %.1f s over %d rounds (target <= 30 s)%n", totals.get(totals.size() / 2) / 1000.0,
                totals.size());
    }
}
