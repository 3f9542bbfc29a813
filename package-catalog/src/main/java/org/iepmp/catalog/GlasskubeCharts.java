package org.iepmp.catalog;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.ChartReference;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.http.OriginRules;
import org.iepmp.catalog.source.RepositorySource;

/**
 * Fetches the chart a Glasskube package names, from the chart repository or registry it names, within the
 * origin rules of the package's own repository.
 */
final class GlasskubeCharts {

    private final Supplier<Map<String, RepositorySource>> configured;
    private final Supplier<SourceFactory> factory;
    private final Map<String, RepositorySource> adHocChartSources = new ConcurrentHashMap<>();

    /**
     * @param configured the sources of the configured repositories, as last loaded
     * @param factory builds a source for a chart repository nobody configured
     */
    GlasskubeCharts(Supplier<Map<String, RepositorySource>> configured, Supplier<SourceFactory> factory) {
        this.configured = configured;
        this.factory = factory;
    }

    /**
     * The chart of a Glasskube package lives in a Helm repository or, for {@code oci://} URLs, an
     * OCI registry: a configured one at the same address (its credentials, CA and scheme apply;
     * the MicroK8s registry is configured as plain {@code http://host:32000}), else one reached ad
     * hoc without credentials.
     */
    VerifiedArchive fetch(ResolvedVersion version) {
        ChartReference chart = version.chart();
        checkChartOrigin(version);
        boolean oci = chart.repositoryUrl().trim().toLowerCase(Locale.ROOT).startsWith("oci://");
        RepositoryType type = oci ? RepositoryType.OCI : RepositoryType.HELM;
        String address = address(chart.repositoryUrl());
        RepositorySource source = configured.get().values().stream()
                .filter(s -> s.definition().type() == type)
                .filter(s -> address(s.definition().location()).equals(address))
                .findFirst()
                .orElseGet(() -> adHocChartSources.computeIfAbsent(type + " " + address, key -> {
                    RepositoryDefinition definition = adHocDefinition(version, type);
                    RepositorySource adHoc = factory.get().createWithoutCredentials(definition);
                    if (!oci) {
                        loadNowOrFromCache(adHoc);
                    }
                    return adHoc;
                }));
        if (oci) {
            // A registry is asked for the tag directly: no listing needed (many registries forbid it).
            ResolvedVersion target = new ResolvedVersion(chart.chartName(), chart.chartVersion(),
                    source.definition().name(), version.origin(), "", chart, List.of(), List.of(), List.of(), List.of(),
                    null, null, List.of(), null);
            return source.fetchChartArchive(target);
        }
        return source.fetchChartArchive(source.resolve(chart.chartName(), chart.chartVersion()));
    }

    /**
     * The chart repository a Glasskube package names but nobody configured. A {@code file:} chart repository is read
     * only for a Glasskube repository that is itself a local directory (a USB stick or share carrying both): a
     * repository served over the network never makes the console read local files.
     */
    private RepositoryDefinition adHocDefinition(ResolvedVersion version, RepositoryType type) {
        String url = version.chart().repositoryUrl().trim();
        String name = "chart-" + shortHash(url);
        if (!url.toLowerCase(Locale.ROOT).startsWith("file:")) {
            return RepositoryDefinition.http(name, url, type, version.origin());
        }
        RepositorySource owner = configured.get().get(version.repository());
        if (type != RepositoryType.HELM || owner == null
                || owner.definition().transport() != org.iepmp.catalog.api.Transport.DIR) {
            throw new CatalogException(CatalogErrorCode.UNSUPPORTED, version.name() + " " + version.version()
                    + " names a local chart repository but comes from " + version.repository(), version.repository());
        }
        try {
            return RepositoryDefinition.directory(name, Path.of(java.net.URI.create(url)).toString(), type, version.origin());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new CatalogException(CatalogErrorCode.REPOSITORY_INVALID, "unreadable chart repository URL " + url, e,
                    version.repository());
        }
    }

    /**
     * The chart repository a package names is a reference of the package's own repository: one on the network
     * never leads to local files, other schemes or this machine (see {@link OriginRules}).
     */
    private void checkChartOrigin(ResolvedVersion version) {
        RepositorySource owner = configured.get().get(version.repository());
        if (owner == null) {
            return;
        }
        String location = owner.definition().location().trim().toLowerCase(Locale.ROOT);
        boolean network = owner.definition().transport() == org.iepmp.catalog.api.Transport.HTTP
                || location.startsWith("http://") || location.startsWith("https://");
        if (!network) {
            return;
        }
        String url = version.chart().repositoryUrl().trim().replaceFirst("(?i)^oci://", "https://");
        URI target;
        try {
            target = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, version.name() + " names an invalid chart URL",
                    e, version.name() + " " + version.version(), "helm.repositoryUrl");
        }
        URI origin = URI.create(owner.definition().location().trim());
        new OriginRules(origin).check(target, version.name() + " " + version.version(), "helm.repositoryUrl");
    }

    /**
     * The network first, the cache when it fails; when both fail, the network's reason is the one told: the cache's
     * "nothing cached" would name this source's internal name instead of the address the package gave.
     */
    private static void loadNowOrFromCache(RepositorySource adHoc) {
        try {
            adHoc.load(true);
        } catch (CatalogException network) {
            try {
                adHoc.load(false);
            } catch (CatalogException cached) {
                network.addSuppressed(cached);
                throw network;
            }
        }
    }

    /** Host, port and path of a repository URL, whatever its scheme, for matching. */
    private static String address(String url) {
        String u = normalize(url);
        int scheme = u.indexOf("://");
        return scheme < 0 ? u : u.substring(scheme + 3);
    }

    private static String normalize(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** A stable cache folder name for a chart repository URL that is not configured. */
    private static String shortHash(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
