package org.iepmp.catalog.helm;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.ChartReference;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.Transport;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.cache.IndexCache;
import org.iepmp.catalog.cache.Loaded;
import org.iepmp.catalog.cache.RepositoryFiles;
import org.iepmp.catalog.source.ArchiveDownloader;
import org.iepmp.catalog.source.LoadedRepository;
import org.iepmp.catalog.source.RepositorySource;
import org.iepmp.catalog.version.Versions;

/**
 * A Helm chart repository over HTTP(S) or in a directory. Chart URLs may be relative or
 * absolute; the archive of an absolute URL that cannot be reached is looked for beside the index
 * (a mirrored repository) and accepted only with the index's digest.
 */
public final class HelmSource implements RepositorySource {

    static final String INDEX = "index.yaml";

    private final RepositoryFiles files;
    private final HelmIndexParser parser;
    private final ArchiveDownloader downloader;
    private final IndexCache cache;
    private volatile HelmIndex index;

    public HelmSource(RepositoryFiles files, HelmIndexParser parser, ArchiveDownloader downloader, IndexCache cache) {
        this.files = files;
        this.parser = parser;
        this.downloader = downloader;
        this.cache = cache;
    }

    @Override
    public RepositoryDefinition definition() {
        return files.repository();
    }

    @Override
    public LoadedRepository load(boolean network) {
        HelmIndexSnapshot snapshot = new HelmIndexSnapshot(cache.derivedFile(name(), INDEX, ".snapshot"));
        Loaded<HelmIndex> loaded = null;
        if (!network) {
            Optional<Loaded<java.nio.file.Path>> copy = files.localCopy(INDEX);
            if (copy.isPresent()) {
                Optional<HelmIndex> unchanged = snapshot.readIfUnchanged(copy.get().value());
                if (unchanged.isPresent()) {
                    loaded = new Loaded<>(unchanged.get(), copy.get().fetchedAt(), copy.get().fromCache());
                }
            }
        }
        if (loaded == null) {
            Optional<String> before = files.localCopy(INDEX).flatMap(c -> HelmIndexSnapshot.keyOf(c.value()));
            loaded = files.load(INDEX, network,
                    bytes -> snapshot.readOrParse(bytes, () -> parser.parse(bytes, name() + "/" + INDEX)));
            Optional<String> after = files.localCopy(INDEX).flatMap(c -> HelmIndexSnapshot.keyOf(c.value()));
            // For an HTTP repository the cached copy is (re)written by the load itself: its new key counts.
            Optional<String> key = definition().transport() == Transport.DIR
                    ? before.filter(b -> after.isPresent() && b.equals(after.get())) : after;
            key.ifPresent(snapshot::remember);
        }
        index = loaded.value();
        List<CatalogPackage> packages = new ArrayList<>();
        for (Map.Entry<String, List<HelmIndex.ChartEntry>> chart : loaded.value().charts().entrySet()) {
            List<HelmIndex.ChartEntry> versions = chart.getValue();
            if (versions.isEmpty()) {
                continue;
            }
            List<String> names = versions.stream().map(HelmIndex.ChartEntry::version).toList();
            String latest = versions.stream().map(HelmIndex.ChartEntry::version).filter(Versions::isStable).findFirst()
                    .orElse(names.get(0));
            HelmIndex.ChartEntry newest = versions.get(0);
            Set<String> keywords = new LinkedHashSet<>(newest.keywords());
            packages.add(new CatalogPackage(chart.getKey(), name(), definition().origin(), RepositoryType.HELM,
                    newest.description(), List.copyOf(keywords), newest.icon(), null, names, latest));
        }
        return new LoadedRepository(packages, loaded.fetchedAt(), loaded.fromCache(), loaded.value().skipped());
    }

    @Override
    public ResolvedVersion resolve(String packageName, String version) {
        HelmIndex.ChartEntry entry = entry(packageName, version);
        ChartReference chart = new ChartReference(definition().location(), entry.name(), entry.version(), Map.of(),
                entry.urls(), entry.digest());
        return new ResolvedVersion(entry.name(), entry.version(), name(), definition().origin(), entry.description(),
                chart, List.of(), List.of(), List.of(), List.of(), null, null, List.of(), entry.icon());
    }

    @Override
    public VerifiedArchive fetchChartArchive(ResolvedVersion version) {
        ChartReference chart = version.chart();
        if (chart == null) {
            throw new CatalogException(CatalogErrorCode.NO_CHART, version.name() + " has no chart", version.name());
        }
        HelmIndex.ChartEntry entry = entry(chart.chartName(), chart.chartVersion());
        return downloader.fetch(files::download, candidates(entry.urls(), entry.name() + " " + entry.version()), entry.digest(), cache.downloadsDir(name()));
    }

    /**
     * The places to fetch an archive from, in order. For a directory repository, the copy beside
     * the index comes first: it is a mirror, often on a site without internet. A URL leading outside the
     * repository's origin is refused, naming {@code entry}.
     */
    List<URI> candidates(List<String> urls, String entry) {
        URI base = files.baseUri();
        List<URI> result = new ArrayList<>();
        List<URI> beside = new ArrayList<>();
        for (String url : urls) {
            URI resolved = files.checkReference(files.resolve(base, url), entry, "urls");
            result.add(resolved);
            String path = resolved.getPath();
            if (resolved.isAbsolute() && path != null && !path.isEmpty() && !path.endsWith("/")) {
                String fileName = path.substring(path.lastIndexOf('/') + 1);
                URI local = base.resolve(RepositoryFiles.pathUri(fileName));
                if (!local.equals(resolved)) {
                    beside.add(local);
                }
            }
        }
        if (definition().transport() == Transport.DIR) {
            beside.addAll(result);
            return List.copyOf(new LinkedHashSet<>(beside));
        }
        result.addAll(beside);
        return List.copyOf(new LinkedHashSet<>(result));
    }

    @Override
    public List<String> manifests(ResolvedVersion version) {
        return List.of();
    }

    /** The parsed index, when loaded. */
    public Optional<HelmIndex> index() {
        return Optional.ofNullable(index);
    }

    @Override
    public List<org.iepmp.catalog.api.VersionFacts> versionFacts(CatalogPackage pkg) {
        HelmIndex current = index;
        if (current == null) {
            load(false);
            current = index;
        }
        return current.charts().getOrDefault(pkg.name(), List.of()).stream()
                .map(e -> new org.iepmp.catalog.api.VersionFacts(e.version(), Optional.ofNullable(e.created()),
                        e.digest() != null ? org.iepmp.catalog.api.VersionFacts.Integrity.DIGEST_RECORDED
                                : org.iepmp.catalog.api.VersionFacts.Integrity.DIGEST_MISSING, e.deprecated()))
                .toList();
    }

    private HelmIndex.ChartEntry entry(String chartName, String version) {
        HelmIndex current = index;
        if (current == null) {
            load(false);
            current = index;
        }
        List<HelmIndex.ChartEntry> versions = current.charts().get(chartName);
        if (versions == null) {
            throw new CatalogException(CatalogErrorCode.PACKAGE_NOT_FOUND, chartName + " not in " + name(), chartName,
                    name());
        }
        return versions.stream().filter(e -> e.version().equals(version)).findFirst()
                .orElseThrow(() -> new CatalogException(CatalogErrorCode.VERSION_NOT_FOUND,
                        chartName + " " + version + " not in " + name(), chartName, version));
    }

    private String name() {
        return definition().name();
    }
}
