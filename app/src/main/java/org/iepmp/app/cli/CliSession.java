package org.iepmp.app.cli;

import java.time.Duration;
import java.util.List;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.engine.LocalParts;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.app.settings.SettingsStore;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.Transport;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Messages;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;

/**
 * The composition root of one command line run: the local parts ({@link LocalParts}, shared with
 * the GUI), the chosen cluster and its engine, each opened only when a command first needs it and
 * all closed at the end of the run.
 */
public final class CliSession implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final CliEnvironment environment;
    private final CommonOptions options;
    private final Messages messages;
    private final AppPaths paths;
    private final Printer printer;
    private LocalParts local;
    private boolean catalogLoaded;
    private ClusterConnection connection;
    private String clusterId;
    private ClusterDrivers drivers;
    private EngineSession engine;

    CliSession(CliEnvironment environment, CommonOptions options, I18n i18n, Messages messages, AppPaths paths) {
        this.environment = environment;
        this.options = options;
        this.messages = messages;
        this.paths = paths;
        this.printer = new Printer(environment.output(), messages, options.json());
    }

    public Messages messages() {
        return messages;
    }

    public Printer printer() {
        return printer;
    }

    public CommonOptions options() {
        return options;
    }

    public CliEnvironment environment() {
        return environment;
    }

    public AppPaths paths() {
        return paths;
    }

    public LocalParts local() {
        if (local == null) {
            Duration deadline = options.downloadDeadline(new SettingsStore(paths.settingsFile()).load());
            local = new LocalParts(paths, environment.clock(), environment.engineSettings(), deadline);
        }
        return local;
    }

    /**
     * The catalog, loaded from its cache; repositories that have never been fetched are fetched now
     * (a failure shows in their status, the others still answer).
     */
    public Catalog catalog() {
        Catalog catalog = local().catalog();
        if (!catalogLoaded) {
            List<RepositoryStatus> statuses = catalog.loadCached();
            // Only repositories never fetched are asked, each within the download deadline: the others answer from
            // their cache, so one slow repository does not hold commands about the rest.
            java.util.Set<String> missing = statuses.stream().filter(s -> s.state() == RepositoryStatus.State.FAILED
                    && local().repositories().find(s.repository()).map(d -> d.transport() != Transport.DIR).orElse(false))
                    .map(RepositoryStatus::repository).collect(java.util.stream.Collectors.toSet());
            if (!missing.isEmpty()) {
                catalog.refresh(missing);
            }
            catalogLoaded = true;
        }
        return catalog;
    }

    public PracticeProcess practice() {
        return new PracticeProcess(paths.cacheDir().resolve("practice-cli"), environment.selfCommand());
    }

    /** The cluster chosen by {@code --practice}, {@code --kubeconfig}/{@code --context}, or found on this machine. */
    public ClusterConnection connection() {
        if (connection == null) {
            ClusterChooser chooser = new ClusterChooser(local().discovery(environment.locations()), practice());
            connection = local().connector()
                    .connect(chooser.choose(options.practice, options.kubeconfig, options.context), CONNECT_TIMEOUT);
            clusterId = connection.facts().identity();
        }
        return connection;
    }

    public String clusterId() {
        connection();
        return clusterId;
    }

    /** Drivers for reading (lists, health, logs); the engine's own when it is open. */
    public ClusterDrivers drivers() {
        if (engine != null) {
            return engine.drivers();
        }
        if (drivers == null) {
            drivers = local().engines().openDrivers(connection());
        }
        return drivers;
    }

    public EngineSession engine() {
        if (engine == null) {
            catalog();
            engine = local().engines().open(connection(), clusterId());
        }
        return engine;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        if (drivers != null) {
            drivers.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (local != null) {
            local.storage().close();
        }
    }
}
