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
 * The practice catalog as configured repositories while practice mode runs: written to disk and
 * added as {@value #NAME} (Glasskube format) and {@value #CHARTS} (the Helm chart repository its
 * packages take their charts from), both of origin vendor, when it starts; removed when it ends.
 * The Glasskube one comes first, so a package name both list resolves to the Glasskube package
 * (with its dependencies and form). Slow: call off the FX thread.
 */
public final class PracticeRepositories {

    /** The repository's name, shown in Repositories and beside every practice package. */
    public static final String NAME = "practice";
    /** The chart repository beside it. */
    public static final String CHARTS = "practice-charts";

    private final RepositoryStore store;
    private final Path directory;

    public PracticeRepositories(RepositoryStore store, Path directory) {
        this.store = store;
        this.directory = directory;
    }

    public void add() throws IOException {
        PracticeCatalog.Layout layout = new PracticeCatalog().writeTo(directory);
        remove();
        store.save(RepositoryDefinition.directory(NAME, layout.glasskubeRepository().toString(), RepositoryType.GLASSKUBE,
                Origin.VENDOR), Optional.empty());
        store.save(RepositoryDefinition.directory(CHARTS, layout.helmRepository().toString(), RepositoryType.HELM,
                Origin.VENDOR), Optional.empty());
    }

    public void remove() {
        for (String name : new String[] {NAME, CHARTS}) {
            if (store.find(name).isPresent()) {
                store.remove(name);
            }
        }
    }
}
