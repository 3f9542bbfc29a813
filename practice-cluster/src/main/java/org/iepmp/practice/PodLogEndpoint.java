package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code GET .../pods/<name>/log} with container, tailLines, previous and follow, answered from the log book. */
final class PodLogEndpoint {

    private static final long FOLLOW_LIMIT_MILLIS = 30 * 60 * 1000L;

    private final ObjectStore store;
    private final ResourceRegistry registry;
    private final LogBook logBook;
    private final WatchStreams.Stopping stopping;

    PodLogEndpoint(ObjectStore store, ResourceRegistry registry, LogBook logBook, WatchStreams.Stopping stopping) {
        this.store = store;
        this.registry = registry;
        this.logBook = logBook;
        this.stopping = stopping;
    }

    void serve(HttpExchange exchange, String namespace, String podName, Map<String, String> query)
            throws IOException {
        ResourceType pods = registry.find("", "v1", "pods").orElseThrow();
        ObjectNode pod = store.require(pods, namespace, podName);
        String container = query.get("container");
        JsonNode containers = pod.path("spec").path("containers");
        if (container == null || container.isEmpty()) {
            if (containers.size() != 1) {
                StringBuilder names = new StringBuilder();
                containers.forEach(c -> names.append(names.isEmpty() ? "" : " ").append(c.path("name").asText()));
                throw ApiError.badRequest("a container name must be specified for pod " + podName
                        + ", choose one of: [" + names + "]");
            }
            container = containers.get(0).path("name").asText();
        }
        boolean known = false;
        for (JsonNode c : containers) {
            known |= c.path("name").asText().equals(container);
        }
        for (JsonNode c : pod.path("spec").path("initContainers")) {
            known |= c.path("name").asText().equals(container);
        }
        if (!known) {
            throw ApiError.badRequest("container " + container + " is not valid for pod " + podName);
        }
        if (!logBook.has(namespace, podName, container)) {
            String waiting = waitingReason(pod, container);
            throw ApiError.badRequest("container \"" + container + "\" in pod \"" + podName + "\" is waiting to start: "
                    + (waiting == null ? "ContainerCreating" : waiting));
        }
        List<String> lines = logBook.read(namespace, podName, container);
        int tail = query.containsKey("tailLines") ? Integer.parseInt(query.get("tailLines")) : -1;
        int from = tail < 0 ? 0 : Math.max(0, lines.size() - tail);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        boolean follow = ApiHandler.isTrue(query.get("follow"));
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            int sent = from;
            for (; sent < lines.size(); sent++) {
                out.write((lines.get(sent) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            long end = System.currentTimeMillis() + FOLLOW_LIMIT_MILLIS;
            while (follow && !stopping.stopped() && System.currentTimeMillis() < end
                    && store.get(pods, namespace, podName).isPresent()) {
                Thread.sleep(200);
                List<String> now = logBook.read(namespace, podName, container);
                for (; sent < now.size(); sent++) {
                    out.write((now.get(sent) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (IOException e) {
            // Client stopped following.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String waitingReason(JsonNode pod, String container) {
        for (JsonNode s : pod.path("status").path("containerStatuses")) {
            if (s.path("name").asText().equals(container) && s.path("state").has("waiting")) {
                return s.path("state").path("waiting").path("reason").asText();
            }
        }
        return null;
    }
}
