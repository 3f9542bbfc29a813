package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@code ?watch=true}: a chunked stream of {@code {"type":..,"object":..}} lines. Without a resourceVersion (or with
 * "0") the stream starts with ADDED for every current object; with one it replays the changes after it, or sends the
 * 410 Expired ERROR event a real server sends when that version was compacted away.
 */
final class WatchStreams {

    private static final long DEFAULT_TIMEOUT_SECONDS = 1800;
    private static final long BOOKMARK_EVERY_MILLIS = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectStore store;
    private final Stopping stopping;

    /** Lets open streams end when the server stops. */
    interface Stopping {
        boolean stopped();
    }

    WatchStreams(ObjectStore store, Stopping stopping) {
        this.store = store;
        this.stopping = stopping;
    }

    void serve(HttpExchange exchange, ResourceType type, String namespace, Predicate<JsonNode> filter,
            Map<String, String> query) throws IOException {
        String rv = query.getOrDefault("resourceVersion", "");
        long timeoutSeconds = Long.parseLong(query.getOrDefault("timeoutSeconds",
                Long.toString(DEFAULT_TIMEOUT_SECONDS)));
        boolean bookmarks = ApiHandler.isTrue(query.get("allowWatchBookmarks"));
        BlockingQueue<StoreEvent> queue = new LinkedBlockingQueue<>();
        Consumer<StoreEvent> listener = e -> {
            if (e.resource().storageKey().equals(type.storageKey())) {
                queue.add(e);
            }
        };
        List<ObjectNode> initial = new ArrayList<>();
        boolean expired = subscribe(type, namespace, filter, rv, listener, initial, queue);
        exchange.getResponseHeaders().set("Content-Type", ApiHandler.JSON_TYPE);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
        exchange.sendResponseHeaders(200, 0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long nextBookmark = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOOKMARK_EVERY_MILLIS);
        try (OutputStream out = exchange.getResponseBody()) {
            if (expired) {
                ApiError gone = new ApiError(410, "Expired", "too old resource version: " + rv + " ("
                        + store.revision() + ")", null);
                write(out, event("ERROR", gone.toStatus()));
                return;
            }
            for (ObjectNode e : initial) {
                write(out, e);
            }
            while (!stopping.stopped() && System.nanoTime() < deadline) {
                StoreEvent e = queue.poll(250, TimeUnit.MILLISECONDS);
                if (e != null) {
                    ObjectNode line = translate(e, type, namespace, filter);
                    if (line != null) {
                        write(out, line);
                    }
                } else if (bookmarks && System.nanoTime() > nextBookmark) {
                    nextBookmark = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOOKMARK_EVERY_MILLIS);
                    write(out, event("BOOKMARK", bookmark(type)));
                }
            }
        } catch (IOException e) {
            // The client went away; the watch ends as on a real server.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store.removeListener(listener);
        }
    }

    /**
     * Registers the listener and, in the same step, takes what the watch starts with: every object (no or "0"
     * resourceVersion) or the events since {@code rv}; true when {@code rv} is older than the kept events.
     */
    private boolean subscribe(ResourceType type, String namespace, Predicate<JsonNode> filter, String rv,
                              Consumer<StoreEvent> listener, List<ObjectNode> initial, BlockingQueue<StoreEvent> queue) {
        return store.atomically(() -> {
            store.addListener(listener);
            if (rv.isEmpty() || rv.equals("0")) {
                for (ObjectNode o : store.list(type, namespace, filter::test)) {
                    initial.add(event("ADDED", o));
                }
                return false;
            }
            Optional<List<StoreEvent>> since = store.eventsSince(parse(rv));
            if (since.isEmpty()) {
                return true;
            }
            since.get().stream().filter(e -> e.resource().storageKey().equals(type.storageKey()))
                    .forEach(queue::add);
            return false;
        });
    }

    private ObjectNode bookmark(ResourceType type) {
        ObjectNode bookmark = json.createObjectNode();
        bookmark.put("kind", type.kind());
        bookmark.put("apiVersion", type.apiVersion());
        bookmark.putObject("metadata").put("resourceVersion", Long.toString(store.revision()));
        return bookmark;
    }

    private static long parse(String rv) {
        try {
            return Long.parseLong(rv);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid resourceVersion: " + rv);
        }
    }

    /** An object leaving the selection is a DELETED for this watch, one entering it an ADDED, as on a real server. */
    private ObjectNode translate(StoreEvent e, ResourceType type, String namespace, Predicate<JsonNode> filter) {
        boolean inNamespace = namespace == null || !type.namespaced()
                || namespace.equals(ObjectStore.namespaceOf(e.object()));
        if (!inNamespace) {
            return null;
        }
        boolean now = filter.test(e.object());
        boolean before = e.previous() != null && filter.test(e.previous());
        String kind = e.type();
        if (kind.equals("MODIFIED")) {
            if (now && !before) {
                kind = "ADDED";
            } else if (!now && before) {
                kind = "DELETED";
            } else if (!now) {
                return null;
            }
        } else if (kind.equals("ADDED") && !now || kind.equals("DELETED") && !now && !before) {
            return null;
        }
        return event(kind, e.object());
    }

    private ObjectNode event(String kind, JsonNode object) {
        ObjectNode e = json.createObjectNode();
        e.put("type", kind);
        e.set("object", object);
        return e;
    }

    private void write(OutputStream out, ObjectNode line) throws IOException {
        out.write(json.writeValueAsBytes(line));
        out.write('\n');
        out.flush();
    }
}
