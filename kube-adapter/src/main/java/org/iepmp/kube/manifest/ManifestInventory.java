package org.iepmp.kube.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.kube.api.ManifestPackage;
import org.iepmp.kube.api.ObjectRef;
import org.iepmp.kube.api.WorkloadRef;
import org.iepmp.kube.health.WorkloadLocator;

/**
 * The record of what a manifest package applied: a ConfigMap {@code iepmp-manifest-<package>}
 * in the package namespace, labelled for the console, holding the object list as JSON. Written
 * before applying (old ∪ new, so a crash mid-apply still knows everything that may exist) and
 * after (exactly the new set).
 */
public final class ManifestInventory {

    static final String PREFIX = "iepmp-manifest-";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String PACKAGE_LABEL = "iepmp.org/package";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;

    public ManifestInventory(KubernetesClient client) {
        this.client = client;
    }

    static String name(String packageName) {
        return PREFIX + packageName;
    }

    public Optional<List<ObjectRef>> read(String packageName, String namespace) {
        return readPackage(packageName, namespace).map(ManifestPackage::objects);
    }

    /** The whole inventory: version, whether the last apply finished, objects. */
    public Optional<ManifestPackage> readPackage(String packageName, String namespace) {
        return Optional.ofNullable(client.configMaps().inNamespace(namespace).withName(name(packageName)).get())
                .flatMap(ManifestInventory::packageOf);
    }

    /** Every inventory this console wrote, in any namespace. */
    public List<ManifestPackage> list() {
        List<ManifestPackage> packages = new ArrayList<>();
        for (ConfigMap map : client.configMaps().inAnyNamespace().withLabel(MANAGED_BY, Fabric8ManifestDriver.FIELD_MANAGER)
                .withLabel(PACKAGE_LABEL).list().getItems()) {
            if (map.getMetadata().getName().startsWith(PREFIX)) {
                try {
                    packageOf(map).ifPresent(packages::add);
                } catch (IllegalStateException e) {
                    // A damaged inventory is reported when that package is used, not for every list.
                    continue;
                }
            }
        }
        return packages;
    }

    private static Optional<ManifestPackage> packageOf(ConfigMap map) {
        Map<String, String> data = map.getData();
        if (data == null || data.get("objects") == null) {
            return Optional.empty();
        }
        String packageName = data.getOrDefault("package", map.getMetadata().getName().substring(PREFIX.length()));
        try {
            List<Map<String, String>> rows = JSON.readValue(data.get("objects"), new TypeReference<>() { });
            List<ObjectRef> refs = new ArrayList<>();
            for (Map<String, String> row : rows) {
                refs.add(new ObjectRef(row.get("apiVersion"), row.get("kind"), row.get("namespace"), row.get("name")));
            }
            return Optional.of(new ManifestPackage(packageName, map.getMetadata().getNamespace(), data.get("version"),
                    "applied".equals(data.get("state")), refs));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inventory " + map.getMetadata().getNamespace() + "/" + map.getMetadata().getName()
                    + " is damaged", e);
        }
    }

    void write(String packageName, String namespace, String version, String state, Collection<ObjectRef> objects) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (ObjectRef ref : objects) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("apiVersion", ref.apiVersion());
            row.put("kind", ref.kind());
            row.put("namespace", ref.namespace());
            row.put("name", ref.name());
            rows.add(row);
        }
        String json;
        try {
            json = JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName(name(packageName)).withNamespace(namespace)
                .addToLabels(MANAGED_BY, Fabric8ManifestDriver.FIELD_MANAGER).addToLabels(PACKAGE_LABEL, packageName)
                .endMetadata()
                .addToData("package", packageName).addToData("version", version).addToData("state", state)
                .addToData("objects", json).build();
        client.configMaps().inNamespace(namespace).resource(map).fieldManager(Fabric8ManifestDriver.FIELD_MANAGER)
                .forceConflicts().serverSideApply();
    }

    void delete(String packageName, String namespace) {
        client.configMaps().inNamespace(namespace).withName(name(packageName)).delete();
    }

    /** The workloads of a package, for release health ({@link WorkloadLocator}'s inventory source). */
    public Collection<WorkloadRef> workloads(String packageName, String namespace) {
        try {
            return read(packageName, namespace).orElse(List.of()).stream()
                    .filter(ref -> WorkloadLocator.WORKLOAD_KINDS.contains(ref.kind()))
                    .map(ref -> new WorkloadRef(ref.kind(), ref.namespace(), ref.name())).toList();
        } catch (IllegalStateException e) {
            return List.of();
        }
    }
}
