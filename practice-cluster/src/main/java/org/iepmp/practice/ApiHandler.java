package org.iepmp.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST front of the practice API server: discovery, CRUD, patch, apply, watch, logs, as a real server answers. */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    static final String JSON_TYPE = "application/json";
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final YAMLMapper yaml = new YAMLMapper();
    private final ResourceRegistry registry;
    private final ObjectStore store;
    private final DiscoveryDocuments discovery;
    private final ResourceOperations operations;
    private final WatchStreams watches;
    private final PodLogEndpoint logs;
    private final TableView tables;
    private final ApiFaults faults;
    private final OpenApiDocuments openApi;

    ApiHandler(ResourceRegistry registry, ObjectStore store, DiscoveryDocuments discovery,
            ResourceOperations operations, WatchStreams watches, PodLogEndpoint logs, ApiFaults faults) {
        this.faults = faults;
        this.registry = registry;
        this.store = store;
        this.discovery = discovery;
        this.operations = operations;
        this.watches = watches;
        this.logs = logs;
        this.tables = new TableView();
        this.openApi = new OpenApiDocuments(registry);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        LOG.trace("{} {} ({})", method, exchange.getRequestURI(), exchange.getRequestHeaders().getFirst("Content-Type"));
        try {
            var fault = faults.take(method, path);
            if (fault.isPresent()) {
                sleep(fault.get().delay());
                if (fault.get().code() != 0) {
                    throw new ApiError(fault.get().code(), fault.get().reason(), "scripted fault: "
                            + fault.get().reason(), null);
                }
            }
            route(exchange, method, path, query);
        } catch (ApiError e) {
            LOG.trace("{} {} -> {} {}", method, path, e.code(), e.getMessage());
            send(exchange, e.code(), e.toStatus());
        } catch (RuntimeException e) {
            LOG.warn("Practice API server failed on {} {}", method, path, e);
            send(exchange, 500, new ApiError(500, "InternalError", "Internal error occurred: " + e, null).toStatus());
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String method, String path, Map<String, String> query)
            throws IOException {
        List<String> s = RequestPath.segments(path);
        if (s.size() == 1 && List.of("healthz", "readyz", "livez").contains(s.get(0))) {
            sendText(exchange, 200, "ok");
            return;
        }
        if (s.equals(List.of("version"))) {
            send(exchange, 200, discovery.version());
            return;
        }
        if (s.size() >= 2 && s.get(0).equals("openapi") && s.get(1).equals("v3")) {
            if (s.size() == 2) {
                send(exchange, 200, openApi.root());
            } else if (s.size() == 4 && s.get(2).equals("api")) {
                send(exchange, 200, openApi.document("", s.get(3)));
            } else if (s.size() == 5 && s.get(2).equals("apis")) {
                send(exchange, 200, openApi.document(s.get(3), s.get(4)));
            } else {
                throw ApiError.pathNotFound();
            }
            return;
        }
        if (s.isEmpty() || !(s.get(0).equals("api") || s.get(0).equals("apis"))) {
            throw ApiError.pathNotFound();
        }
        boolean core = s.get(0).equals("api");
        if (core && s.size() == 1) {
            send(exchange, 200, discovery.coreVersions());
            return;
        }
        if (!core && s.size() == 1) {
            send(exchange, 200, discovery.groupList());
            return;
        }
        if (!core && s.size() == 2) {
            send(exchange, 200, discovery.group(s.get(1)));
            return;
        }
        String group = core ? "" : s.get(1);
        String version = core ? s.get(1) : s.get(2);
        List<String> rest = s.subList(core ? 2 : 3, s.size());
        if (rest.isEmpty()) {
            send(exchange, 200, discovery.resourceList(group, version));
            return;
        }
        RequestPath target = RequestPath.parse(registry, group, version, rest.stream()
                .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)).toList());
        if (target == null) {
            throw ApiError.pathNotFound();
        }
        resource(exchange, method, target, query);
    }

    private void resource(HttpExchange exchange, String method, RequestPath target, Map<String, String> query)
            throws IOException {
        if ("log".equals(target.subresource())) {
            if (!method.equals("GET")) {
                throw ApiError.methodNotAllowed(method);
            }
            logs.serve(exchange, target.namespace(), target.name(), query);
        } else if (target.name() == null) {
            collection(exchange, method, target, query);
        } else {
            item(exchange, method, target, query);
        }
    }

    /** A request on a whole collection: list or watch, create, delete the matching. */
    private void collection(HttpExchange exchange, String method, RequestPath target, Map<String, String> query)
            throws IOException {
        ResourceType type = target.type();
        boolean dryRun = query.containsKey("dryRun");
        switch (method) {
            case "GET" -> {
                Predicate<JsonNode> filter = Selectors.labels(query.get("labelSelector"))
                        .and(Selectors.fields(query.get("fieldSelector")));
                if (isTrue(query.get("watch")) && isWebSocketUpgrade(exchange)) {
                    // The JDK server cannot switch protocols. Like an API server behind a proxy that drops the
                    // upgrade, answer 200 without switching: clients (fabric8) then watch with a streaming GET.
                    send(exchange, 200, new ApiError(200, "BadRequest", "websocket watches are not served; "
                            + "use a streaming GET", null).toStatus());
                    return;
                }
                if (isTrue(query.get("watch"))) {
                    watches.serve(exchange, type, target.namespace(), filter, query);
                } else {
                    list(exchange, type, target.namespace(), filter);
                }
            }
            case "POST" -> {
                ObjectNode body = readObject(exchange, type);
                if (type.createOnly()) {
                    send(exchange, 201, operations.review(body));
                    return;
                }
                requireMatchingNamespace(type, target.namespace(), body);
                ObjectNode created = operations.create(type, target.namespace(), body, query.get("fieldManager"),
                        dryRun);
                send(exchange, 201, created);
            }
            case "DELETE" -> send(exchange, 200, operations.deleteCollection(type, target.namespace(),
                    Selectors.labels(query.get("labelSelector")).and(Selectors.fields(query.get("fieldSelector"))),
                    dryRun));
            default -> throw ApiError.methodNotAllowed(method);
        }
    }

    /** A request on one object or its status or scale subresource. */
    private void item(HttpExchange exchange, String method, RequestPath target, Map<String, String> query)
            throws IOException {
        ResourceType type = target.type();
        boolean dryRun = query.containsKey("dryRun");
        boolean status = "status".equals(target.subresource());
        boolean scale = "scale".equals(target.subresource());
        switch (method) {
            case "GET" -> {
                ObjectNode o = store.require(type, target.namespace(), target.name());
                String accept = exchange.getRequestHeaders().getFirst("Accept");
                if (!scale && !status && accept != null && accept.contains("as=Table")) {
                    ObjectNode single = json.createObjectNode();
                    single.putObject("metadata").put("resourceVersion", Long.toString(store.revision()));
                    single.putArray("items").add(o);
                    send(exchange, 200, tables.table(type, single));
                    return;
                }
                send(exchange, 200, scale ? operations.scaleOf(type, o) : o);
            }
            case "PUT" -> {
                ObjectNode body = readObject(exchange, type);
                if (scale) {
                    send(exchange, 200, operations.updateScale(type, target.namespace(), target.name(), body));
                    return;
                }
                send(exchange, 200, operations.update(type, target.namespace(), target.name(), body, status,
                        query.get("fieldManager"), dryRun));
            }
            case "PATCH" -> {
                String contentType = mediaType(exchange);
                byte[] raw = readBody(exchange);
                JsonNode patch = contentType.equals("application/apply-patch+yaml") ? yaml.readTree(raw)
                        : parseJson(raw);
                send(exchange, 200, operations.patch(type, target.namespace(), target.name(), contentType, patch,
                        status, query, dryRun));
            }
            case "DELETE" -> deleteItem(exchange, type, target, query, dryRun);
            default -> throw ApiError.methodNotAllowed(method);
        }
    }

    private void deleteItem(HttpExchange exchange, ResourceType type, RequestPath target, Map<String, String> query,
                            boolean dryRun) throws IOException {
        boolean protobuf = mediaType(exchange).equals("application/vnd.kubernetes.protobuf");
        byte[] raw = readBody(exchange);
        JsonNode options = raw.length == 0 ? json.createObjectNode()
                : protobuf ? ProtobufBodies.deleteOptions(raw) : parseJson(raw);
        String propagation = query.getOrDefault("propagationPolicy", options.path("propagationPolicy").asText("Background"));
        String uid = options.path("preconditions").path("uid").asText(null);
        boolean optionsDryRun = options.path("dryRun").isArray() && !options.path("dryRun").isEmpty();
        ResourceOperations.Deleted result = operations.delete(type, target.namespace(), target.name(), propagation, uid,
                dryRun || optionsDryRun);
        send(exchange, result.code(), result.body());
    }

    private void list(HttpExchange exchange, ResourceType type, String namespace, Predicate<JsonNode> filter)
            throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        ObjectNode list = store.atomically(() -> {
            ObjectNode l = json.createObjectNode();
            l.put("kind", type.listKind());
            l.put("apiVersion", type.apiVersion());
            l.putObject("metadata").put("resourceVersion", Long.toString(store.revision()));
            ArrayNode items = l.putArray("items");
            for (ObjectNode o : store.list(type, namespace, filter::test)) {
                if (!type.kind().equals("CustomResourceDefinition") && registry.isBuiltIn(type)) {
                    // The real server omits kind and apiVersion on items of built-in typed lists.
                    o.remove("kind");
                    o.remove("apiVersion");
                }
                items.add(o);
            }
            return l;
        });
        if (accept != null && accept.contains("as=Table")) {
            send(exchange, 200, tables.table(type, list));
            return;
        }
        send(exchange, 200, list);
    }

    private void requireMatchingNamespace(ResourceType type, String namespace, ObjectNode body) {
        String inBody = body.path("metadata").path("namespace").asText("");
        if (type.namespaced() && namespace != null && !inBody.isEmpty() && !inBody.equals(namespace)) {
            throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent on "
                    + "the request");
        }
    }

    private ObjectNode readObject(HttpExchange exchange, ResourceType type) throws IOException {
        String contentType = mediaType(exchange);
        byte[] raw = readBody(exchange);
        JsonNode node;
        if (contentType.equals("application/vnd.kubernetes.protobuf")) {
            node = ProtobufBodies.decode(raw, type);
        } else if (contentType.contains("yaml")) {
            node = yaml.readTree(raw);
        } else {
            node = parseJson(raw);
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiError.badRequest("the body of the request is not a JSON object");
        }
        return object;
    }

    private JsonNode parseJson(byte[] raw) {
        try {
            return json.readTree(raw);
        } catch (IOException e) {
            throw ApiError.badRequest("the body of the request was in an unknown format: " + e.getMessage());
        }
    }

    private static String mediaType(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Content-Type");
        if (header == null) {
            return JSON_TYPE;
        }
        return header.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ApiError(413, "RequestEntityTooLarge", "the request body is too large", null);
            }
            return body;
        }
    }

    private void send(HttpExchange exchange, int code, JsonNode body) throws IOException {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendText(HttpExchange exchange, int code, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(java.time.Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isWebSocketUpgrade(HttpExchange exchange) {
        String upgrade = exchange.getRequestHeaders().getFirst("Upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    static boolean isTrue(String value) {
        return value != null && (value.equals("true") || value.equals("1"));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(key, value);
        }
        return result;
    }
}
