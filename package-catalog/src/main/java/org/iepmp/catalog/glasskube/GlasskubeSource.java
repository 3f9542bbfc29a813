package org.iepmp.catalog.glasskube;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.SkippedEntry;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.cache.Loaded;
import org.iepmp.catalog.cache.RepositoryFiles;
import org.iepmp.catalog.cache.YamlDocuments;
import org.iepmp.catalog.source.LoadedRepository;
import org.iepmp.catalog.source.RepositorySource;
import org.iepmp.catalog.version.Versions;

/**
 * A Glasskube package repository over HTTP(S) or in a directory. A refresh reads
 * {@code index.yaml} and every {@code versions.yaml} (so the catalog works offline afterwards);
 * {@code package.yaml} of a version is read when first resolved and then served from the cache,
 * since a published revision does not change (a change gets a new {@code +N} revision).
 */
public final class GlasskubeSource implements RepositorySource {

    private final RepositoryFiles files;
    private final GlasskubeFormat format;
    private final YamlDocuments yaml;
    private final CatalogSettings settings;
    private final Function<ResolvedVersion, VerifiedArchive> chartFetcher;
    /**
     * Failures of one package's own files that leave just that package out: the rest of the repository stays usable.
     * A network failure is not among them (the whole refresh falls back to the cache then).
     */
    private static final java.util.Set<org.iepmp.errors.ErrorCode> CONTENT_FAILURES = java.util.Set.of(
            CatalogErrorCode.MALFORMED_YAML, CatalogErrorCode.NOT_YAML, CatalogErrorCode.MISSING_FIELD,
            CatalogErrorCode.INVALID_FIELD, CatalogErrorCode.INVALID_VERSION, CatalogErrorCode.NOT_FOUND,
            CatalogErrorCode.TOO_LARGE, CatalogErrorCode.NOT_LOADED);

    private final ConcurrentMap<String, ResolvedVersion> resolved = new ConcurrentHashMap<>();

    /**
     * @param chartFetcher fetches the chart a package names (from its Helm repository); the
     *     catalog supplies it because that repository is a different source
     */
    public GlasskubeSource(RepositoryFiles files, GlasskubeFormat format, YamlDocuments yaml, CatalogSettings settings,
            Function<ResolvedVersion, VerifiedArchive> chartFetcher) {
        this.files = files;
        this.format = format;
        this.yaml = yaml;
        this.settings = settings;
        this.chartFetcher = chartFetcher;
    }

    @Override
    public RepositoryDefinition definition() {
        return files.repository();
    }

