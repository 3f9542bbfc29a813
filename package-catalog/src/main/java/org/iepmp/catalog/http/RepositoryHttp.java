package org.iepmp.catalog.http;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP(S) access to one repository: timeouts, size limits, conditional requests, and
 * credentials that are only ever sent to the repository's own origin (also across redirects,
 * which is why redirects are followed here and not by the client).
 */
public final class RepositoryHttp {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryHttp.class);
    private static final int MAX_REDIRECTS = 5;

    private final RepositoryDefinition repository;
    private final Optional<Credentials> credentials;
    private final CatalogSettings settings;
    private final HttpClient client;
    private final URI origin;
    private final OriginRules rules;

    public RepositoryHttp(RepositoryDefinition repository, Optional<Credentials> credentials, CatalogSettings settings) {
        this.repository = repository;
        this.credentials = credentials;
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (repository.caCertificate() != null && !repository.caCertificate().isBlank()) {
            builder.sslContext(TlsContexts.withExtraCa(Path.of(repository.caCertificate())));
        }
        this.client = builder.build();
        this.origin = URI.create(repository.location().replaceFirst("^oci://", "https://"));
        this.rules = new OriginRules(origin);
    }

    /** What this repository's references may lead to. */
    public OriginRules rules() {
        return rules;
    }

    /** GET into memory, at most {@code maxBytes}; conditional when {@code etag}/{@code lastModified} are given. */
    public HttpResponseData get(URI uri, String etag, String lastModified, long maxBytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        HttpResponseData head = exchange(uri, etag, lastModified, maxBytes, buffer);
        return new HttpResponseData(head.notModified(), buffer.toByteArray(), head.etag(), head.lastModified());
    }

    /** A response of any status, with its headers, for protocols that negotiate (OCI token challenge). */
    public record RawResponse(int status, Map<String, List<String>> headers, byte[] body) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /**
     * GET without status checks and without the repository's own Authorization header (the caller
     * sets one in {@code headers}); follows redirects, dropping that header when leaving the origin.
     * At most {@code maxBytes} of body are read.
     */
    public RawResponse raw(URI start, Map<String, String> headers, long maxBytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Hop hop = follow(start, uri -> {
            Map<String, String> sent = new LinkedHashMap<>();
            boolean sameOrigin = sameOrigin(uri, start);
            headers.forEach((k, v) -> {
                if (sameOrigin || !k.equalsIgnoreCase("Authorization")) {
                    sent.put(k, v);
                }
            });
            return sent;
        }, maxBytes, buffer, true);
        return new RawResponse(hop.status(), hop.headers(), buffer.toByteArray());
    }

    /** The credentials of this repository, for protocols that use them in their own way. */
    public Optional<Credentials> credentials() {
        return credentials;
    }

    /** GET streamed into {@code sink}, at most {@code maxBytes}. */
    public HttpResponseData download(URI uri, long maxBytes, OutputStream sink) {
        return exchange(uri, null, null, maxBytes, sink);
    }

    private HttpResponseData exchange(URI start, String etag, String lastModified, long maxBytes, OutputStream sink) {
        Hop hop = follow(start, uri -> {
            Map<String, String> sent = new LinkedHashMap<>();
            if (etag != null) {
                sent.put("If-None-Match", etag);
            }
            if (lastModified != null) {
                sent.put("If-Modified-Since", lastModified);
            }
            authorization(uri).ifPresent(value -> sent.put("Authorization", value));
            return sent;
        }, maxBytes, sink, false);
        if (hop.status() == 304) {
            return new HttpResponseData(true, new byte[0], etag, lastModified);
        }
        checkStatus(hop.status(), hop.uri());
        return new HttpResponseData(false, new byte[0], first(hop.headers(), "ETag"), first(hop.headers(), "Last-Modified"));
    }

    private record Hop(URI uri, int status, Map<String, List<String>> headers) {
    }

    /**
     * Follows redirects within the {@link OriginRules} (cross-host https stays allowed, as release-asset hosts
     * use it); the body of the final answer goes to {@code sink}. The whole chain shares one deadline.
     */
    private Hop follow(URI start, java.util.function.Function<URI, Map<String, String>> headersFor, long maxBytes,
            OutputStream sink, boolean bodyOfAnyStatus) {
        long deadline = System.nanoTime() + settings.downloadDeadline().toNanos();
        java.util.Set<URI> visited = new java.util.HashSet<>();
        URI uri = rules.check(start, RepositoryHttp.safe(start), "url");
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            visited.add(uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(settings.requestTimeout())
                    .header("User-Agent", "iepmp-console")
                    .GET();
            headersFor.apply(uri).forEach(request::header);
            Hop answer = send(request.build(), uri, maxBytes, sink, bodyOfAnyStatus, deadline);
            int status = answer.status();
            if (status < 300 || status >= 400 || status == 304) {
                return answer;
            }
            String location = first(answer.headers(), "Location");
            if (location == null) {
                throw error(CatalogErrorCode.HTTP_ERROR, uri, "redirect without Location", status);
            }
            URI next = rules.checkRedirect(uri, resolveLocation(uri, location));
            if (visited.contains(next)) {
                throw redirectLoop(start, "redirect loop back to " + safe(next));
            }
            uri = next;
        }
        throw redirectLoop(start, "more than " + MAX_REDIRECTS + " redirects");
    }

    private CatalogException redirectLoop(URI start, String detail) {
        return new CatalogException(CatalogErrorCode.REDIRECT_LOOP, "GET " + safe(start) + " of repository "
                + repository.name() + ": " + detail, safe(start), MAX_REDIRECTS);
    }

    private static URI resolveLocation(URI from, String location) {
        try {
            return from.resolve(new URI(location.trim()));
        } catch (java.net.URISyntaxException e) {
            throw new CatalogException(CatalogErrorCode.HTTP_ERROR, safe(from) + " redirects to an invalid address",
                    e, safe(from), 0);
        }
    }

    /**
     * One request. The body of a 200 (or of any status when asked) streams into {@code sink}; the
     * wait ends when nothing arrived for the request timeout, or at the deadline of the whole download (a server
     * trickling one byte every few seconds is never idle, yet must not hold the command).
     */
    private Hop send(HttpRequest request, URI uri, long maxBytes, OutputStream sink, boolean bodyOfAnyStatus,
            long deadline) {
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        AtomicReference<StreamingBody> body = new AtomicReference<>();
        HttpResponse.BodyHandler<Void> handler = info -> {
            lastProgress.set(System.nanoTime());
            boolean keep = bodyOfAnyStatus || info.statusCode() == 200;
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
            if (keep && declared > maxBytes) {
                StreamingBody refused = new StreamingBody(OutputStream.nullOutputStream(), -1, lastProgress);
                refused.refuse();
                body.set(refused);
                return refused;
            }
            StreamingBody subscriber = new StreamingBody(keep ? sink : OutputStream.nullOutputStream(), maxBytes,
                    lastProgress);
            if (!keep) {
                subscriber.discard();
            }
            body.set(subscriber);
            return subscriber;
        };
        CompletableFuture<HttpResponse<Void>> future = client.sendAsync(request, handler);
        long idle = settings.requestTimeout().toNanos();
        try {
            while (true) {
                try {
                    HttpResponse<Void> response = future.get(Math.min(200, Math.max(1, idle / 1_000_000)),
                            TimeUnit.MILLISECONDS);
                    return new Hop(uri, response.statusCode(), response.headers().map());
                } catch (TimeoutException e) {
                    if (System.nanoTime() - deadline > 0) {
                        abort(future, body);
                        throw new CatalogException(CatalogErrorCode.TIMEOUT, safe(uri) + " did not finish within "
                                + settings.downloadDeadline(), e, safe(uri));
                    }
                    if (System.nanoTime() - lastProgress.get() > idle) {
                        abort(future, body);
                        throw new CatalogException(CatalogErrorCode.TIMEOUT, "no answer from " + safe(uri) + " within "
                                + settings.requestTimeout(), e, safe(uri));
                    }
                }
            }
        } catch (InterruptedException e) {
            abort(future, body);
            Thread.currentThread().interrupt();
            throw new CatalogException(CatalogErrorCode.INTERRUPTED, "interrupted on " + safe(uri), e, safe(uri));
        } catch (ExecutionException e) {
            throw translate(e.getCause(), uri, maxBytes);
        }
    }

    private static void abort(CompletableFuture<?> future, AtomicReference<StreamingBody> body) {
        StreamingBody current = body.get();
        if (current != null) {
            current.cancel();
        }
        future.cancel(true);
    }

    private CatalogException translate(Throwable failure, URI uri, long maxBytes) {
        if (hasCause(failure, StreamingBody.TooLarge.class)) {
            return tooLarge(uri, maxBytes);
        }
        if (hasCause(failure, HttpTimeoutException.class)) {
            return new CatalogException(CatalogErrorCode.TIMEOUT, "timeout on " + safe(uri), failure, safe(uri));
        }
        Optional<java.util.Date> expired = CertificateExpiry.of(failure);
        if (expired.isPresent()) {
            return new CatalogException(CatalogErrorCode.CERTIFICATE_EXPIRED, "the certificate of " + safe(uri)
                    + " expired on " + expired.get().toInstant(), failure, uri.getHost(), expired.get());
        }
        if (hasCause(failure, SSLException.class) || hasCause(failure, java.security.cert.CertificateException.class)) {
            return new CatalogException(CatalogErrorCode.CERTIFICATE_UNTRUSTED,
                    "TLS handshake with " + safe(uri) + " failed: " + failure.getMessage(), failure, uri.getHost());
        }
        if (hasCause(failure, ConnectException.class)
                || hasCause(failure, java.nio.channels.UnresolvedAddressException.class)) {
            return new CatalogException(CatalogErrorCode.UNREACHABLE, "cannot connect to " + safe(uri), failure, safe(uri));
        }
        return new CatalogException(CatalogErrorCode.UNREACHABLE, "I/O error on " + safe(uri) + ": " + failure, failure,
                safe(uri));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    private void checkStatus(int status, URI uri) {
        if (status == 200) {
            return;
        }
        switch (status) {
            case 401 -> throw error(CatalogErrorCode.UNAUTHORIZED, uri, "401", status);
            case 403 -> throw error(CatalogErrorCode.FORBIDDEN, uri, "403", status);
            case 404, 410 -> throw error(CatalogErrorCode.NOT_FOUND, uri, String.valueOf(status), status);
            default -> throw error(CatalogErrorCode.HTTP_ERROR, uri, "status " + status, status);
        }
    }

    private CatalogException error(CatalogErrorCode code, URI uri, String detail, int status) {
        return new CatalogException(code, "GET " + safe(uri) + " of repository " + repository.name() + ": " + detail,
                safe(uri), status);
    }

    private static CatalogException tooLarge(URI uri, long maxBytes) {
        return new CatalogException(CatalogErrorCode.TOO_LARGE, safe(uri) + " exceeds " + maxBytes + " bytes",
                safe(uri), maxBytes);
    }

    /** Credentials go only to the repository's own scheme, host and port. */
    private Optional<String> authorization(URI target) {
        if (repository.auth() == AuthMethod.NONE || credentials.isEmpty() || !sameOrigin(target)) {
            return Optional.empty();
        }
        Credentials c = credentials.get();
        if (repository.auth() == AuthMethod.BASIC && c.username() != null) {
            String pair = c.username() + ":" + Objects.requireNonNullElse(c.password(), "");
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (repository.auth() == AuthMethod.BEARER && c.token() != null) {
            return Optional.of("Bearer " + c.token());
        }
        LOG.warn("Repository {} wants {} authentication but has no matching credentials", repository.name(),
                repository.auth());
        return Optional.empty();
    }

    private boolean sameOrigin(URI target) {
        return sameOrigin(origin, target);
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The URI without user info or query, for logs and messages (a query may carry a token). */
    public static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
