package org.iepmp.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP(S) server on 127.0.0.1 serving a folder, with ETag/Last-Modified, optional
 * authentication and per-path overrides, and a log of the requests it saw.
 */
final class TestHttpServer implements AutoCloseable {

    record Seen(String method, String path, String ifNoneMatch, String authorization) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Path root;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, HttpHandler> overrides = new ConcurrentHashMap<>();
    private volatile String requiredAuthorization;

    private TestHttpServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static TestHttpServer serve(Path root) throws IOException {
        return new TestHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), root);
    }

    static TestHttpServer serveTls(Path root, SSLContext context) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(context));
        return new TestHttpServer(https, root);
    }

    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    void requireAuthorization(String headerValue) {
        this.requiredAuthorization = headerValue;
    }

    void override(String path, HttpHandler handler) {
        overrides.put(path, handler);
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("If-None-Match"),
                authorization));
        try (exchange) {
            if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                exchange.sendResponseHeaders(authorization == null ? 401 : 403, -1);
                return;
            }
            HttpHandler override = overrides.get(path);
            if (override != null) {
                override.handle(exchange);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", "Sat, 21 Nov 2026 10:00:00 GMT");
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
