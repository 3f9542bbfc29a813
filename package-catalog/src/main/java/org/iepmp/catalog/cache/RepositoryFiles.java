package org.iepmp.catalog.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.Transport;
import org.iepmp.catalog.http.HttpResponseData;
import org.iepmp.catalog.http.RepositoryHttp;

/**
 * Reads the files of one repository, whatever its transport: a directory is read in place; an
 * HTTP repository goes through the disk cache with conditional requests. Every file is parsed
 * (validated) before it is cached.
 */
public final class RepositoryFiles {

    private final RepositoryDefinition repository;
    private final RepositoryHttp http;
    private final IndexCache cache;
    private final CatalogSettings settings;
    private final Clock clock;
    private final Path baseDir;
    private final URI baseUri;

    public RepositoryFiles(RepositoryDefinition repository, RepositoryHttp http, IndexCache cache,
            CatalogSettings settings, Clock clock) {
        this.repository = repository;
        this.http = http;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
        if (repository.transport() == Transport.HTTP) {
            this.baseDir = null;
            this.baseUri = withTrailingSlash(repository.location());
        } else {
            this.baseDir = Path.of(repository.location()).toAbsolutePath().normalize();
            this.baseUri = baseDir.toUri();
        }
    }

    /** Where this repository's files are reached when they are named relatively. */
    public URI baseUri() {
        return baseUri;
    }

    public RepositoryDefinition repository() {
        return repository;
    }

    /**
     * Reads and parses {@code relativePath}. With {@code network} an HTTP repository is asked
     * (conditionally); without it only the cache answers ({@link CatalogErrorCode#NOT_LOADED} when
     * empty). A parse failure throws and leaves the cache as it was.
     */
    public <T> Loaded<T> load(String relativePath, boolean network, Function<byte[], T> parse) {
        List<Runnable> pending = new ArrayList<>();
        Loaded<T> loaded = load(relativePath, network, parse, pending);
        pending.forEach(Runnable::run);
        return loaded;
    }

    /**
     * Like {@link #load(String, boolean, Function)}, but the cache writes are added to
     * {@code pendingWrites} instead of done: a repository made of several files commits them
     * only when all of them parsed, so a half-valid repository leaves the cache as it was.
     */
    public <T> Loaded<T> load(String relativePath, boolean network, Function<byte[], T> parse,
            List<Runnable> pendingWrites) {
        if (baseDir != null) {
            requireFolder();
            Path file = resolveLocal(relativePath);
            byte[] bytes = readLocal(file, settings.maxIndexBytes());
            return new Loaded<>(parse.apply(bytes), modified(file), false);
        }
        Optional<IndexCache.Entry> cached = cache.read(repository.name(), relativePath);
        if (!network) {
            IndexCache.Entry entry = cached.orElseThrow(() -> new CatalogException(CatalogErrorCode.NOT_LOADED,
                    relativePath + " of " + repository.name() + " is not cached", repository.name()));
            return new Loaded<>(parse.apply(entry.bytes()), entry.fetchedAt(), true);
        }
        URI uri = baseUri.resolve(relativePathUri(relativePath));
        HttpResponseData response = http.get(uri, cached.map(IndexCache.Entry::etag).orElse(null),
                cached.map(IndexCache.Entry::lastModified).orElse(null), settings.maxIndexBytes());
        Instant now = clock.instant();
        if (response.notModified() && cached.isPresent()) {
            T value = parse.apply(cached.get().bytes());
            pendingWrites.add(() -> cache.touch(cached.get(), now));
            return new Loaded<>(value, now, false);
        }
        T value = parse.apply(response.body());
        pendingWrites.add(() -> cache.store(repository.name(), relativePath, response.body(), response.etag(),
                response.lastModified(), now));
        return new Loaded<>(value, now, false);
    }

    /**
     * The local copy of a file without reading it: the file itself in a directory repository,
     * the cached copy of an HTTP one; empty when there is none.
     */
    public Optional<Loaded<Path>> localCopy(String relativePath) {
        if (baseDir != null) {
            Path file = resolveLocal(relativePath);
            return Files.isRegularFile(file) ? Optional.of(new Loaded<>(file, modified(file), false)) : Optional.empty();
        }
        return cache.read(repository.name(), relativePath).map(e -> new Loaded<>(e.file(), e.fetchedAt(), true));
    }

    /**
     * Refuses a reference this repository makes unless it stays within its origin (see {@link
     * org.iepmp.catalog.http.OriginRules}): a network repository leads only to http(s) and not to this machine; a
     * folder repository only to files inside its folder (links followed). A folder repository's http(s) reference is
     * let through to fail as unreachable, so a mirror's copy beside the index is used instead.
     *
     * @param entry the package and version (or file) that names it
     * @param field the field that holds it
     */
    public URI checkReference(URI target, String entry, String field) {
        if (baseDir == null) {
            return http.rules().check(target, entry, field);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            return target;
        }
        if (!scheme.equals("file") || !insideBase(target)) {
            throw new CatalogException(CatalogErrorCode.ORIGIN_REFUSED, entry + " field " + field + " leads outside "
                    + baseDir + ": " + target, entry, field, target.toString());
        }
        return target;
    }

