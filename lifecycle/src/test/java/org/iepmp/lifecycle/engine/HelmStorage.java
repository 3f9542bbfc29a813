package org.iepmp.lifecycle.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Helm's own release records (Secrets {@code sh.helm.release.v1.<name>.v<revision>}, data
 * base64(gzip(JSON))), edited the way a Helm killed mid-operation leaves them.
 */
final class HelmStorage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;

    HelmStorage(KubernetesClient client) {
        this.client = client;
    }

    /** Sets the status of the newest revision, e.g. {@code pending-upgrade} as a killed Helm leaves it. */
    void setStatus(String release, String namespace, String status) {
        Secret newest = client.secrets().inNamespace(namespace).withLabels(Map.of("owner", "helm", "name", release)).list().getItems()
                .stream().max(Comparator.comparingInt(s -> Integer.parseInt(s.getMetadata().getLabels().get("version"))))
                .orElseThrow();
        try {
            String helmText = new String(Base64.getDecoder().decode(newest.getData().get("release")), StandardCharsets.US_ASCII);
            ObjectNode record = (ObjectNode) JSON.readTree(gunzip(Base64.getDecoder().decode(helmText)));
            ((ObjectNode) record.get("info")).put("status", status);
            String encoded = Base64.getEncoder().encodeToString(gzip(JSON.writeValueAsBytes(record)));
            newest.getData().put("release", Base64.getEncoder().encodeToString(encoded.getBytes(StandardCharsets.US_ASCII)));
            newest.getMetadata().getLabels().put("status", status);
            newest.getMetadata().setResourceVersion(null);
            client.secrets().inNamespace(namespace).resource(newest).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
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
