package org.iepmp.kube.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads the rendered manifest of a Helm release straight from Helm's storage Secret
 * ({@code sh.helm.release.v1.<name>.v<revision>}, labels {@code owner=helm,name=<name>}): the
 * release JSON, gzipped and base64-encoded inside the Secret's own base64. No Helm call needed,
 * and it lists exactly the objects Helm applied even when charts forget the instance label.
 */
public final class HelmReleaseManifest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;

    public HelmReleaseManifest(KubernetesClient client) {
        this.client = client;
    }

    /** The manifest of the newest stored revision, or empty when Helm has no such release. */
    public Optional<String> latest(String release, String namespace) {
        return client.secrets().inNamespace(namespace)
                .withLabels(Map.of("owner", "helm", "name", release))
                .list().getItems().stream()
                .max(Comparator.comparingInt(HelmReleaseManifest::revision))
                .flatMap(HelmReleaseManifest::manifestOf);
    }

    static int revision(Secret secret) {
        Map<String, String> labels = secret.getMetadata().getLabels();
        try {
            return labels == null ? 0 : Integer.parseInt(labels.getOrDefault("version", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Optional<String> manifestOf(Secret secret) {
        if (secret.getData() == null || secret.getData().get("release") == null) {
            return Optional.empty();
        }
        try {
            byte[] helmEncoded = Base64.getDecoder().decode(secret.getData().get("release").strip());
            byte[] payload = Base64.getDecoder().decode(new String(helmEncoded, java.nio.charset.StandardCharsets.US_ASCII).strip());
            JsonNode release = JSON.readTree(gunzipIfNeeded(payload));
            JsonNode manifest = release.get("manifest");
            return manifest == null || manifest.isNull() ? Optional.empty() : Optional.of(manifest.asText());
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** Helm 3 always gzips; the check keeps a hand-made or very old record readable. */
    static byte[] gunzipIfNeeded(byte[] payload) throws IOException {
        if (payload.length > 2 && (payload[0] & 0xff) == 0x1f && (payload[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload))) {
                return in.readAllBytes();
            }
        }
        return payload;
    }
}
