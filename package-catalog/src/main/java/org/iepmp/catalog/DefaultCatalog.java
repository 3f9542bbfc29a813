package org.iepmp.catalog;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.ChartFiles;
import org.iepmp.catalog.api.InstallPlan;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.SearchFilter;
import org.iepmp.catalog.api.UpgradeCandidates;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueProblem;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.archive.SafeChartArchive;
import org.iepmp.catalog.cache.IndexCache;
import org.iepmp.catalog.resolve.DependencyResolver;
import org.iepmp.catalog.schema.ValuesSchema;
import org.iepmp.catalog.search.SearchIndex;
import org.iepmp.catalog.source.LoadedRepository;
import org.iepmp.catalog.source.RepositorySource;
import org.iepmp.catalog.version.Versions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog over the configured repositories. Holds the last loaded state as one immutable
 * snapshot, replaced as a whole by {@link #refresh()} or {@link #loadCached()}, so readers on
 * other threads never see a half-updated catalog.
 */
public final class DefaultCatalog implements Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultCatalog.class);

    private final RepositoryStore store;
    private final CatalogSettings settings;
    private final SourceFactory sources;
    private final SafeChartArchive archives;
    private final ValuesSchema valuesSchema = new ValuesSchema();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    private record Snapshot(Map<String, RepositorySource> sources, List<RepositoryStatus> statuses,
            List<CatalogPackage> packages, SearchIndex search) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of(), List.of(), new SearchIndex(List.of()));
    }

    /**
     * @param store configured repositories and credentials
     * @param cacheDir folder for cached indexes and chart archives (e.g. {@code ~/.cache/iepmp/catalog})
     * @param settings timeouts and limits
     * @param clock time of fetches (a fixed clock in tests)
     */
    public DefaultCatalog(RepositoryStore store, Path cacheDir, CatalogSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        GlasskubeCharts charts = new GlasskubeCharts(() -> snapshot.sources(), this::sourceFactory);
        this.sources = new SourceFactory(store, new IndexCache(cacheDir), settings, clock, charts::fetch);
        this.archives = new SafeChartArchive(settings);
    }

    private SourceFactory sourceFactory() {
        return sources;
    }

    @Override
    public List<RepositoryStatus> refresh() {
        return load(name -> true);
    }

    @Override
    public List<RepositoryStatus> loadCached() {
        return load(name -> false);
    }

    @Override
    public List<RepositoryStatus> refresh(java.util.Set<String> repositories) {
        return load(repositories::contains);
    }

    @Override
    public List<RepositoryStatus> statuses() {
        return snapshot.statuses();
    }

    private List<RepositoryStatus> load(java.util.function.Predicate<String> network) {
        List<RepositoryDefinition> enabled = store.list().stream().filter(RepositoryDefinition::enabled).toList();
        Map<String, RepositorySource> built = new LinkedHashMap<>();
        List<RepositoryStatus> statuses = new ArrayList<>();
        List<Future<Outcome>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallelism(),
                Math.max(1, enabled.size()))), runnable -> {
                    Thread thread = new Thread(runnable, "catalog-refresh");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            for (RepositoryDefinition definition : enabled) {
                futures.add(pool.submit(() -> loadOne(definition, network.test(definition.name()))));
            }
            List<CatalogPackage> packages = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                Outcome outcome = future.get();
                statuses.add(outcome.status());
                if (outcome.source() != null) {
                    built.put(outcome.status().repository(), outcome.source());
                }
                packages.addAll(outcome.packages());
            }
            List<CatalogPackage> ordered = new ArrayList<>(packages);
            // Stable sort: packages of earlier repositories stay first among equal names.
            ordered.sort(Comparator.comparing(CatalogPackage::name));
            snapshot = new Snapshot(Map.copyOf(built), List.copyOf(statuses), List.copyOf(ordered),
                    new SearchIndex(ordered));
            return snapshot.statuses();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(CatalogErrorCode.INTERRUPTED, "refresh interrupted", e);
        } catch (ExecutionException e) {
            throw new CatalogException(CatalogErrorCode.IO, "refresh failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(RepositoryStatus status, RepositorySource source, List<CatalogPackage> packages) {
    }

    private Outcome loadOne(RepositoryDefinition definition, boolean network) {
        RepositorySource source;
        try {
            source = sources.create(definition);
        } catch (CatalogException e) {
            LOG.warn("Repository {} is misconfigured: {}", definition.name(), e.getMessage());
            return new Outcome(new RepositoryStatus(definition.name(), RepositoryStatus.State.FAILED, Optional.empty(), 0,
                    Optional.of(e)), null, List.of());
        }
        CatalogException failure;
        try {
            LoadedRepository loaded = source.load(network);
            RepositoryStatus.State state = loaded.fromCache() ? RepositoryStatus.State.CACHED
                    : RepositoryStatus.State.FRESH;
            return new Outcome(new RepositoryStatus(definition.name(), state, Optional.of(loaded.fetchedAt()),
                    loaded.packages().size(), Optional.empty(), loaded.skipped()), source, loaded.packages());
        } catch (CatalogException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new CatalogException(CatalogErrorCode.IO, "unexpected failure: " + e, e, definition.name());
        }
        LOG.warn("Repository {} could not be loaded: {}", definition.name(), failure.getMessage());
        if (network) {
            try {
                LoadedRepository cached = source.load(false);
                return new Outcome(new RepositoryStatus(definition.name(), RepositoryStatus.State.CACHED,
                        Optional.of(cached.fetchedAt()), cached.packages().size(), Optional.of(failure),
                        cached.skipped()), source, cached.packages());
            } catch (RuntimeException cacheFailure) {
                LOG.debug("No usable cache for {}: {}", definition.name(), cacheFailure.getMessage());
            }
        }
        return new Outcome(new RepositoryStatus(definition.name(), RepositoryStatus.State.FAILED, Optional.empty(), 0,
                Optional.of(failure)), source, List.of());
    }

    @Override
    public List<CatalogPackage> packages() {
        return snapshot.packages();
    }

    @Override
    public List<CatalogPackage> search(String query, SearchFilter filter) {
        return snapshot.search().search(query, filter == null ? SearchFilter.ALL : filter);
    }

    @Override
    public boolean satisfies(String version, String range) {
        return Versions.satisfies(version, range);
    }

    @Override
    public List<String> versions(String packageName) {
        return find(Optional.empty(), packageName).versions();
    }

    @Override
    public List<org.iepmp.catalog.api.VersionFacts> versionFacts(Optional<String> repository, String packageName) {
        CatalogPackage pkg = find(repository, packageName);
        return source(pkg.repository()).versionFacts(pkg);
    }

    @Override
    public UpgradeCandidates upgradeCandidates(String packageName, String installedVersion) {
        return Versions.upgradeCandidates(find(Optional.empty(), packageName).versions(), installedVersion);
    }

    @Override
    public UpgradeCandidates upgradeCandidates(Optional<String> repository, String packageName, String installedVersion) {
        return Versions.upgradeCandidates(find(repository, packageName).versions(), installedVersion);
    }

    @Override
    public ResolvedVersion resolve(Optional<String> repository, String packageName, Optional<String> version) {
        CatalogPackage pkg = find(repository, packageName);
        String chosen = version.orElse(pkg.latestVersion());
        if (chosen == null || !pkg.versions().contains(chosen)) {
            throw new CatalogException(CatalogErrorCode.VERSION_NOT_FOUND,
                    packageName + " has no version " + chosen + " in " + pkg.repository(), packageName,
                    String.valueOf(chosen));
        }
        return source(pkg.repository()).resolve(packageName, chosen);
    }

    @Override
    public InstallPlan plan(Optional<String> repository, String packageName, Optional<String> version) {
        ResolvedVersion root = resolve(repository, packageName, version);
        DependencyResolver resolver = new DependencyResolver(new DependencyResolver.PackageLookup() {
            @Override
            public Optional<DependencyResolver.Candidates> candidates(String name, String preferredRepository) {
                List<CatalogPackage> all = snapshot.packages().stream().filter(p -> p.name().equals(name)).toList();
                Optional<CatalogPackage> pick = all.stream().filter(p -> p.repository().equals(preferredRepository))
                        .findFirst().or(() -> all.stream().findFirst());
                return pick.map(p -> new DependencyResolver.Candidates(p.repository(), p.versions()));
            }

            @Override
            public ResolvedVersion resolve(String repositoryName, String name, String chosenVersion) {
                return source(repositoryName).resolve(name, chosenVersion);
            }
        });
        return resolver.plan(root);
    }

    @Override
    public VerifiedArchive fetchChartArchive(ResolvedVersion version) {
        return source(version.repository()).fetchChartArchive(version);
    }

    @Override
    public ChartFiles chartFiles(Path archive) {
        return archives.chartFiles(archive);
    }

    @Override
    public List<ValueDefinition> valueDefinitions(ChartFiles chart, String chartName) {
        return chart.valuesSchemaJson() == null ? List.of() : valuesSchema.toForm(chart.valuesSchemaJson(), chartName);
    }

    @Override
    public List<ValueProblem> validateValues(ChartFiles chart, Map<String, Object> values) {
        return chart.valuesSchemaJson() == null ? List.of() : valuesSchema.validate(chart.valuesSchemaJson(), values);
    }

    @Override
    public List<String> manifests(ResolvedVersion version) {
        return source(version.repository()).manifests(version);
    }


    private CatalogPackage find(Optional<String> repository, String packageName) {
        Snapshot current = snapshot;
        if (current.statuses().isEmpty() && current.packages().isEmpty()) {
            throw new CatalogException(CatalogErrorCode.NOT_LOADED, "catalog not loaded yet", packageName);
        }
        Map<String, Integer> order = new HashMap<>();
        List<RepositoryStatus> statuses = current.statuses();
        for (int i = 0; i < statuses.size(); i++) {
            order.put(statuses.get(i).repository(), i);
        }
        return current.packages().stream()
                .filter(p -> p.name().equals(packageName))
                .filter(p -> repository.isEmpty() || repository.get().equals(p.repository()))
                .min(Comparator.comparingInt(p -> order.getOrDefault(p.repository(), Integer.MAX_VALUE)))
                .orElseThrow(() -> new CatalogException(CatalogErrorCode.PACKAGE_NOT_FOUND,
                        packageName + " not found" + repository.map(r -> " in " + r).orElse(""), packageName,
                        repository.orElse("*")));
    }

    private RepositorySource source(String repository) {
        RepositorySource source = snapshot.sources().get(repository);
        if (source == null) {
            throw new CatalogException(CatalogErrorCode.REPOSITORY_NOT_FOUND, "repository " + repository + " not loaded",
                    repository);
        }
        return source;
    }
}
