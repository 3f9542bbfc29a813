package org.iepmp.app.practice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.kube.practice.PracticeCatalog;

/**
 * The practice catalog as a configured repository while practice mode runs: written to disk and
 * added as repository {@value #NAME} (Glasskube format, origin vendor) when it starts, removed
 * when it ends. Its packages name their charts by file location, so the chart repository beside
 * it needs no entry of its own (which would list every package twice). Slow: call off the FX thread.
 */
public final class PracticeRepositories {

    /** The repository's name, shown in Repositories and beside every practice package. */
    public static final String NAME = "practice";

    private final RepositoryStore store;
    private final Path directory;

    public PracticeRepositories(RepositoryStore store, Path directory) {
        this.store = store;
        this.directory = directory;
    }

    public void add() throws IOException {
        PracticeCatalog.Layout layout = new PracticeCatalog().writeTo(directory);
        store.save(RepositoryDefinition.directory(NAME, layout.glasskubeRepository().toString(), RepositoryType.GLASSKUBE,
                Origin.VENDOR), Optional.empty());
    }

    public void remove() {
        if (store.find(NAME).isPresent()) {
            store.remove(NAME);
        }
    }
}
