package org.iepmp.kube.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ManifestDriver;
import org.iepmp.kube.api.ManifestPackage;
import org.iepmp.kube.api.ManifestRequest;
import org.iepmp.kube.api.ManifestResult;
import org.iepmp.kube.api.ObjectRef;
import org.iepmp.kube.api.PatchTarget;
import org.iepmp.kube.health.TimeBoundRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ManifestDriver} on fabric8 server-side apply. */
public final class Fabric8ManifestDriver implements ManifestDriver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ManifestDriver.class);
    public static final String FIELD_MANAGER = "iepmp-console";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML_OUT = new YAMLMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private final KubernetesClient client;
    private final String server;
    private final Clock clock;
    private final ManifestInventory inventory;
    private final TimeBoundRunner runner;

    public Fabric8ManifestDriver(KubernetesClient client, String server, Clock clock) {
        this.client = client;
        this.server = server;
        this.clock = clock;
        this.inventory = new ManifestInventory(client);
        this.runner = new TimeBoundRunner("manifest-driver", server);
    }

    @Override
    public ManifestResult apply(ManifestRequest request) {
        checkName(request.packageName());
        // Parse and patch before touching the cluster: a bad package changes nothing.
        List<ObjectNode> objects = ManifestParser.parse(request.manifests(), server);
        applyPatches(objects, request.patches());
        Instant deadline = clock.instant().plus(request.timeout());
        return runner.run("apply of " + request.packageName(), request.timeout(), () -> applyNow(request, objects, deadline));
    }

    private ManifestResult applyNow(ManifestRequest request, List<ObjectNode> objects, Instant deadline) {
        Scopes scopes = new Scopes(client, objects);
        List<GenericKubernetesResource> resources = new ArrayList<>();
        for (ObjectNode node : objects) {
            GenericKubernetesResource resource = JSON.convertValue(node, GenericKubernetesResource.class);
            if (scopes.namespaced(resource.getApiVersion(), resource.getKind())) {
                if (resource.getMetadata().getNamespace() == null || resource.getMetadata().getNamespace().isEmpty()) {
                    resource.getMetadata().setNamespace(request.namespace());
                }
            } else {
                resource.getMetadata().setNamespace(null);
            }
            resources.add(resource);
        }
        resources.sort(Comparator.comparingInt(r -> ApplyOrder.rank(r.getKind())));
        List<ObjectRef> refs = resources.stream().map(Fabric8ManifestDriver::ref).toList();

        List<ObjectRef> previous = inventory.read(request.packageName(), request.namespace()).orElse(List.of());
        refuseForeignObjects(resources, previous);
        List<String> created = ensureNamespaces(request.namespace(), resources);
        Set<ObjectRef> union = new LinkedHashSet<>(previous);
        union.addAll(refs);
        inventory.write(request.packageName(), request.namespace(), request.version(), "applying", union);

        // Namespaces, then CRDs (and wait until they are Established), then everything else in Helm's order.
        for (GenericKubernetesResource resource : resources) {
            if ("Namespace".equals(resource.getKind())) {
                applyOne(resource);
            }
        }
        for (GenericKubernetesResource resource : resources) {
            if ("CustomResourceDefinition".equals(resource.getKind())) {
                applyOne(resource);
            }
        }
        new CrdReadiness(client, clock, server).await(resources, deadline);
        for (GenericKubernetesResource resource : resources) {
            if (!"Namespace".equals(resource.getKind()) && !"CustomResourceDefinition".equals(resource.getKind())) {
                applyOne(resource);
            }
        }

        List<ObjectRef> pruned = new ArrayList<>();
        List<ObjectRef> dropped = new ArrayList<>(previous);
        dropped.removeAll(refs);
        dropped.sort(Comparator.comparingInt((ObjectRef r) -> ApplyOrder.rank(r.kind())).reversed());
        for (ObjectRef gone : dropped) {
            delete(gone);
            pruned.add(gone);
        }
        inventory.write(request.packageName(), request.namespace(), request.version(), "applied", refs);
        LOG.info("Package {} {} applied: {} objects, {} pruned, namespaces created {}", request.packageName(),
                request.version(), refs.size(), pruned.size(), created);
        return new ManifestResult(refs, pruned, created);
    }

    @Override
    public List<ObjectRef> uninstall(String packageName, String namespace, Duration timeout) {
        checkName(packageName);
        return runner.run("uninstall of " + packageName, timeout, () -> {
            List<ObjectRef> objects = inventory.read(packageName, namespace).orElseThrow(() -> new KubeException(
                    KubeErrorCode.NOT_FOUND, "no inventory for package " + packageName, server, packageName));
            List<ObjectRef> order = new ArrayList<>(objects);
            order.sort(Comparator.comparingInt((ObjectRef r) -> ApplyOrder.rank(r.kind())).reversed());
            // The inventory lives in the package namespace: remove it before a declared namespace goes.
            List<ObjectRef> namespaces = order.stream().filter(r -> "Namespace".equals(r.kind())).toList();
            for (ObjectRef ref : order) {
                if (!"Namespace".equals(ref.kind())) {
                    delete(ref);
                }
            }
            inventory.delete(packageName, namespace);
            namespaces.forEach(this::delete);
            LOG.info("Package {} uninstalled: {} objects removed", packageName, objects.size());
            return objects;
        });
    }

    @Override
    public List<ObjectRef> inventory(String packageName, String namespace, Duration timeout) {
        return runner.run("inventory of " + packageName, timeout,
                () -> inventory.read(packageName, namespace).orElse(List.of()));
    }

    @Override
    public Optional<ManifestPackage> installed(String packageName, String namespace, Duration timeout) {
        if (!validName(packageName)) {
            // No inventory can have that name (a Helm release name may): not installed as manifests.
            return Optional.empty();
        }
        return runner.run("inventory of " + packageName, timeout, () -> {
            try {
                return inventory.readPackage(packageName, namespace);
            } catch (IllegalStateException e) {
                throw new KubeException(KubeErrorCode.INVALID_MANIFEST, e.getMessage(), e, server,
                        namespace + "/" + ManifestInventory.name(packageName));
            }
        });
    }

    @Override
    public List<ManifestPackage> list(Duration timeout) {
        return runner.run("list of manifest packages", timeout, inventory::list);
    }

    @Override
    public String render(ManifestRequest request) {
        List<ObjectNode> objects = ManifestParser.parse(request.manifests(), server);
        applyPatches(objects, request.patches());
        StringBuilder text = new StringBuilder();
        for (ObjectNode object : objects) {
            try {
                text.append("---\n").append(YAML_OUT.writeValueAsString(object));
            } catch (JsonProcessingException e) {
                throw new KubeException(KubeErrorCode.INVALID_MANIFEST, "cannot print " + ref(object).display(), e, server,
                        ref(object).display());
            }
        }
        return text.toString();
    }

    /**
     * Like Helm's "exists and cannot be imported": forced server-side apply would silently take over
     * an object someone else made, and uninstall would then delete it. Objects already in this
     * package's inventory, or last applied by this console, are ours; namespaces may be shared.
     */
    private void refuseForeignObjects(List<GenericKubernetesResource> resources, List<ObjectRef> previous) {
        for (GenericKubernetesResource resource : resources) {
            ObjectRef ref = ref(resource);
            if ("Namespace".equals(ref.kind()) || previous.contains(ref)) {
                continue;
            }
            GenericKubernetesResource existing = existing(ref);
            boolean ours = existing == null || existing.getMetadata().getManagedFields() == null
                    ? existing == null
                    : existing.getMetadata().getManagedFields().stream().anyMatch(f -> FIELD_MANAGER.equals(f.getManager()));
            if (!ours) {
                throw new KubeException(KubeErrorCode.ALREADY_EXISTS, ref.display() + " exists and belongs to someone else",
                        server, ref.display());
            }
        }
    }

    private GenericKubernetesResource existing(ObjectRef ref) {
        try {
            var resources = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
            return ref.clusterScoped() ? resources.withName(ref.name()).get()
                    : resources.inNamespace(ref.namespace()).withName(ref.name()).get();
        } catch (KubernetesClientException e) {
            // A kind the server does not know yet (its CRD comes with this package) has no objects.
            if (e.getCode() == 404 || e.getCode() <= 0) {
                return null;
            }
            throw e;
        }
    }

    private void applyOne(GenericKubernetesResource resource) {
        try {
            client.resource(resource).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 400 || e.getCode() == 422) {
                throw new KubeException(KubeErrorCode.INVALID_MANIFEST, "server refused " + ref(resource).display(), e,
                        server, ref(resource).display() + ": " + serverMessage(e));
            }
            throw e;
        }
    }

    private void delete(ObjectRef ref) {
        try {
            var resource = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
            if (ref.clusterScoped()) {
                resource.withName(ref.name()).delete();
            } else {
                resource.inNamespace(ref.namespace()).withName(ref.name()).delete();
            }
        } catch (KubernetesClientException e) {
            // A kind that no longer exists (its CRD went first) means its objects are gone too.
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    private List<String> ensureNamespaces(String packageNamespace, List<GenericKubernetesResource> resources) {
        Set<String> declared = new LinkedHashSet<>();
        Set<String> needed = new LinkedHashSet<>();
        needed.add(packageNamespace);
        for (GenericKubernetesResource r : resources) {
            if ("Namespace".equals(r.getKind())) {
                declared.add(r.getMetadata().getName());
            } else if (r.getMetadata().getNamespace() != null) {
                needed.add(r.getMetadata().getNamespace());
            }
        }
        List<String> created = new ArrayList<>();
        for (String namespace : needed) {
            if (client.namespaces().withName(namespace).get() != null) {
                continue;
            }
            if (declared.contains(namespace)) {
                // Applied ahead of the rest so the inventory (kept in it) can be written first.
                resources.stream().filter(r -> "Namespace".equals(r.getKind()) && namespace.equals(r.getMetadata().getName()))
                        .findFirst().ifPresent(this::applyOne);
            } else {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                        .addToLabels(ManifestInventory.MANAGED_BY, FIELD_MANAGER).endMetadata().build())
                        .fieldManager(FIELD_MANAGER).serverSideApply();
                created.add(namespace);
            }
        }
        return created;
    }

    static void applyPatches(List<ObjectNode> objects, List<PatchTarget> patches) {
        for (PatchTarget patch : patches) {
            int matched = 0;
            for (ObjectNode object : objects) {
                if (patch.selector().matches(ref(object))) {
                    try {
                        JsonPointerPatch.set(object, patch.jsonPointer(), patch.value());
                    } catch (IllegalArgumentException e) {
                        throw new KubeException(KubeErrorCode.INVALID_MANIFEST, "patch " + patch.jsonPointer() + " failed", e,
                                "", ref(object).display() + " " + patch.jsonPointer() + ": " + e.getMessage());
                    }
                    matched++;
                }
            }
            if (matched == 0) {
                throw new KubeException(KubeErrorCode.INVALID_MANIFEST, "patch target matches nothing: " + patch.selector(),
                        "", "no " + patch.selector().kind() + " " + patch.selector().name() + " for " + patch.jsonPointer());
            }
        }
    }

    private static boolean validName(String packageName) {
        return packageName.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") && ManifestInventory.name(packageName).length() <= 253;
    }

    private void checkName(String packageName) {
        if (!validName(packageName)) {
            throw new KubeException(KubeErrorCode.INVALID_NAME, "invalid package name " + packageName, server, packageName);
        }
    }

    static ObjectRef ref(ObjectNode node) {
        return new ObjectRef(node.path("apiVersion").asText(), node.path("kind").asText(),
                node.path("metadata").path("namespace").asText(""), node.path("metadata").path("name").asText());
    }

    static ObjectRef ref(GenericKubernetesResource r) {
        return new ObjectRef(r.getApiVersion(), r.getKind(), r.getMetadata().getNamespace(), r.getMetadata().getName());
    }

    private static String serverMessage(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : String.valueOf(e.getMessage());
    }

    @Override
    public void close() {
        runner.close();
    }

    /** Whether a kind is namespaced: from the manifest's own CRDs, else from API discovery (cached per call). */
    private static final class Scopes {
        private final KubernetesClient client;
        private final Map<String, Boolean> fromCrds = new HashMap<>();
        private final Map<String, Optional<APIResourceList>> discovered = new HashMap<>();

        Scopes(KubernetesClient client, List<ObjectNode> objects) {
            this.client = client;
            for (ObjectNode o : objects) {
                if ("CustomResourceDefinition".equals(o.path("kind").asText())) {
                    String group = o.path("spec").path("group").asText();
                    String kind = o.path("spec").path("names").path("kind").asText();
                    boolean namespaced = !"Cluster".equals(o.path("spec").path("scope").asText());
                    for (var version : o.path("spec").path("versions")) {
                        fromCrds.put(group + "/" + version.path("name").asText() + "|" + kind, namespaced);
                    }
                }
            }
        }

        boolean namespaced(String apiVersion, String kind) {
            Boolean crd = fromCrds.get(apiVersion + "|" + kind);
            if (crd != null) {
                return crd;
            }
            Optional<APIResourceList> list = discovered.computeIfAbsent(apiVersion, v -> {
                try {
                    return Optional.ofNullable(client.getApiResources(v));
                } catch (KubernetesClientException e) {
                    return Optional.empty();
                }
            });
            if (list.isPresent() && list.get().getResources() != null) {
                for (APIResource resource : list.get().getResources()) {
                    if (kind.equals(resource.getKind()) && !resource.getName().contains("/")) {
                        return Boolean.TRUE.equals(resource.getNamespaced());
                    }
                }
            }
            // Unknown to the server: most kinds are namespaced; a wrong guess fails loudly at apply.
            return !List.of("Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
                    "CustomResourceDefinition", "PriorityClass", "IngressClass", "APIService",
                    "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration").contains(kind);
        }
    }
}
