package org.iepmp.lifecycle.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One practice cluster per test class, and per test a fresh plant repository, a fresh console
 * (history, archives, lock) and a namespace of its own, so tests never see each other's releases.
 */
abstract class ConsoleOnPracticeSite {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    @TempDir
    static Path shared;
    static PracticeSite site;

    @TempDir
    Path dir;
    PlantRepository repository;
    EngineHarness harness;
    String ns;

    @BeforeAll
    static void startSite() throws Exception {
        site = new PracticeSite(shared.resolve("site"));
    }

    @AfterAll
    static void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    /** The start of this class's namespaces ({@code cell1}, {@code cell2}, …). */
    abstract String namespacePrefix();

    @BeforeEach
    void openHarness() throws IOException {
        repository = PlantRepository.write(dir.resolve("repo"));
        harness = new EngineHarness(dir.resolve("console"), site, repository, EngineHarness.SETTINGS);
        ns = namespacePrefix() + NAMESPACES.incrementAndGet();
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }
}
