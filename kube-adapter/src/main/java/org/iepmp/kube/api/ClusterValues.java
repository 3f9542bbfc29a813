package org.iepmp.kube.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The values a package's value references read from the cluster, as Glasskube reads them: a key of
 * a ConfigMap, a key of a Secret, a value of a Glasskube {@code ClusterPackage}. A missing object
 * throws {@link KubeException} with {@link KubeErrorCode#REFERENCE_NOT_FOUND} (params: server, kind,
 * namespace, name); a missing key is an empty result. Each call is bounded by its timeout.
 */
public interface ClusterValues {

    /** The text under {@code key} in ConfigMap {@code namespace/name}. */
    Optional<String> configMapValue(String namespace, String name, String key, Duration timeout);

    /** The bytes under {@code key} in Secret {@code namespace/name} (the stored data, decoded once). Never logged. */
    Optional<byte[]> secretValue(String namespace, String name, String key, Duration timeout);

    /**
     * The configuration of value {@code value} in the {@code spec.values} of Glasskube's ClusterPackage
     * {@code name}, as plain maps: {@code {value: text}} or {@code {valueFrom: {configMapRef|secretRef|packageRef: ...}}}.
     */
    Optional<Map<String, Object>> glasskubePackageValue(String name, String value, Duration timeout);
}
