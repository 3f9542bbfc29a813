package org.iepmp.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the simulated containers have written, per namespace, pod and container, for the log endpoint. */
final class LogBook {

    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

    private static String key(String namespace, String pod, String container) {
        return namespace + "/" + pod + "/" + container;
    }

    void append(String namespace, String pod, String container, String line) {
        List<String> list = lines.computeIfAbsent(key(namespace, pod, container), k -> new ArrayList<>());
        synchronized (list) {
            list.add(line);
        }
    }

    List<String> read(String namespace, String pod, String container) {
        List<String> list = lines.get(key(namespace, pod, container));
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    boolean has(String namespace, String pod, String container) {
        return lines.containsKey(key(namespace, pod, container));
    }

    void forget(String namespace, String pod) {
        lines.keySet().removeIf(k -> k.startsWith(namespace + "/" + pod + "/"));
    }
}
