package org.iepmp.kube.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.NodeFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A connected fabric8 client and the facts read through it. */
public final class Fabric8ClusterConnection implements ClusterConnection {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ClusterConnection.class);
    private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";

    private final ClusterCandidate candidate;
    private final KubernetesClient client;
    private final Clock clock;
    private final Duration timeout;

    Fabric8ClusterConnection(ClusterCandidate candidate, KubernetesClient client, Clock clock, Duration timeout) {
        this.candidate = candidate;
        this.client = client;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The fabric8 client, for the drivers of this module only (never exposed through the api package). */
    public KubernetesClient client() {
        return client;
    }

    @Override
    public ClusterCandidate candidate() {
        return candidate;
    }

    /** One cheap request that proves the server answers and accepts our credentials. */
    void probe() {
        versionWithSkew();
    }

    @Override
    public ClusterFacts facts() {
        try {
            VersionAndSkew version = versionWithSkew();
            List<NodeFacts> nodes = new ArrayList<>();
            for (Node node : client.nodes().list().getItems()) {
                nodes.add(toFacts(node));
            }
            return new ClusterFacts(version.gitVersion(), version.platform(), identity(), nodes,
                    clock.instant(), version.skew());
        } catch (RuntimeException e) {
            throw KubeErrors.map(e, candidate.server());
        }
    }

    private String identity() {
        try {
            Namespace kubeSystem = client.namespaces().withName("kube-system").get();
            if (kubeSystem != null && kubeSystem.getMetadata().getUid() != null) {
                return kubeSystem.getMetadata().getUid();
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            LOG.warn("Not allowed to read namespace kube-system; identifying the cluster by its server URL");
        }
        // Without kube-system (odd clusters, restricted users) the server URL is the next most stable thing.
        return "server-" + UUID.nameUUIDFromBytes(client.getMasterUrl().toString().getBytes(StandardCharsets.UTF_8));
    }

    private record VersionAndSkew(String gitVersion, String platform, Optional<Duration> skew) {
    }

    /**
     * Reads {@code /version} and the response's Date header. The skew is measured against the
     * midpoint of the request, which bounds the error by half the round trip plus the header's
     * one-second resolution.
     */
    private VersionAndSkew versionWithSkew() {
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
                .uri(client.getMasterUrl().toString().replaceAll("/+$", "") + "/version")
                .build();
        Instant sent = clock.instant();
        HttpResponse<String> response;
        try {
            response = client.getHttpClient().sendAsync(request, String.class)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeException(KubeErrorCode.CANCELLED, "interrupted while reading /version", e, candidate.server());
        } catch (ExecutionException e) {
            throw KubeErrors.map(e.getCause(), candidate.server());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new KubeException(KubeErrorCode.TIMEOUT, "no answer from /version", e, candidate.server());
        }
        Instant received = clock.instant();
        if (!response.isSuccessful()) {
            throw KubeErrors.fromStatus(response.code(), new KubernetesClientException(
                    "GET /version answered " + response.code(), response.code(), null), candidate.server());
        }
        Map<String, Object> info = parseVersion(response.body());
        Optional<Duration> skew = Optional.empty();
        String date = response.header("Date");
        if (date != null) {
            try {
                Instant serverTime = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Instant midpoint = sent.plus(Duration.between(sent, received).dividedBy(2));
                skew = Optional.of(Duration.between(midpoint, serverTime));
            } catch (DateTimeParseException e) {
                LOG.debug("Unparseable Date header {}", date);
            }
        }
        return new VersionAndSkew(String.valueOf(info.getOrDefault("gitVersion", "")),
                String.valueOf(info.getOrDefault("platform", "")), skew);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parseVersion(String body) {
        try {
            Map<String, Object> parsed = Serialization.unmarshal(body, Map.class);
            return parsed == null ? Map.of() : parsed;
        } catch (RuntimeException e) {
            // A proxy or captive portal answering HTML is not a Kubernetes API server.
            throw new KubeException(KubeErrorCode.SERVER_ERROR, "GET /version did not return JSON", e, candidate.server());
        }
    }

    static NodeFacts toFacts(Node node) {
        boolean ready = false;
        String readyMessage = "";
        boolean diskPressure = false;
        boolean memoryPressure = false;
        if (node.getStatus() != null && node.getStatus().getConditions() != null) {
            for (NodeCondition condition : node.getStatus().getConditions()) {
                boolean isTrue = "True".equals(condition.getStatus());
                switch (String.valueOf(condition.getType())) {
                    case "Ready" -> {
                        ready = isTrue;
                        readyMessage = condition.getMessage();
                    }
                    case "DiskPressure" -> diskPressure = isTrue;
                    case "MemoryPressure" -> memoryPressure = isTrue;
                    default -> { }
                }
            }
        }
        List<String> roles = new ArrayList<>();
        Map<String, String> labels = node.getMetadata().getLabels();
        if (labels != null) {
            labels.keySet().stream().filter(l -> l.startsWith(ROLE_LABEL_PREFIX))
                    .map(l -> l.substring(ROLE_LABEL_PREFIX.length())).sorted().forEach(roles::add);
        }
        Map<String, Quantity> capacity = node.getStatus() == null ? null : node.getStatus().getCapacity();
        Map<String, Quantity> allocatable = node.getStatus() == null ? null : node.getStatus().getAllocatable();
        String kubelet = node.getStatus() != null && node.getStatus().getNodeInfo() != null
                ? node.getStatus().getNodeInfo().getKubeletVersion() : "";
        String os = node.getStatus() != null && node.getStatus().getNodeInfo() != null
                ? node.getStatus().getNodeInfo().getOsImage() : "";
        return new NodeFacts(node.getMetadata().getName(), ready, readyMessage, roles, kubelet, os,
                millicores(capacity), millicores(allocatable), bytes(capacity), bytes(allocatable),
                diskPressure, memoryPressure);
    }

    static long millicores(Map<String, Quantity> resources) {
        Quantity cpu = resources == null ? null : resources.get("cpu");
        if (cpu == null) {
            return 0;
        }
        BigDecimal cores = cpu.getNumericalAmount();
        return cores.multiply(BigDecimal.valueOf(1000)).longValue();
    }

    static long bytes(Map<String, Quantity> resources) {
        Quantity memory = resources == null ? null : resources.get("memory");
        return memory == null ? 0 : memory.getNumericalAmount().longValue();
    }

    @Override
    public void close() {
        client.close();
    }
}
