package org.iepmp.kube.facts;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.LogFollow;
import org.iepmp.kube.api.PodLogs;
import org.iepmp.kube.cluster.KubeErrors;
import org.iepmp.kube.health.TimeBoundRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PodLogs} on fabric8: tail by request, follow by a log watch read on its own daemon thread. */
public final class Fabric8PodLogs implements PodLogs, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8PodLogs.class);

    private final KubernetesClient client;
    private final String server;
    private final TimeBoundRunner runner;

    public Fabric8PodLogs(KubernetesClient client, String server) {
        this.client = client;
        this.server = server;
        this.runner = new TimeBoundRunner("pod-logs", server);
    }

    @Override
    public List<String> tail(String namespace, String pod, String container, int lines, boolean previous, Duration timeout) {
        return runner.run("log of " + namespace + "/" + pod, timeout, () -> {
            var resource = target(namespace, pod, container);
            String text = previous ? resource.terminated().tailingLines(lines).getLog() : resource.tailingLines(lines).getLog();
            return text == null ? List.<String>of() : text.lines().toList();
        });
    }

    @Override
    public LogFollow follow(String namespace, String pod, String container, int tailLines, Consumer<String> onLine,
            Consumer<KubeException> onEnd) {
        LogWatch watch;
        try {
            watch = target(namespace, pod, container).tailingLines(tailLines).watchLog();
        } catch (RuntimeException e) {
            throw KubeErrors.map(e, server);
        }
        AtomicBoolean active = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            KubeException failure = null;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
                String line;
                while (active.get() && (line = in.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException | RuntimeException e) {
                if (active.get()) {
                    failure = e instanceof KubeException k ? k : KubeErrors.map(e, server);
                    LOG.debug("Log follow of {}/{} ended: {}", namespace, pod, e.toString());
                }
            } finally {
                active.set(false);
                watch.close();
                onEnd.accept(failure);
            }
        }, "log-follow-" + pod);
        reader.setDaemon(true);
        reader.start();
        return new LogFollow() {
            @Override
            public boolean active() {
                return active.get();
            }

            @Override
            public void close() {
                if (active.getAndSet(false)) {
                    watch.close();
                    reader.interrupt();
                }
            }
        };
    }

    private PodResource podResource(String namespace, String pod) {
        return client.pods().inNamespace(namespace).withName(pod);
    }

    private io.fabric8.kubernetes.client.dsl.ContainerResource target(String namespace, String pod, String container) {
        PodResource resource = podResource(namespace, pod);
        if (container == null || container.isEmpty()) {
            var found = resource.get();
            if (found == null) {
                throw new KubeException(KubeErrorCode.NOT_FOUND, "no pod " + namespace + "/" + pod, server, pod);
            }
            container = found.getSpec().getContainers().get(0).getName();
        }
        return resource.inContainer(container);
    }

    @Override
    public void close() {
        runner.close();
    }
}
