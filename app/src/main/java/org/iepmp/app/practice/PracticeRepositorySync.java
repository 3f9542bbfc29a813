package org.iepmp.app.practice;

import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.catalog.api.RepositoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the practice catalog configured as a repository exactly while practice mode runs. The
 * repository files are written and removed in the background; {@code repositoriesChanged} runs
 * (on the executor's UI side) after each change so the lists read them again.
 */
public final class PracticeRepositorySync {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeRepositorySync.class);

    private final PracticeRepositories repositories;
    private final RepositoryStore store;
    private final TaskExecutor executor;
    private final Runnable repositoriesChanged;

    public PracticeRepositorySync(PracticeRepositories repositories, RepositoryStore store, TaskExecutor executor,
                                  Runnable repositoriesChanged) {
        this.repositories = repositories;
        this.store = store;
        this.executor = executor;
        this.repositoriesChanged = repositoriesChanged;
    }

    /** An exit during practice mode leaves its repositories configured; a normal start removes them. */
    public void removeLeftovers() {
        executor.execute(BackgroundTask.of(context -> {
            boolean had = store.find(PracticeRepositories.NAME).isPresent();
            repositories.remove();
            return had;
        }).onSuccess(had -> {
            if (had) {
                repositoriesChanged.run();
            }
        }).onFailure(error -> LOG.warn("Practice repository not removed", error)));
    }

    /** Practice mode started or stopped. */
    public void practiceChanged(boolean active) {
        executor.execute(BackgroundTask.of(context -> {
            if (active) {
                repositories.add();
            } else {
                repositories.remove();
            }
            return null;
        }).onSuccess(done -> repositoriesChanged.run())
                .onFailure(error -> LOG.warn("Practice repository not updated", error)));
    }
}
