package org.iepmp.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.RepositoryTester;

/**
 * Tests a repository with a catalog of that one repository over a throw-away cache, removed
 * afterwards, so nothing of the test stays in the real catalog's cache.
 */
public final class ScratchRepositoryTester implements RepositoryTester {

    private final Path scratchRoot;
    private final CatalogSettings settings;
    private final Clock clock;

    public ScratchRepositoryTester(Path scratchRoot, CatalogSettings settings, Clock clock) {
        this.scratchRoot = scratchRoot;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public RepositoryStatus test(RepositoryDefinition definition, Optional<Credentials> credentials) {
        Path scratch;
        try {
            Files.createDirectories(scratchRoot);
            scratch = Files.createTempDirectory(scratchRoot, "test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RepositoryStore single = new SingleRepositoryStore(definition.withEnabled(true), credentials);
            List<RepositoryStatus> statuses = new DefaultCatalog(single, scratch, settings, clock).refresh();
            return statuses.get(0);
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover scratch folder under the cache is harmless; the next test uses a new one.
        }
    }

    /** An in-memory store holding just the repository under test. */
    private record SingleRepositoryStore(RepositoryDefinition definition, Optional<Credentials> secret)
            implements RepositoryStore {

        @Override
        public List<RepositoryDefinition> list() {
            return List.of(definition);
        }

        @Override
        public Optional<RepositoryDefinition> find(String name) {
            return definition.name().equals(name) ? Optional.of(definition) : Optional.empty();
        }

        @Override
        public void save(RepositoryDefinition updated, Optional<Credentials> credentials) {
            throw new UnsupportedOperationException("the test store is read-only");
        }

        @Override
        public void remove(String name) {
            throw new UnsupportedOperationException("the test store is read-only");
        }

        @Override
        public Optional<Credentials> credentials(String name) {
            return definition.name().equals(name) ? secret : Optional.empty();
        }
    }
}