    @Override
    public LoadedRepository load(boolean network) {
        List<Runnable> pendingWrites = java.util.Collections.synchronizedList(new ArrayList<>());
        String indexFile = name() + "/index.yaml";
        Loaded<GlasskubeFormat.Index> index = files.load("index.yaml", network,
                bytes -> format.parseIndex(bytes, indexFile), pendingWrites);
        List<GlasskubeFormat.IndexEntry> entries = index.value().entries();
        List<SkippedEntry> skipped = new ArrayList<>(index.value().skipped());
        // One versions.yaml per package: fetched a few at a time, since a remote repository has
        // dozens of packages and each request pays the network's round trip.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(settings.parallelism(), entries.size())), runnable -> {
                    Thread thread = new Thread(runnable, "catalog-glasskube-" + name());
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<java.util.concurrent.Future<Loaded<GlasskubeFormat.VersionList>>> futures = new ArrayList<>();
            for (GlasskubeFormat.IndexEntry entry : entries) {
                String path = entry.name() + "/versions.yaml";
                futures.add(pool.submit(() -> files.load(path, network,
                        bytes -> format.parseVersions(bytes, name() + "/" + path, entry.name()), pendingWrites)));
            }
            Instant oldest = index.fetchedAt();
            boolean fromCache = index.fromCache();
            List<CatalogPackage> packages = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                GlasskubeFormat.IndexEntry entry = entries.get(i);
                Loaded<GlasskubeFormat.VersionList> versions;
                try {
                    versions = await(futures.get(i));
                } catch (CatalogException e) {
                    if (!CONTENT_FAILURES.contains(e.code())) {
                        throw e;
                    }
                    skipped.add(SkippedEntry.of(name() + "/" + entry.name() + "/versions.yaml", entry.name(), "",
                            "versions", e));
                    continue;
                }
                oldest = versions.fetchedAt().isBefore(oldest) ? versions.fetchedAt() : oldest;
                fromCache |= versions.fromCache();
                skipped.addAll(versions.value().skipped());
                packages.add(toPackage(entry, versions.value()));
            }
            new ArrayList<>(pendingWrites).forEach(Runnable::run);
            return new LoadedRepository(packages, oldest, fromCache, skipped);
        } finally {
            pool.shutdownNow();
        }
    }

    private CatalogPackage toPackage(GlasskubeFormat.IndexEntry entry, GlasskubeFormat.VersionList versions) {
        List<String> list = versions.versions();
        String latest = firstNonNull(versions.latestVersion(), entry.latestVersion(), Versions.latest(list).orElse(null));
        return new CatalogPackage(entry.name(), name(), definition().origin(), RepositoryType.GLASSKUBE,
                entry.shortDescription() == null ? "" : entry.shortDescription().trim(), List.of(), entry.iconUrl(),
                entry.scope(), list, latest);
    }

    private static <T> T await(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(CatalogErrorCode.INTERRUPTED, "refresh interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof CatalogException c) {
                throw c;
            }
            throw new CatalogException(CatalogErrorCode.IO, "unexpected failure: " + e.getCause(), e.getCause(), "");
        }
    }

    @Override
    public ResolvedVersion resolve(String packageName, String version) {
        GlasskubeFormat.packageName(packageName, name());
        String key = packageName + "/" + version;
        ResolvedVersion known = resolved.get(key);
        if (known != null) {
            return known;
        }
        String path = packageName + "/" + version + "/package.yaml";
        URI versionBase = files.baseUri().resolve(RepositoryFiles.pathUri(packageName + "/" + version + "/"));
        Function<byte[], ResolvedVersion> parse = bytes -> format.parsePackage(bytes, name() + "/" + path, version,
                name(), definition().origin(), versionBase);
        Loaded<ResolvedVersion> loaded;
        try {
            loaded = files.load(path, false, parse);
        } catch (CatalogException e) {
            if (e.code() != CatalogErrorCode.NOT_LOADED) {
                throw e;
            }
            loaded = files.load(path, true, parse);
        }
        ResolvedVersion result = loaded.value();
        if (!result.name().equals(packageName)) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD,
                    path + " names package " + result.name() + ", expected " + packageName, path, "name");
        }
        resolved.put(key, result);
        return result;
    }

    @Override
    public VerifiedArchive fetchChartArchive(ResolvedVersion version) {
        if (version.chart() == null) {
            throw new CatalogException(CatalogErrorCode.NO_CHART, version.name() + " " + version.version()
                    + " installs manifests only", version.name());
        }
        return chartFetcher.apply(version);
    }

    /**
     * Manifest texts. An absolute URL that cannot be reached is looked for beside
     * {@code package.yaml} under the same file name (a mirrored repository).
     */
    /** The format records no release dates; the check depends on the content (see {@code Integrity}). */
    @Override
    public List<org.iepmp.catalog.api.VersionFacts> versionFacts(org.iepmp.catalog.api.CatalogPackage pkg) {
        return pkg.versions().stream().map(v -> new org.iepmp.catalog.api.VersionFacts(v, java.util.Optional.empty(),
                org.iepmp.catalog.api.VersionFacts.Integrity.CHART_REPOSITORY_DIGEST)).toList();
    }

    @Override
    public List<String> manifests(ResolvedVersion version) {
        URI versionBase = files.baseUri().resolve(RepositoryFiles.pathUri(version.name() + "/" + version.version() + "/"));
        List<String> texts = new ArrayList<>();
        List<String> urls = version.manifestUrls();
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            URI target = files.checkReference(URI.create(url), version.name() + " " + version.version(),
                    "manifests[" + i + "].url");
            byte[] bytes;
            try {
                bytes = files.readAny(target, settings.maxIndexBytes());
            } catch (CatalogException e) {
                URI beside = besideCopy(versionBase, target);
                boolean retry = e.code() == CatalogErrorCode.UNREACHABLE || e.code() == CatalogErrorCode.TIMEOUT
                        || e.code() == CatalogErrorCode.NOT_FOUND;
                if (!retry || beside == null) {
                    throw e;
                }
                bytes = files.readAny(beside, settings.maxIndexBytes());
            }
            texts.add(checkedManifest(bytes, url));
        }
        return texts;
    }

    private static URI besideCopy(URI versionBase, URI target) {
        String path = target.getPath();
        if (path == null || path.endsWith("/")) {
            return null;
        }
        URI beside = versionBase.resolve(RepositoryFiles.pathUri(path.substring(path.lastIndexOf('/') + 1)));
        return beside.equals(target) ? null : beside;
    }

    /** Manifests are multi-document YAML; each document must parse (an HTML page must not pass). */
    private String checkedManifest(byte[] bytes, String url) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String document : text.split("(?m)^---\\s*$")) {
            if (!document.isBlank() && !document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                yaml.parseMapping(document.getBytes(StandardCharsets.UTF_8), url);
            }
        }
        return text;
    }

    private String name() {
        return definition().name();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
