package org.iepmp.kube.facts;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.kube.api.GlasskubeInventory;
import org.iepmp.kube.api.GlasskubePackage;
import org.iepmp.kube.api.ImagePresence;
import org.iepmp.kube.api.NodeResources;
import org.iepmp.kube.api.PermissionCheck;
import org.iepmp.kube.api.PermissionRequest;
import org.iepmp.kube.api.PreflightFacts;
import org.iepmp.kube.health.TimeBoundRunner;

/** {@link PreflightFacts} read through fabric8. */
public final class Fabric8PreflightFacts implements PreflightFacts, AutoCloseable {

    static final String GLASSKUBE_GROUP = "packages.glasskube.dev";

    private final KubernetesClient client;
    private final TimeBoundRunner runner;

    public Fabric8PreflightFacts(KubernetesClient client, String server) {
        this.client = client;
        this.runner = new TimeBoundRunner("preflight-facts", server);
    }

    @Override
    public List<NodeResources> nodeResources(Duration timeout) {
        return runner.run("node resources", timeout, () -> {
            Map<String, long[]> requested = new HashMap<>();
            for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
                String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
                String phase = pod.getStatus() == null ? "" : String.valueOf(pod.getStatus().getPhase());
                if (node == null || node.isEmpty() || phase.equals("Succeeded") || phase.equals("Failed")) {
                    continue;
                }
                long[] sums = requested.computeIfAbsent(node, n -> new long[3]);
                sums[0] += effectiveRequest(pod, "cpu", 1000);
                sums[1] += effectiveRequest(pod, "memory", 1);
                sums[2]++;
            }
            List<NodeResources> result = new ArrayList<>();
            for (Node node : client.nodes().list().getItems()) {
                String name = node.getMetadata().getName();
                Map<String, Quantity> allocatable = node.getStatus() == null ? null : node.getStatus().getAllocatable();
                long[] sums = requested.getOrDefault(name, new long[3]);
                result.add(new NodeResources(name, condition(node, "Ready"), amount(allocatable, "cpu", 1000), sums[0],
                        amount(allocatable, "memory", 1), sums[1], amount(allocatable, "pods", 1), (int) sums[2],
                        condition(node, "DiskPressure"), condition(node, "MemoryPressure"), condition(node, "PIDPressure")));
            }
            return result;
        });
    }

    /** What the scheduler reserves: the larger of the containers' sum and the largest init container, plus overhead. */
    static long effectiveRequest(Pod pod, String resource, long scale) {
        long containers = 0;
        for (Container c : pod.getSpec().getContainers() == null ? List.<Container>of() : pod.getSpec().getContainers()) {
            containers += request(c, resource, scale);
        }
        long init = 0;
        for (Container c : pod.getSpec().getInitContainers() == null ? List.<Container>of() : pod.getSpec().getInitContainers()) {
            init = Math.max(init, request(c, resource, scale));
        }
        return Math.max(containers, init) + amount(pod.getSpec().getOverhead(), resource, scale);
    }

    private static long request(Container container, String resource, long scale) {
        return container.getResources() == null ? 0 : amount(container.getResources().getRequests(), resource, scale);
    }

    private static long amount(Map<String, Quantity> resources, String key, long scale) {
        Quantity quantity = resources == null ? null : resources.get(key);
        if (quantity == null) {
            return 0;
        }
        return quantity.getNumericalAmount().multiply(BigDecimal.valueOf(scale)).longValue();
    }

    private static boolean condition(Node node, String type) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition c : node.getStatus().getConditions()) {
            if (type.equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }

    @Override
    public List<String> imagesReferencedBy(String renderedManifest) {
        return ImageReferences.imagesIn(renderedManifest);
    }

    @Override
    public List<ImagePresence> imagesPresent(Collection<String> images, Duration timeout) {
        return runner.run("images on nodes", timeout, () -> {
            Map<String, List<String>> nodesByImage = new HashMap<>();
            for (Node node : client.nodes().list().getItems()) {
                if (node.getStatus() == null || node.getStatus().getImages() == null) {
                    continue;
                }
                for (ContainerImage image : node.getStatus().getImages()) {
                    for (String name : image.getNames() == null ? List.<String>of() : image.getNames()) {
                        List<String> nodes = nodesByImage.computeIfAbsent(ImageReferences.normalize(name), k -> new ArrayList<>());
                        if (!nodes.contains(node.getMetadata().getName())) {
                            nodes.add(node.getMetadata().getName());
                        }
                    }
                }
            }
            List<ImagePresence> result = new ArrayList<>();
            for (String image : images) {
                result.add(new ImagePresence(image, nodesByImage.getOrDefault(ImageReferences.normalize(image), List.of())));
            }
            return result;
        });
    }

    @Override
    public List<PermissionCheck> permissions(List<PermissionRequest> requests, Duration timeout) {
        return runner.run("permission checks", timeout, () -> {
            List<PermissionCheck> result = new ArrayList<>();
            for (PermissionRequest request : requests) {
                SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                        .withVerb(request.verb()).withGroup(request.group()).withResource(request.resource())
                        .withNamespace(request.namespace().isEmpty() ? null : request.namespace())
                        .endResourceAttributes().endSpec().build();
                SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
                boolean allowed = answer != null && answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
                String reason = answer == null || answer.getStatus() == null ? "" : answer.getStatus().getReason();
                result.add(new PermissionCheck(request, allowed, reason));
            }
            return result;
        });
    }

    @Override
    public GlasskubeInventory glasskube(Duration timeout) {
        return runner.run("glasskube packages", timeout, () -> {
            Optional<CustomResourceDefinition> clusterCrd = crd("clusterpackages." + GLASSKUBE_GROUP);
            Optional<CustomResourceDefinition> packageCrd = crd("packages." + GLASSKUBE_GROUP);
            List<GlasskubePackage> packages = new ArrayList<>();
            clusterCrd.ifPresent(crd -> list(crd, "ClusterPackage", packages));
            packageCrd.ifPresent(crd -> list(crd, "Package", packages));
            return new GlasskubeInventory(clusterCrd.isPresent(), packageCrd.isPresent(), packages);
        });
    }

    private Optional<CustomResourceDefinition> crd(String name) {
        return Optional.ofNullable(client.apiextensions().v1().customResourceDefinitions().withName(name).get());
    }

    private void list(CustomResourceDefinition crd, String kind, List<GlasskubePackage> into) {
        String version = crd.getSpec().getVersions().stream().filter(v -> Boolean.TRUE.equals(v.getStorage()))
                .map(CustomResourceDefinitionVersion::getName).findFirst()
                .orElse(crd.getSpec().getVersions().get(0).getName());
        var resources = client.genericKubernetesResources(GLASSKUBE_GROUP + "/" + version, kind);
        List<GenericKubernetesResource> items = "Package".equals(kind)
                ? resources.inAnyNamespace().list().getItems() : resources.list().getItems();
        for (GenericKubernetesResource item : items) {
            Map<String, Object> info = map(map(item.getAdditionalProperties().get("spec")).get("packageInfo"));
            into.add(new GlasskubePackage(kind, item.getMetadata().getNamespace() == null ? "" : item.getMetadata().getNamespace(),
                    item.getMetadata().getName(), text(info.get("name")), text(info.get("version")),
                    text(info.get("repositoryName")), readyStatus(map(item.getAdditionalProperties().get("status")))));
        }
    }

    private static String readyStatus(Map<String, Object> status) {
        Object conditions = status.get("conditions");
        if (conditions instanceof List<?> list) {
            for (Object c : list) {
                Map<String, Object> condition = map(c);
                if ("Ready".equals(condition.get("type"))) {
                    String reason = text(condition.get("reason"));
                    return reason.isEmpty() ? text(condition.get("status")) : reason;
                }
            }
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    @Override
    public void close() {
        runner.close();
    }
}