    private boolean insideBase(URI fileUri) {
        try {
            Path file = Path.of(fileUri).toAbsolutePath().normalize();
            if (!file.startsWith(baseDir)) {
                return false;
            }
            // A link inside the folder may point anywhere on the disk: the real place must be inside too.
            return !Files.exists(file) || file.toRealPath().startsWith(baseDir.toRealPath());
        } catch (IllegalArgumentException | IOException | java.nio.file.FileSystemNotFoundException e) {
            return false;
        }
    }

    /** Reads a file named relatively to {@code base} or absolutely, without caching (manifests). */
    public byte[] readAny(URI target, long maxBytes) {
        checkReference(target, target.toString(), "url");
        if ("file".equalsIgnoreCase(target.getScheme())) {
            return readLocal(checkInsideBase(Path.of(target)), maxBytes);
        }
        requireHttp(target);
        return http.get(target, null, null, maxBytes).body();
    }

    /** Streams a file (chart archive) into {@code sink}. */
    public void download(URI target, long maxBytes, OutputStream sink) {
        checkReference(target, target.toString(), "url");
        if ("file".equalsIgnoreCase(target.getScheme())) {
            Path file = checkInsideBase(Path.of(target));
            try {
                if (Files.size(file) > maxBytes) {
                    throw new CatalogException(CatalogErrorCode.TOO_LARGE, file + " exceeds " + maxBytes, file.toString(),
                            maxBytes);
                }
                Files.copy(file, sink);
            } catch (NoSuchFileException e) {
                throw new CatalogException(CatalogErrorCode.NOT_FOUND, "no file " + file, e, file.toString(), 404);
            } catch (IOException e) {
                throw new CatalogException(CatalogErrorCode.IO, "cannot read " + file, e, file.toString());
            }
            return;
        }
        requireHttp(target);
        http.download(target, maxBytes, sink);
    }

    private void requireHttp(URI target) {
        String scheme = target.getScheme();
        if (http == null) {
            // A directory repository may still name absolute URLs; it gets a client without credentials.
            throw new CatalogException(CatalogErrorCode.UNREACHABLE, "no HTTP access for " + repository.name(),
                    target.toString());
        }
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new CatalogException(CatalogErrorCode.UNSUPPORTED, "unsupported URL scheme " + scheme, String.valueOf(scheme));
        }
    }

    /** Resolves a possibly relative URL of an index against the repository base. */
    public URI resolve(URI base, String url) {
        try {
            URI parsed = new URI(url.replace(" ", "%20"));
            return parsed.isAbsolute() ? parsed : base.resolve(parsed);
        } catch (URISyntaxException e) {
            throw new CatalogException(CatalogErrorCode.REPOSITORY_INVALID, "invalid URL " + url, e, url);
        }
    }

    /** A folder repository whose location is a file is told so, not blamed on the disk. */
    private void requireFolder() {
        if (Files.exists(baseDir) && !Files.isDirectory(baseDir)) {
            throw new CatalogException(CatalogErrorCode.NOT_A_FOLDER, baseDir + " is a file, not a folder",
                    baseDir.toString());
        }
    }

    private Path resolveLocal(String relativePath) {
        return checkInsideBase(baseDir.resolve(relativePath));
    }

    private Path checkInsideBase(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        if (baseDir != null && !normalized.startsWith(baseDir)) {
            throw new CatalogException(CatalogErrorCode.REPOSITORY_INVALID, normalized + " lies outside " + baseDir,
                    normalized.toString());
        }
        return normalized;
    }

    private static byte[] readLocal(Path file, long maxBytes) {
        try {
            if (Files.size(file) > maxBytes) {
                throw new CatalogException(CatalogErrorCode.TOO_LARGE, file + " exceeds " + maxBytes, file.toString(),
                        maxBytes);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CatalogException(CatalogErrorCode.NOT_FOUND, "no file " + file, e, file.toString(), 404);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.IO, "cannot read " + file, e, file.toString());
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** A relative URI of a plain path, percent-encoded where needed. */
    public static URI pathUri(String relativePath) {
        return relativePathUri(relativePath);
    }

    private static URI relativePathUri(String relativePath) {
        try {
            return new URI(null, null, relativePath, null);
        } catch (URISyntaxException e) {
            throw new CatalogException(CatalogErrorCode.REPOSITORY_INVALID, "invalid path " + relativePath, e, relativePath);
        }
    }

    private static URI withTrailingSlash(String location) {
        try {
            URI uri = new URI(location.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(location, "not an absolute http(s) URL");
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!path.endsWith("/")) {
                path = path + "/";
            }
            return new URI(uri.getScheme() + "://" + uri.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            throw new CatalogException(CatalogErrorCode.REPOSITORY_INVALID, "invalid URL " + location, e, location);
        }
    }
}
