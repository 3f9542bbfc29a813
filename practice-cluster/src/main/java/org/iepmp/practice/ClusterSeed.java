package org.iepmp.practice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.iepmp.practice.api.PracticeOptions;
import org.iepmp.practice.api.SimulatedNode;

/** What a fresh cluster holds: the system namespaces (kube-system with a stable uid), nodes, the kubernetes service. */
final class ClusterSeed {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ClusterSeed() {
    }

    /**
     * New for every practice cluster, as for a real one set up afresh: the cluster starts empty, so history
     * rows of an earlier practice cluster (keyed by this uid) must not read as this one's releases and offer
     * rollbacks to releases that no longer exist.
     */
    static String newKubeSystemUid() {
        return UUID.randomUUID().toString();
    }

    /** Seeds {@code store}; returns the kube-system uid, the new cluster's identity. */
    static String seed(ObjectStore store, ResourceRegistry registry, Defaults defaults, PracticeOptions options) {
        ResourceType namespaces = registry.find("", "v1", "namespaces").orElseThrow();
        for (String name : new String[] {"default", "kube-system", "kube-public", "kube-node-lease"}) {
            ObjectNode ns = JSON.objectNode();
            ns.putObject("metadata").put("name", name);
            defaults.apply(namespaces, ns);
            store.create(namespaces, null, ns, false);
        }
        // A real cluster's kube-system uid is fixed for its lifetime; the store assigns random uids, so set it.
        String uid = newKubeSystemUid();
        store.replaceUid(namespaces, null, "kube-system", uid);
        ResourceType nodes = registry.find("", "v1", "nodes").orElseThrow();
        for (SimulatedNode node : options.nodes()) {
            store.create(nodes, null, node(node, store.now()), false);
        }
        ResourceType services = registry.find("", "v1", "services").orElseThrow();
        ObjectNode kubernetes = JSON.objectNode();
        ObjectNode meta = kubernetes.putObject("metadata");
        meta.put("name", "kubernetes");
        meta.putObject("labels").put("component", "apiserver").put("provider", "kubernetes");
        ObjectNode spec = kubernetes.putObject("spec");
        spec.put("clusterIP", "10.152.183.1");
        spec.putArray("clusterIPs").add("10.152.183.1");
        ObjectNode port = spec.putArray("ports").addObject();
        port.put("name", "https").put("port", 443).put("protocol", "TCP").put("targetPort", 16443);
        defaults.apply(services, kubernetes);
        store.create(services, "default", kubernetes, false);
        return uid;
    }

    static ObjectNode node(SimulatedNode node, String now) {
        ObjectNode o = JSON.objectNode();
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", node.name());
        ObjectNode labels = meta.putObject("labels");
        labels.put("kubernetes.io/hostname", node.name());
        labels.put("kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("beta.kubernetes.io/os", "linux");
        labels.put("beta.kubernetes.io/arch", "amd64");
        labels.put("node-role.kubernetes.io/control-plane", "");
        labels.put("microk8s.io/cluster", "true");
        meta.putObject("annotations").put("node.alpha.kubernetes.io/ttl", "0");
        o.putObject("spec").put("podCIDR", "10.1.0.0/24");
        ObjectNode status = o.putObject("status");
        ObjectNode capacity = status.putObject("capacity");
        capacity.put("cpu", Integer.toString(node.cpuCores()));
        capacity.put("memory", (node.memoryMebibytes() * 1024) + "Ki");
        capacity.put("ephemeral-storage", "122485360Ki");
        capacity.put("pods", "110");
        capacity.put("hugepages-2Mi", "0");
        ObjectNode allocatable = status.putObject("allocatable");
        allocatable.put("cpu", Integer.toString(node.cpuCores()));
        // The kubelet reserves memory for eviction (100Mi hard threshold), as MicroK8s' default does.
        allocatable.put("memory", (node.memoryMebibytes() * 1024 - 102400) + "Ki");
        allocatable.put("ephemeral-storage", "112883056Ki");
        allocatable.put("pods", "110");
        allocatable.put("hugepages-2Mi", "0");
        ArrayNode conditions = status.putArray("conditions");
        condition(conditions, "MemoryPressure", "False", "KubeletHasSufficientMemory",
                "kubelet has sufficient memory available", now);
        condition(conditions, "DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now);
        condition(conditions, "PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
                now);
        condition(conditions, "Ready", "True", "KubeletReady", "kubelet is posting ready status", now);
        ArrayNode addresses = status.putArray("addresses");
        addresses.addObject().put("type", "InternalIP").put("address", "192.168.10.21");
        addresses.addObject().put("type", "Hostname").put("address", node.name());
        status.putObject("daemonEndpoints").putObject("kubeletEndpoint").put("Port", 10250);
        ObjectNode info = status.putObject("nodeInfo");
        info.put("machineID", UUID.nameUUIDFromBytes(node.name().getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", ""));
        info.put("systemUUID", UUID.nameUUIDFromBytes(("sys/" + node.name()).getBytes(StandardCharsets.UTF_8))
                .toString());
        info.put("bootID", UUID.randomUUID().toString());
        info.put("kernelVersion", "5.15.0-126-generic");
        info.put("osImage", "Ubuntu 22.04.5 LTS");
        info.put("containerRuntimeVersion", "containerd://1.6.28");
        info.put("kubeletVersion", "v1.31.4");
        info.put("kubeProxyVersion", "v1.31.4");
        info.put("operatingSystem", "linux");
        info.put("architecture", "amd64");
        ArrayNode images = status.putArray("images");
        for (String image : node.images()) {
            ObjectNode i = images.addObject();
            i.putArray("names").add(image);
            i.put("sizeBytes", 10_000_000L + Math.abs(image.hashCode() % 50_000_000));
        }
        return o;
    }

    private static void condition(ArrayNode conditions, String type, String status, String reason, String message,
            String now) {
        ObjectNode c = conditions.addObject();
        c.put("type", type);
        c.put("status", status);
        c.put("lastHeartbeatTime", now);
        c.put("lastTransitionTime", now);
        c.put("reason", reason);
        c.put("message", message);
    }
}
