package org.iepmp.app.gui.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Package icons from the repository that lists the package, and only from there: an {@code http(s)} icon on the
 * repository's own host and port, or a {@code file:} icon inside a directory repository. An icon on any other host is
 * not fetched — a catalog row must not make the console contact a server the technician never configured. Fetched in
 * the background with a timeout and a size limit, without redirects and without the repository's credentials; kept
 * in memory (also "no icon", so a missing icon is asked once).
 */
public final class RepositoryIcons implements PackageIcons {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryIcons.class);
    private static final int CACHED = 512;
    static final double SIZE = 40;

    private final RepositoryStore store;
    private final TaskExecutor executor;
    private final Duration timeout;
    private final long maxBytes;
    private final Map<String, Optional<Image>> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Image>> eldest) {
            return size() > CACHED;
        }
    };
    private final Map<String, List<Consumer<Image>>> waiting = new HashMap<>();
    private HttpClient http;

    public RepositoryIcons(RepositoryStore store, TaskExecutor executor, Duration timeout, long maxBytes) {
        this.store = store;
        this.executor = executor;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** Called on the FX thread (cache and waiting lists are only touched there). */
    @Override
    public void request(CatalogPackage pkg, Consumer<Image> shown) {
        if (pkg.iconUrl() == null || pkg.iconUrl().isBlank()) {
            return;
        }
        String key = pkg.repository() + "\n" + pkg.iconUrl();
        Optional<Image> known = cache.get(key);
        if (known != null) {
            known.ifPresent(shown);
            return;
        }
        List<Consumer<Image>> queue = waiting.get(key);
        if (queue != null) {
            queue.add(shown);
            return;
        }
        queue = new ArrayList<>(List.of(shown));
        waiting.put(key, queue);
        executor.execute(BackgroundTask.of(context -> fetch(pkg).map(RepositoryIcons::decode).flatMap(i -> i))
                .onSuccess(image -> finish(key, image))
                .onFailure(error -> {
                    LOG.debug("No icon for {} of {}: {}", pkg.name(), pkg.repository(), error.toString());
                    finish(key, Optional.empty());
                }));
    }

    private void finish(String key, Optional<Image> image) {
        cache.put(key, image);
        List<Consumer<Image>> queue = waiting.remove(key);
        if (queue != null && image.isPresent()) {
            queue.forEach(c -> c.accept(image.get()));
        }
    }

    private static Optional<Image> decode(byte[] bytes) {
        Image image = new Image(new ByteArrayInputStream(bytes), SIZE, SIZE, true, true);
        return image.isError() ? Optional.empty() : Optional.of(image);
    }

    /** The icon's bytes when the repository itself serves it within the limits; slow (network, disk). */
    Optional<byte[]> fetch(CatalogPackage pkg) throws IOException, InterruptedException {
        Optional<RepositoryDefinition> repository = store.find(pkg.repository());
        if (repository.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> where = allowed(pkg.iconUrl(), repository.get());
        if (where.isEmpty()) {
            LOG.debug("Icon {} of {} is not served by repository {}: not fetched", pkg.iconUrl(), pkg.name(), pkg.repository());
            return Optional.empty();
        }
        URI uri = where.get();
        if ("file".equals(uri.getScheme())) {
            Path file = Path.of(uri);
            if (!Files.isRegularFile(file) || Files.size(file) > maxBytes) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        }
        HttpResponse<InputStream> response = client().send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    return Optional.empty();
                }
            }
            return Optional.of(out.toByteArray());
        }
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    /**
     * Where the icon is, when the repository itself serves it: relative URLs resolve against the repository; http(s)
     * only on the repository's scheme family, host and port; file only inside a directory repository.
     */
    static Optional<URI> allowed(String iconUrl, RepositoryDefinition repository) {
        try {
            URI base;
            if (repository.transport() == Transport.HTTP) {
                String location = repository.location().trim();
                base = URI.create(location.endsWith("/") ? location : location + "/");
            } else if (repository.transport() == Transport.DIR) {
                base = Path.of(repository.location()).toAbsolutePath().normalize().toUri();
            } else {
                return Optional.empty();
            }
            URI icon = base.resolve(URI.create(iconUrl.trim())).normalize();
            String scheme = icon.getScheme() == null ? "" : icon.getScheme().toLowerCase(Locale.ROOT);
            if (repository.transport() == Transport.HTTP) {
                boolean web = scheme.equals("http") || scheme.equals("https");
                return web && sameHost(base, icon) ? Optional.of(icon) : Optional.empty();
            }
            if (!scheme.equals("file")) {
                return Optional.empty();
            }
            Path root = Path.of(base).normalize();
            Path file = Path.of(icon).normalize();
            if (!file.startsWith(root)) {
                return Optional.empty();
            }
            // A link inside the repository may point anywhere on the disk: the real place must be inside too.
            if (Files.exists(file) && !file.toRealPath().startsWith(root.toRealPath())) {
                return Optional.empty();
            }
            return Optional.of(file.toUri());
        } catch (IllegalArgumentException | IOException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean sameHost(URI base, URI icon) {
        return base.getHost() != null && icon.getHost() != null
                && base.getHost().equalsIgnoreCase(icon.getHost()) && port(base) == port(icon);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
