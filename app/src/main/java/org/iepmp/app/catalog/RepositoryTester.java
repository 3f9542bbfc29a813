package org.iepmp.app.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryStore;

/**
 * "Test connection": fetches one repository exactly as a refresh would, into a throw-away
 * cache, without saving anything — so a wrong URL or password never reaches the settings.
 */
public final class RepositoryTester {

    private final Path scratchRoot;
    private final CatalogSettings settings;
    private final Clock clock;

    public RepositoryTester(Path scratchRoot, CatalogSettings settings, Clock clock) {
        this.scratchRoot = scratchRoot;
        this.settings = settings;
        this.clock = clock;
    }

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
