package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.iepmp.lifecycle.LifecycleFactory;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.ChartArchiveStore;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder without room for the operation's chart archives and history rows fails preflight: a deploy must never
 * succeed without the record that lets it be seen and undone.
 */
class DataFolderSpaceTest {

    @TempDir
    Path dir;

    /** The real store, on a disk that reports almost no free space. */
    private record NearlyFullDisk(ChartArchiveStore real, long free) implements ChartArchiveStore {
        @Override
        public String put(InputStream content) {
            return real.put(content);
        }

        @Override
        public String put(Path file) {
            return real.put(file);
        }

        @Override
        public boolean contains(String digest) {
            return real.contains(digest);
        }

        @Override
        public Path get(String digest) {
            return real.get(digest);
        }

        @Override
        public long usableBytes() {
            return free;
        }
    }

    @Test
    void tooLittleRoomBlocksTheOperationBeforeTheClusterIsTouched() throws Exception {
        try (PracticeSite site = new PracticeSite(dir.resolve("site"));
                EngineHarness harness = new EngineHarness(dir.resolve("h"), site,
                        PlantRepository.write(dir.resolve("repo")), EngineHarness.SETTINGS)) {
            LocalStores real = LocalStores.of(harness.storage, harness.storage.localLock());
            LocalStores full = new LocalStores(real.history(), new NearlyFullDisk(real.archives(), 1024 * 1024),
                    real.lock(), real.masker(), real.process());
            OperationEngine engine = new LifecycleFactory(Clock.systemUTC(), EngineHarness.SETTINGS)
                    .engine(harness.catalog, site.access(), full);
            Plan plan = engine.plan(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", "full"));

            List<PreflightResult> checks = engine.preflight(plan);
            PreflightResult space = checks.stream().filter(c -> c.checkId().equals("dataFolder")).findFirst().orElseThrow();
            assertThat(space.status()).isEqualTo(PreflightStatus.FAIL);
            assertThat(space.messageKey()).isEqualTo("lifecycle.preflight.dataFolderFull");
            assertThat(space.params()).first().isEqualTo(1L);

            OperationResult result = engine.execute(engine.plan(plan.request().withAcceptWarnings(true)),
                    harness.recorder(), CancellationSignal.NEVER);
            assertThat(result.outcome()).isEqualTo(OperationOutcome.FAILED);
            assertThat(site.helm.status("line-app", "full", Duration.ofSeconds(20))).as("nothing deployed").isEmpty();

            OperationEngine roomy = new LifecycleFactory(Clock.systemUTC(), EngineHarness.SETTINGS)
                    .engine(harness.catalog, site.access(), real);
            assertThat(roomy.preflight(plan)).filteredOn(c -> c.checkId().equals("dataFolder"))
                    .extracting(PreflightResult::status).containsExactly(PreflightStatus.PASS);
        }
    }
}
