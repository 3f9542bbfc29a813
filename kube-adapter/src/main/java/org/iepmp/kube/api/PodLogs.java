package org.iepmp.kube.api;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Container logs for the UI and the support bundle. An empty container name means the pod's only (or first) container. */
public interface PodLogs {

    /** The last {@code lines} lines; {@code previous} reads the instance that crashed before the current one. */
    List<String> tail(String namespace, String pod, String container, int lines, boolean previous, Duration timeout);

    /**
     * Streams new lines (after the last {@code tailLines}) to {@code onLine} on a background thread until
     * the handle is closed or the container ends; {@code onEnd} is called once, with null on a normal end
     * or close, or the typed error. Callbacks must be short (hand off to the UI).
     */
    LogFollow follow(String namespace, String pod, String container, int tailLines, Consumer<String> onLine,
            Consumer<KubeException> onEnd);
}
