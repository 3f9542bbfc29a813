package org.iepmp.catalog.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
    }

    /** GET into memory, at most {@code maxBytes}; conditional when {@code etag}/{@code lastModified} are given. */
    public HttpResponseData get(URI uri, String etag, String lastModified, long maxBytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        HttpResponseData head = exchange(uri, etag, lastModified, maxBytes, buffer);
        return new HttpResponseData(head.notModified(), buffer.toByteArray(), head.etag(), head.lastModified());
    }

    /** A response of any status, with its headers, for protocols that negotiate (OCI token challenge). */
    public record RawResponse(int status, java.util.Map<String, java.util.List<String>> headers, byte[] body) {
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
    public RawResponse raw(URI start, java.util.Map<String, String> headers, long maxBytes) {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                    .header("User-Agent", "iepmp-console").GET();
            boolean sameOrigin = hop == 0 || sameOrigin(uri, start);
            headers.forEach((k, v) -> {
                if (sameOrigin || !k.equalsIgnoreCase("Authorization")) {
                    request.header(k, v);
                }
            });
            HttpResponse<InputStream> response = send(request.build(), uri);
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400 && status != 304) {
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (location == null) {
                        throw error(CatalogErrorCode.HTTP_ERROR, uri, "redirect without Location", status);
                    }
                    URI next = uri.resolve(location);
                    if ("https".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                        throw error(CatalogErrorCode.HTTP_ERROR, uri, "redirect from https to " + next.getScheme(), status);
                    }
                    uri = next;
                    continue;
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
                if (declared > maxBytes) {
                    throw tooLarge(uri, maxBytes);
                }
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                copyLimited(body, buffer, maxBytes, uri);
                return new RawResponse(status, response.headers().map(), buffer.toByteArray());
            } catch (HttpTimeoutException e) {
                throw new CatalogException(CatalogErrorCode.TIMEOUT, "timeout reading " + safe(uri), e, safe(uri));
            } catch (IOException e) {
                throw new CatalogException(CatalogErrorCode.UNREACHABLE, "connection lost reading " + safe(uri), e,
                        safe(uri));
            }
        }
        throw error(CatalogErrorCode.HTTP_ERROR, start, "too many redirects", 310);
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
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(settings.requestTimeout())
                    .header("User-Agent", "iepmp-console")
                    .GET();
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            authorization(uri).ifPresent(value -> request.header("Authorization", value));
            HttpResponse<InputStream> response = send(request.build(), uri);
            int status = response.statusCode();
            try (InputStream body = response.body()) {
                if (status == 304) {
                    return new HttpResponseData(true, new byte[0], etag, lastModified);
                }
                if (status >= 300 && status < 400 && status != 304) {
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (location == null) {
                        throw error(CatalogErrorCode.HTTP_ERROR, uri, "redirect without Location", status);
                    }
                    URI next = uri.resolve(location);
                    if ("https".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                        throw error(CatalogErrorCode.HTTP_ERROR, uri, "redirect from https to " + next.getScheme(), status);
                    }
                    uri = next;
                    continue;
                }
                checkStatus(status, uri);
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
                if (declared > maxBytes) {
                    throw tooLarge(uri, maxBytes);
                }
                copyLimited(body, sink, maxBytes, uri);
                return new HttpResponseData(false, new byte[0],
                        response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null));
            } catch (HttpTimeoutException e) {
                throw new CatalogException(CatalogErrorCode.TIMEOUT, "timeout reading " + safe(uri), e, safe(uri));
            } catch (IOException e) {
                throw new CatalogException(CatalogErrorCode.UNREACHABLE, "connection lost reading " + safe(uri), e,
                        safe(uri));
            }
        }
        throw error(CatalogErrorCode.HTTP_ERROR, start, "too many redirects", 310);
    }

    private HttpResponse<InputStream> send(HttpRequest request, URI uri) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new CatalogException(CatalogErrorCode.TIMEOUT, "timeout on " + safe(uri), e, safe(uri));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException(CatalogErrorCode.INTERRUPTED, "interrupted on " + safe(uri), e, safe(uri));
        } catch (IOException e) {
            if (hasCause(e, SSLException.class) || hasCause(e, java.security.cert.CertificateException.class)) {
                throw new CatalogException(CatalogErrorCode.CERTIFICATE_UNTRUSTED,
                        "TLS handshake with " + safe(uri) + " failed: " + e.getMessage(), e, uri.getHost());
            }
            if (hasCause(e, ConnectException.class) || hasCause(e, java.nio.channels.UnresolvedAddressException.class)) {
                throw new CatalogException(CatalogErrorCode.UNREACHABLE, "cannot connect to " + safe(uri), e, safe(uri));
            }
            throw new CatalogException(CatalogErrorCode.UNREACHABLE, "I/O error on " + safe(uri) + ": " + e, e, safe(uri));
        }
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

    private static void copyLimited(InputStream in, OutputStream out, long maxBytes, URI uri) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge(uri, maxBytes);
            }
            out.write(buffer, 0, read);
        }
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
