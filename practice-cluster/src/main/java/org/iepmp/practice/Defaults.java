package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API server's defaulting for the fields charts usually leave out, so objects read back look like those of a
 * real cluster (Helm and kubectl diff against them).
 */
final class Defaults {

    private final AtomicInteger nextClusterIp = new AtomicInteger(10);

    void apply(ResourceType type, ObjectNode o) {
        switch (type.kind()) {
            case "Namespace" -> namespace(o);
            case "Secret" -> secret(o);
            case "Service" -> service(o);
            case "Pod" -> {
                podSpec(o.withObjectProperty("spec"));
                if (!o.path("status").has("phase")) {
                    o.withObjectProperty("status").put("phase", "Pending");
                    o.withObjectProperty("status").put("qosClass", "BestEffort");
                }
            }
            case "Deployment" -> deployment(o.withObjectProperty("spec"));
            case "StatefulSet", "ReplicaSet", "DaemonSet" -> {
                ObjectNode spec = o.withObjectProperty("spec");
                if (!type.kind().equals("DaemonSet")) {
                    putIfAbsent(spec, "replicas", 1);
                }
                podSpec(spec.withObjectProperty("template").withObjectProperty("spec"));
            }
            case "Job" -> job(o.withObjectProperty("spec"));
            default -> {
                // Other kinds are stored as sent.
            }
        }
    }

    private static void namespace(ObjectNode o) {
        o.withObjectProperty("metadata").withObjectProperty("labels").put("kubernetes.io/metadata.name",
                o.path("metadata").path("name").asText(""));
        o.withObjectProperty("spec").withArray("finalizers");
        if (o.path("spec").path("finalizers").isEmpty()) {
            o.withObjectProperty("spec").withArray("finalizers").add("kubernetes");
        }
        o.withObjectProperty("status").put("phase", "Active");
    }

    private static void secret(ObjectNode o) {
        if (!o.has("type")) {
            o.put("type", "Opaque");
        }
        if (o.get("stringData") instanceof ObjectNode stringData) {
            // stringData is write-only: merged into data, base64-encoded.
            ObjectNode data = o.withObjectProperty("data");
            stringData.fields().forEachRemaining(e -> data.put(e.getKey(), java.util.Base64.getEncoder()
                    .encodeToString(e.getValue().asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            o.remove("stringData");
        }
    }

    private void deployment(ObjectNode spec) {
        putIfAbsent(spec, "replicas", 1);
        putIfAbsent(spec, "revisionHistoryLimit", 10);
        putIfAbsent(spec, "progressDeadlineSeconds", 600);
        if (!spec.has("strategy")) {
            ObjectNode strategy = spec.putObject("strategy");
            strategy.put("type", "RollingUpdate");
            strategy.putObject("rollingUpdate").put("maxUnavailable", "25%").put("maxSurge", "25%");
        }
        podSpec(spec.withObjectProperty("template").withObjectProperty("spec"));
    }

    /** A Job's pods never restart in place: "Always" (or none) becomes "Never". */
    private void job(ObjectNode spec) {
        putIfAbsent(spec, "backoffLimit", 6);
        putIfAbsent(spec, "completions", 1);
        putIfAbsent(spec, "parallelism", 1);
        podSpec(spec.withObjectProperty("template").withObjectProperty("spec"));
        if (!spec.path("template").path("spec").has("restartPolicy")
                || spec.path("template").path("spec").path("restartPolicy").asText().equals("Always")) {
            spec.withObjectProperty("template").withObjectProperty("spec").put("restartPolicy", "Never");
        }
    }

    private void service(ObjectNode o) {
        ObjectNode spec = o.withObjectProperty("spec");
        String serviceType = spec.path("type").asText("ClusterIP");
        spec.put("type", serviceType);
        if (!serviceType.equals("ExternalName") && !spec.hasNonNull("clusterIP")) {
            String ip = "10.152.183." + nextClusterIp.getAndIncrement() % 250;
            spec.put("clusterIP", ip);
            spec.putArray("clusterIPs").add(ip);
        }
        putIfAbsent(spec, "sessionAffinity", "None");
        if (!spec.has("ipFamilies")) {
            spec.putArray("ipFamilies").add("IPv4");
            spec.put("ipFamilyPolicy", "SingleStack");
        }
        putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
        int nodePort = 30080;
        for (JsonNode port : spec.path("ports")) {
            if (port instanceof ObjectNode p) {
                putIfAbsent(p, "protocol", "TCP");
                if (!p.has("targetPort") && p.has("port")) {
                    p.set("targetPort", p.get("port"));
                }
                if ((serviceType.equals("NodePort") || serviceType.equals("LoadBalancer")) && !p.has("nodePort")) {
                    p.put("nodePort", nodePort++);
                }
            }
        }
        if (!o.has("status")) {
            o.withObjectProperty("status").putObject("loadBalancer");
        }
    }

    private static void podSpec(ObjectNode spec) {
        putIfAbsent(spec, "restartPolicy", "Always");
        putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
        putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        putIfAbsent(spec, "schedulerName", "default-scheduler");
        if (!spec.has("securityContext")) {
            spec.putObject("securityContext");
        }
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode c : spec.path(list)) {
                if (c instanceof ObjectNode container) {
                    String image = container.path("image").asText("");
                    boolean latest = !image.contains(":") || image.endsWith(":latest");
                    putIfAbsent(container, "imagePullPolicy", latest ? "Always" : "IfNotPresent");
                    putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
                    putIfAbsent(container, "terminationMessagePolicy", "File");
                    if (!container.has("resources")) {
                        container.putObject("resources");
                    }
                    for (JsonNode port : container.path("ports")) {
                        if (port instanceof ObjectNode p) {
                            putIfAbsent(p, "protocol", "TCP");
                        }
                    }
                }
            }
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, Object value) {
        if (node.has(field) && !node.get(field).isNull()) {
            return;
        }
        if (value instanceof Integer i) {
            node.put(field, i);
        } else {
            node.put(field, value.toString());
        }
    }
}
