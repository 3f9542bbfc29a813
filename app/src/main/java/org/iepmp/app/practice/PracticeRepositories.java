package org.iepmp.app.practice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.practice.api.PracticeCatalog;

/**
 * The practice catalog as a configured repository while practice mode runs: written to disk and
 * added as {@value #NAME} (Glasskube format, origin vendor) when it starts; removed when it ends.
 * Its packages take their charts from the Helm chart repository written beside it, which the catalog
 * reads as their chart source without listing it: configured as a second repository it listed every
 * practice package twice, once as the Glasskube package and once as the bare chart. Slow: call off
 * the FX thread.
 */
public final class PracticeRepositories {

    /** The repository's name, shown in Repositories and beside every practice package. */
    public static final String NAME = "practice";
    /** The chart repository earlier versions configured beside it; removed where an old run left it. */
    static final String LEGACY_CHARTS = "practice-charts";

    private final RepositoryStore store;
    private final Path directory;

    public PracticeRepositories(RepositoryStore store, Path directory) {
        this.store = store;
        this.directory = directory;
    }

    public void add() throws IOException {
        PracticeCatalog.Layout layout = PracticeCatalog.create().writeTo(directory);
        remove();
        store.save(RepositoryDefinition.directory(NAME, layout.glasskubeRepository().toString(), RepositoryType.GLASSKUBE,
                Origin.VENDOR), Optional.empty());
    }

    public void remove() {
        for (String name : new String[] {NAME, LEGACY_CHARTS}) {
            if (store.find(name).isPresent()) {
                store.remove(name);
            }
        }
    }
}
