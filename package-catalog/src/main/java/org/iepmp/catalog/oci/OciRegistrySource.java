package org.iepmp.catalog.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.ChartReference;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.cache.IndexCache;
import org.iepmp.catalog.http.RepositoryHttp;
import org.iepmp.catalog.source.ArchiveDownloader;
import org.iepmp.catalog.source.LoadedRepository;
import org.iepmp.catalog.source.RepositorySource;
import org.iepmp.catalog.version.Versions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helm charts in an OCI registry (Harbor, Distr, registry:2, the MicroK8s registry addon). The
 * location names a namespace ({@code oci://host:port/charts}; {@code http://} for a plain-HTTP
 * registry such as MicroK8s' :32000). Charts are the namespace's repositories from
 * {@code /v2/_catalog}, versions their semver tags ({@code _} standing for {@code +}, as Helm
 * writes them). Registries answer 401 with a Bearer challenge; the token is fetched from the
 * realm it names (with the repository's basic credentials, if any) and reused per scope.
 */
public final class OciRegistrySource implements RepositorySource {

    private static final Logger LOG = LoggerFactory.getLogger(OciRegistrySource.class);
    private static final String CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    private static final String LISTING = "oci-listing.json";
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final RepositoryDefinition definition;
    private final RepositoryHttp http;
    private final IndexCache cache;
    private final CatalogSettings settings;
    private final Clock clock;
    private final ArchiveDownloader downloader;
    private final ObjectMapper json = new ObjectMapper();
    private final URI registry;
    private final String namespace;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private volatile Map<String, List<String>> listing = Map.of();

    public OciRegistrySource(RepositoryDefinition definition, RepositoryHttp http, IndexCache cache, CatalogSettings settings, Clock clock, ArchiveDownloader downloader) {
        this.definition = definition;
        this.http = http;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
        this.downloader = downloader;
        URI location = URI.create(definition.location().trim().replaceFirst("^oci://", "https://"));
        this.registry = URI.create(location.getScheme() + "://" + location.getRawAuthority() + "/");
        String path = location.getPath() == null ? "" : location.getPath().replaceAll("^/+|/+$", "");
        this.namespace = path;
    }

    @Override
    public RepositoryDefinition definition() {
        return definition;
    }

    @Override
    public LoadedRepository load(boolean network) {
        Map<String, List<String>> charts;
        Instant fetchedAt;
        boolean fromCache;
        if (network) {
            charts = fetchListing();
            fetchedAt = clock.instant();
            fromCache = false;
            try {
                cache.store(definition.name(), LISTING, json.writeValueAsBytes(charts), null, null, fetchedAt);
            } catch (IOException e) {
                throw new CatalogException(CatalogErrorCode.IO, "cannot cache listing of " + definition.name(), e,
                        definition.name());
            }
        } else {
            IndexCache.Entry entry = cache.read(definition.name(), LISTING).orElseThrow(() -> new CatalogException(
                    CatalogErrorCode.NOT_LOADED, definition.name() + " not cached", definition.name()));
            charts = parseListing(entry.bytes());
            fetchedAt = entry.fetchedAt();
            fromCache = true;
        }
        listing = charts;
        List<CatalogPackage> packages = new ArrayList<>();
        charts.forEach((chart, versions) -> packages.add(new CatalogPackage(chart, definition.name(),
                definition.origin(), RepositoryType.OCI, "", List.of(), null, null, versions,
                Versions.latest(versions).orElse(null))));
        return new LoadedRepository(packages, fetchedAt, fromCache);
    }

    private Map<String, List<String>> fetchListing() {
        JsonNode catalog = getJson("/v2/_catalog?n=10000", "registry:catalog:*");
        Map<String, List<String>> charts = new LinkedHashMap<>();
        String prefix = namespace.isEmpty() ? "" : namespace + "/";
        for (JsonNode repository : catalog.path("repositories")) {
            String name = repository.asText();
            if (!name.startsWith(prefix) || name.substring(prefix.length()).contains("/")) {
                continue;
            }
            String chart = name.substring(prefix.length());
            JsonNode tags = getJson("/v2/" + name + "/tags/list", "repository:" + name + ":pull");
            List<String> versions = new ArrayList<>();
            for (JsonNode tag : tags.path("tags")) {
                String version = tag.asText().replace('_', '+');
                if (Versions.isValid(version)) {
                    versions.add(version);
                } else {
                    LOG.debug("Skipping non-semver tag {} of {}", tag.asText(), name);
                }
            }
            if (!versions.isEmpty()) {
                charts.put(chart, Versions.newestFirst(versions));
            }
        }
        return charts;
    }

    private Map<String, List<String>> parseListing(byte[] bytes) {
        try {
            JsonNode root = json.readTree(bytes);
            Map<String, List<String>> charts = new LinkedHashMap<>();
            root.fields().forEachRemaining(e -> {
                List<String> versions = new ArrayList<>();
                e.getValue().forEach(v -> versions.add(v.asText()));
                charts.put(e.getKey(), versions);
            });
            return charts;
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.NOT_LOADED, "unreadable cached listing", e, definition.name());
        }
    }

    @Override
    public ResolvedVersion resolve(String packageName, String version) {
        List<String> versions = listing.get(packageName);
        if (versions == null) {
            load(false);
            versions = listing.get(packageName);
        }
        if (versions == null || !versions.contains(version)) {
            throw new CatalogException(CatalogErrorCode.VERSION_NOT_FOUND, packageName + " " + version + " not in "
                    + definition.name(), packageName, version);
        }
        ChartReference chart = new ChartReference(definition.location(), packageName, version, Map.of(), List.of(), null);
        return new ResolvedVersion(packageName, version, definition.name(), definition.origin(), "", chart, List.of(),
                List.of(), List.of(), List.of(), null, null, List.of(), null);
    }

    /** Reads the manifest of the tag, then downloads the chart layer and checks it against its digest. */
    @Override
    public VerifiedArchive fetchChartArchive(ResolvedVersion version) {
        String repository = (namespace.isEmpty() ? "" : namespace + "/") + version.name();
        String scope = "repository:" + repository + ":pull";
        String tag = version.version().replace('+', '_');
        JsonNode manifest = getJson("/v2/" + repository + "/manifests/" + tag, scope,
                Map.of("Accept", "application/vnd.oci.image.manifest.v1+json"));
        String digest = null;
        for (JsonNode layer : manifest.path("layers")) {
            if (CHART_LAYER.equals(layer.path("mediaType").asText())) {
                digest = layer.path("digest").asText();
            }
        }
        if (digest == null || !digest.startsWith("sha256:") || digest.length() != 71) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, repository + ":" + tag + " has no Helm chart layer",
                    repository + ":" + tag, "layers");
        }
        String hex = digest.substring("sha256:".length());
        URI blob = registry.resolve("/v2/" + repository + "/blobs/" + digest);
        ArchiveDownloader.Transfer withToken = (target, maxBytes, sink) -> {
            byte[] body = authorized(target, scope, Map.of(), maxBytes).body();
            try {
                sink.write(body);
            } catch (IOException e) {
                throw new CatalogException(CatalogErrorCode.IO, "cannot write blob", e, RepositoryHttp.safe(target));
            }
        };
        return downloader.fetch(withToken, List.of(blob), hex, cache.downloadsDir(definition.name()));
    }

    /** The format records no release dates; the check depends on the content (see {@code Integrity}). */
    @Override
    public List<org.iepmp.catalog.api.VersionFacts> versionFacts(org.iepmp.catalog.api.CatalogPackage pkg) {
        return pkg.versions().stream().map(v -> new org.iepmp.catalog.api.VersionFacts(v, java.util.Optional.empty(),
                org.iepmp.catalog.api.VersionFacts.Integrity.REGISTRY_DIGEST)).toList();
    }

    @Override
    public List<String> manifests(ResolvedVersion version) {
        return List.of();
    }

    private JsonNode getJson(String path, String scope) {
        return getJson(path, scope, Map.of());
    }

    private JsonNode getJson(String path, String scope, Map<String, String> headers) {
        URI uri = registry.resolve(path);
        RepositoryHttp.RawResponse response = authorized(uri, scope, headers, settings.maxIndexBytes());
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, RepositoryHttp.safe(uri) + " is not JSON", e,
                    RepositoryHttp.safe(uri), "body");
        }
    }

    /** GET with the Bearer challenge flow: try, and on a 401 challenge fetch a token and retry once. */
    private RepositoryHttp.RawResponse authorized(URI uri, String scope, Map<String, String> headers, long maxBytes) {
        Map<String, String> request = new LinkedHashMap<>(headers);
        String token = tokens.get(scope);
        if (token != null) {
            request.put("Authorization", "Bearer " + token);
        } else {
            basic().ifPresent(b -> request.put("Authorization", b));
        }
        RepositoryHttp.RawResponse response = http.raw(uri, request, maxBytes);
        if (response.status() == 401) {
            Optional<String> challenge = response.header("WWW-Authenticate");
            if (challenge.isPresent() && challenge.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = fetchToken(challenge.get(), scope);
                tokens.put(scope, token);
                request.put("Authorization", "Bearer " + token);
                response = http.raw(uri, request, maxBytes);
            }
        }
        check(response.status(), uri);
        return response;
    }

    private String fetchToken(String challenge, String defaultScope) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PARAM.matcher(challenge);
        while (matcher.find()) {
            params.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new CatalogException(CatalogErrorCode.UNAUTHORIZED, "Bearer challenge without realm",
                    RepositoryHttp.safe(registry), 401);
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        if (params.containsKey("service")) {
            url.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8)).append('&');
        }
        url.append("scope=").append(URLEncoder.encode(params.getOrDefault("scope", defaultScope), StandardCharsets.UTF_8));
        URI tokenUri = URI.create(url.toString());
        Map<String, String> headers = new LinkedHashMap<>();
        // The registry names its token service; basic credentials go there only over HTTPS or to the registry itself.
        if ("https".equalsIgnoreCase(tokenUri.getScheme()) || tokenUri.getHost().equalsIgnoreCase(registry.getHost())) {
            basic().ifPresent(b -> headers.put("Authorization", b));
        }
        RepositoryHttp.RawResponse response = http.raw(tokenUri, headers, 1024 * 1024);
        check(response.status(), tokenUri);
        try {
            JsonNode body = json.readTree(response.body());
            String token = body.hasNonNull("token") ? body.get("token").asText() : body.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new CatalogException(CatalogErrorCode.UNAUTHORIZED, "token service gave no token",
                        RepositoryHttp.safe(tokenUri), 401);
            }
            return token;
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.UNAUTHORIZED, "token service answer is not JSON", e,
                    RepositoryHttp.safe(tokenUri), 401);
        }
    }

    private Optional<String> basic() {
        return http.credentials().filter(c -> c.username() != null).map(OciRegistrySource::basicHeader);
    }

    private static String basicHeader(Credentials c) {
        String pair = c.username() + ":" + (c.password() == null ? "" : c.password());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private void check(int status, URI uri) {
        String where = RepositoryHttp.safe(uri);
        switch (status) {
            case 200 -> {
            }
            case 401 -> throw new CatalogException(CatalogErrorCode.UNAUTHORIZED, "401 from " + where, where, status);
            case 403 -> throw new CatalogException(CatalogErrorCode.FORBIDDEN, "403 from " + where, where, status);
            case 404 -> throw new CatalogException(CatalogErrorCode.NOT_FOUND, "404 from " + where, where, status);
            default -> throw new CatalogException(CatalogErrorCode.HTTP_ERROR, status + " from " + where, where, status);
        }
    }
}
