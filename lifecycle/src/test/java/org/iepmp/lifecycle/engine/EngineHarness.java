package org.iepmp.lifecycle.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.lifecycle.LifecycleFactory;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.ProgressListener;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.history.SqliteHistoryStore;
import org.iepmp.lifecycle.storage.LifecyclePaths;
import org.iepmp.lifecycle.storage.LifecycleStorage;
import org.iepmp.lifecycle.support.ProcessIdentity;

/** One console's local side for a test: catalog over the plant repository, history, archive store, lock, engine. */
final class EngineHarness implements AutoCloseable {

    static final String PASSWORD = "Line3-Admin!";
    static final EngineSettings SETTINGS = new EngineSettings(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(20),
            Duration.ofMillis(150), Duration.ofSeconds(2), Duration.ofSeconds(60), false);

    final Path dir;
    final PracticeSite site;
    final DefaultCatalog catalog;
    final LifecyclePaths paths;
    final LifecycleStorage storage;
    final SqliteHistoryStore history;
    final OperationEngine engine;
    final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    EngineHarness(Path dir, PracticeSite site, PlantRepository repository, EngineSettings settings) {
        this.dir = dir;
        this.site = site;
        FileRepositoryStore repositories = new FileRepositoryStore(dir.resolve("config"));
        repositories.save(RepositoryDefinition.directory("plant", repository.glasskube.toString(), RepositoryType.GLASSKUBE, Origin.VENDOR),
                Optional.empty());
        repositories.save(RepositoryDefinition.directory("plant-charts", repository.charts.toString(), RepositoryType.HELM, Origin.VENDOR),
                Optional.empty());
        catalog = new DefaultCatalog(repositories, dir.resolve("cache"),
                CatalogSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), Clock.systemUTC());
        catalog.refresh();
        paths = new LifecyclePaths(dir);
        storage = LifecycleStorage.open(paths, false, ProcessIdentity.current(), Clock.systemUTC());
        history = storage.history();
        engine = new LifecycleFactory(Clock.systemUTC(), settings).engine(catalog, site.access(),
                LocalStores.of(storage, storage.localLock()));
    }

    static OperationRequest request(OperationAction action, String pkg, String version, String namespace) {
        return new OperationRequest(action, pkg, version, null, namespace, Map.of("adminPassword", PASSWORD, "greeting", "hello line 3"),
                null, new Actor("operator", "Wang Wei"), new Reason("test", "CHG-1"));
    }

    ProgressListener recorder() {
        return events::add;
    }

    @Override
    public void close() {
        storage.close();
    }
}
