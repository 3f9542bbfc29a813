package org.iepmp.kube.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ReleaseHistoryEntry;
import org.iepmp.kube.api.ReleaseRepair;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.kube.health.TimeBoundRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReleaseRepair} on Helm's storage Secrets ({@code sh.helm.release.v1.<name>.v<n>}): the
 * record is base64 of gzipped JSON inside the Secret; the status is kept both in the JSON
 * ({@code info.status}, which Helm checks) and in the {@code status} label (which Helm queries
 * by). The update carries the read resourceVersion, so a concurrent Helm write is a conflict,
 * never lost.
 */
public final class PendingReleaseRepair implements ReleaseRepair, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PendingReleaseRepair.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;
    private final TimeBoundRunner runner;

    public PendingReleaseRepair(KubernetesClient client, String server) {
        this.client = client;
        this.runner = new TimeBoundRunner("helm-repair", server);
    }

    @Override
    public Optional<ReleaseHistoryEntry> markPendingAsFailed(String releaseName, String namespace, Duration timeout) {
        return runner.run("repair of " + namespace + "/" + releaseName, timeout, () -> {
            Secret newest = client.secrets().inNamespace(namespace)
                    .withLabels(Map.of("owner", "helm", "name", releaseName)).list().getItems().stream()
                    .max(Comparator.comparingInt(PendingReleaseRepair::revision))
                    .orElseThrow(() -> new KubeException(KubeErrorCode.NOT_FOUND, "no Helm release " + releaseName, "",
                            releaseName));
            ObjectNode release = decode(newest.getData().get("release"));
            ObjectNode info = (ObjectNode) release.path("info");
            ReleaseStatus status = ReleaseStatus.fromHelm(info.path("status").asText());
            if (!status.pending() || status == ReleaseStatus.UNINSTALLING) {
                return Optional.<ReleaseHistoryEntry>empty();
            }
            String description = "Marked failed by IEPMP Console (was " + info.path("status").asText() + ")";
            info.put("status", "failed");
            info.put("description", description);
            newest.getData().put("release", encode(release));
            newest.getMetadata().getLabels().put("status", "failed");
            // update() sends the resourceVersion we read: if Helm wrote meanwhile, the server answers 409.
            client.secrets().inNamespace(namespace).resource(newest).update();
            LOG.warn("Helm release {}/{} revision {} was {}; marked failed", namespace, releaseName, revision(newest), status);
            var chart = release.path("chart").path("metadata");
            return Optional.of(new ReleaseHistoryEntry(revision(newest), Optional.empty(), ReleaseStatus.FAILED,
                    chart.path("name").asText(), chart.path("version").asText(), chart.path("appVersion").asText(),
                    description));
        });
    }

    @Override
    public Optional<ReleaseHistoryEntry> markSupersededAsFailed(String releaseName, String namespace, int revision, String description,
            Duration timeout) {
        return runner.run("marking a failed revision of " + namespace + "/" + releaseName, timeout, () -> {
            Optional<Secret> found = client.secrets().inNamespace(namespace)
                    .withLabels(Map.of("owner", "helm", "name", releaseName, "version", Integer.toString(revision))).list().getItems()
                    .stream().findFirst();
            if (found.isEmpty()) {
                return Optional.<ReleaseHistoryEntry>empty();
            }
            Secret secret = found.get();
            ObjectNode release = decode(secret.getData().get("release"));
            ObjectNode info = (ObjectNode) release.path("info");
            if (ReleaseStatus.fromHelm(info.path("status").asText()) != ReleaseStatus.SUPERSEDED) {
                return Optional.<ReleaseHistoryEntry>empty();
            }
            info.put("status", "failed");
            info.put("description", description);
            secret.getData().put("release", encode(release));
            secret.getMetadata().getLabels().put("status", "failed");
            client.secrets().inNamespace(namespace).resource(secret).update();
            var chart = release.path("chart").path("metadata");
            return Optional.of(new ReleaseHistoryEntry(revision, Optional.empty(), ReleaseStatus.FAILED, chart.path("name").asText(),
                    chart.path("version").asText(), chart.path("appVersion").asText(), description));
        });
    }

    static int revision(Secret secret) {
        try {
            return Integer.parseInt(secret.getMetadata().getLabels().getOrDefault("version", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static ObjectNode decode(String secretData) {
        try {
            byte[] helm = Base64.getDecoder().decode(secretData.strip());
            byte[] payload = Base64.getDecoder().decode(new String(helm, StandardCharsets.US_ASCII).strip());
            if (payload.length > 2 && (payload[0] & 0xff) == 0x1f && (payload[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload))) {
                    payload = in.readAllBytes();
                }
            }
            return (ObjectNode) JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable Helm release record", e);
        }
    }

    static String encode(ObjectNode release) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(JSON.writeValueAsBytes(release));
            }
            String helm = Base64.getEncoder().encodeToString(out.toByteArray());
            return Base64.getEncoder().encodeToString(helm.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        runner.close();
    }
}
