package org.iepmp.kube.facts;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.iepmp.kube.api.ClusterValues;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.cluster.KubeErrors;
import org.iepmp.kube.health.TimeBoundRunner;

/** {@link ClusterValues} on fabric8. */
public final class Fabric8ClusterValues implements ClusterValues, AutoCloseable {

    private static final String GLASSKUBE_API = "packages.glasskube.dev/v1alpha1";

    private final KubernetesClient client;
    private final String server;
    private final TimeBoundRunner runner;

    public Fabric8ClusterValues(KubernetesClient client, String server) {
        this.client = client;
        this.server = server;
        this.runner = new TimeBoundRunner("value-references", server);
    }

    @Override
    public Optional<String> configMapValue(String namespace, String name, String key, Duration timeout) {
        ConfigMap map = read("ConfigMap", namespace, name, timeout,
                () -> client.configMaps().inNamespace(namespace).withName(name).get());
        return Optional.ofNullable(map.getData()).map(data -> data.get(key));
    }

    @Override
    public Optional<byte[]> secretValue(String namespace, String name, String key, Duration timeout) {
        Secret secret = read("Secret", namespace, name, timeout, () -> client.secrets().inNamespace(namespace).withName(name).get());
        // The API server sends data base64-encoded; this is the stored bytes.
        return Optional.ofNullable(secret.getData()).map(data -> data.get(key)).map(Base64.getDecoder()::decode);
    }

    @Override
    public Optional<Map<String, Object>> glasskubePackageValue(String name, String value, Duration timeout) {
        GenericKubernetesResource resource = read("ClusterPackage", "", name, timeout,
                () -> client.genericKubernetesResources(GLASSKUBE_API, "ClusterPackage").withName(name).get());
        Object spec = resource.getAdditionalProperties().get("spec");
        Object values = spec instanceof Map<?, ?> map ? map.get("values") : null;
        Object configured = values instanceof Map<?, ?> map ? map.get(value) : null;
        if (!(configured instanceof Map<?, ?> config)) {
            return Optional.empty();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        config.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return Optional.of(copy);
    }

    private <T> T read(String kind, String namespace, String name, Duration timeout, java.util.concurrent.Callable<T> get) {
        T found = runner.run(kind + " " + namespace + "/" + name, timeout, () -> {
            try {
                return get.call();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    return null;
                }
                throw KubeErrors.map(e, server);
            }
        });
        if (found == null) {
            throw new KubeException(KubeErrorCode.REFERENCE_NOT_FOUND, kind + " " + namespace + "/" + name + " not found", server, kind,
                    namespace, name);
        }
        return found;
    }

    @Override
    public void close() {
        runner.close();
    }
}
