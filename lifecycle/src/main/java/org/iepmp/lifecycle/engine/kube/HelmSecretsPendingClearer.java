package org.iepmp.lifecycle.engine.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.engine.PendingReleaseClearer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the newest revision of a release failed in Helm's own storage (Secret
 * {@code sh.helm.release.v1.<name>.v<n>}, label {@code status} and the record's {@code info.status};
 * the record is base64 of gzip of JSON), what {@code helm rollback} would need to start too. Only a
 * revision that is pending is touched; the update is optimistic (resourceVersion), so a Helm that
 * is still running wins.
 */
public final class HelmSecretsPendingClearer implements PendingReleaseClearer {

    private static final Logger LOG = LoggerFactory.getLogger(HelmSecretsPendingClearer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PENDING = Set.of("pending-install", "pending-upgrade", "pending-rollback", "uninstalling");
    /** A release record is small; a larger field is not one Helm wrote. */
    private static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;

    private final KubernetesClient client;

    public HelmSecretsPendingClearer(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public void markFailed(String releaseName, String namespace, Duration timeout) {
        Secret newest = client.secrets().inNamespace(namespace).withLabels(Map.of("owner", "helm", "name", releaseName)).list()
                .getItems().stream()
                .max(Comparator.comparingInt(HelmSecretsPendingClearer::revision))
                .orElseThrow(() -> refused(releaseName, "NOT_FOUND", "no Helm release record"));
        String status = newest.getMetadata().getLabels().getOrDefault("status", "");
        if (!PENDING.contains(status)) {
            throw refused(releaseName, status, "newest revision is not pending");
        }
        try {
            byte[] helmText = Base64.getDecoder().decode(newest.getData().get("release"));
            ObjectNode record = (ObjectNode) JSON.readTree(gunzip(Base64.getDecoder().decode(helmText)));
            JsonNode info = record.get("info");
            if (!(info instanceof ObjectNode infoObject)) {
                throw refused(releaseName, status, "release record without info");
            }
            infoObject.put("status", "failed");
            infoObject.put("description", "Marked failed by IEPMP Console to repair a release left " + status);
            String encoded = Base64.getEncoder().encodeToString(gzip(JSON.writeValueAsBytes(record)));
            newest.getData().put("release", Base64.getEncoder().encodeToString(encoded.getBytes(StandardCharsets.US_ASCII)));
            newest.getMetadata().getLabels().put("status", "failed");
            client.secrets().inNamespace(namespace).resource(newest).update();
            LOG.info("Marked revision {} of {}/{} failed (was {})", revision(newest), namespace, releaseName, status);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new LifecycleException(LifecycleErrorCode.REPAIR_NOT_POSSIBLE, "unreadable Helm release record of " + releaseName,
                    e, releaseName, status);
        } catch (KubernetesClientException e) {
            throw new LifecycleException(LifecycleErrorCode.REPAIR_NOT_POSSIBLE, "cannot update the Helm release record of "
                    + releaseName + ": " + e.getMessage(), e, releaseName, status);
        }
    }

    private static int revision(Secret secret) {
        try {
            return Integer.parseInt(secret.getMetadata().getLabels().getOrDefault("version", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static LifecycleException refused(String release, String status, String why) {
        return new LifecycleException(LifecycleErrorCode.REPAIR_NOT_POSSIBLE, release + ": " + why, release, status);
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] data = in.readNBytes(MAX_RECORD_BYTES + 1);
            if (data.length > MAX_RECORD_BYTES) {
                throw new IOException("release record larger than " + MAX_RECORD_BYTES + " bytes");
            }
            return data;
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
