package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** What the workload controllers read from and write into objects: ownership, pod state, conditions, template hashes. */
final class WorkloadObjects {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private WorkloadObjects() {
    }

    static int maxUnavailable(JsonNode d, int desired) {
        JsonNode value = d.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable");
        if (value.isInt()) {
            return value.asInt();
        }
        String text = value.asText("25%");
        if (text.endsWith("%")) {
            return (int) Math.floor(desired * Integer.parseInt(text.substring(0, text.length() - 1)) / 100.0);
        }
        return Integer.parseInt(text);
    }

    static long progressingSince(JsonNode conditions, String now) {
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals("Progressing") && c.path("reason").asText().equals("ReplicaSetUpdated")) {
                return java.time.Duration.between(java.time.Instant.parse(c.path("lastTransitionTime").asText(now)),
                        java.time.Instant.parse(now)).toSeconds();
            }
        }
        return 0;
    }

    /** A condition keeps its transition time while its status stays the same, as controllers do. */
    static ObjectNode condition(JsonNode old, String type, String status, String reason, String message,
            String now) {
        ObjectNode c = JSON.objectNode();
        c.put("type", type);
        c.put("status", status);
        String transition = now;
        String update = now;
        for (JsonNode o : old) {
            if (o.path("type").asText().equals(type) && o.path("status").asText().equals(status)) {
                transition = o.path("lastTransitionTime").asText(now);
                if (o.path("reason").asText().equals(reason)) {
                    update = o.path("lastUpdateTime").asText(now);
                }
            }
        }
        c.put("lastUpdateTime", update);
        c.put("lastTransitionTime", transition);
        c.put("reason", reason);
        c.put("message", message);
        return c;
    }

    /** Status equality ignoring timestamps, so an unchanged status is not rewritten (no resourceVersion churn). */
    static JsonNode withSameTimes(ObjectNode status, JsonNode old) {
        ObjectNode copy = status.deepCopy();
        for (JsonNode c : copy.path("conditions")) {
            for (JsonNode o : old.path("conditions")) {
                if (o.path("type").equals(c.path("type"))) {
                    ((ObjectNode) c).set("lastUpdateTime", o.get("lastUpdateTime"));
                    ((ObjectNode) c).set("lastTransitionTime", o.get("lastTransitionTime"));
                }
            }
        }
        return copy;
    }

    static int ordinal(JsonNode pod, String setName) {
        String suffix = ObjectStore.nameOf(pod).substring(setName.length() + 1);
        try {
            return Integer.parseInt(suffix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static ObjectNode jobCondition(String type, String reason, String message, String now) {
        ObjectNode c = JSON.objectNode();
        c.put("type", type);
        c.put("status", "True");
        c.put("lastProbeTime", now);
        c.put("lastTransitionTime", now);
        if (reason != null) {
            c.put("reason", reason);
            c.put("message", message);
        }
        return c;
    }

    static ObjectNode podFrom(ObjectNode owner, JsonNode template, String name) {
        ObjectNode pod = JSON.objectNode();
        ObjectNode meta = pod.putObject("metadata");
        if (name != null) {
            meta.put("name", name);
        }
        meta.set("labels", copyObject(template.path("metadata").path("labels")));
        if (template.path("metadata").has("annotations")) {
            meta.set("annotations", template.path("metadata").path("annotations").deepCopy());
        }
        meta.putArray("ownerReferences").add(ownerRef(owner));
        pod.set("spec", template.path("spec").deepCopy());
        return pod;
    }

    static boolean ready(JsonNode pod) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c.path("status").asText().equals("True");
            }
        }
        return false;
    }

    static String phase(JsonNode pod) {
        return pod.path("status").path("phase").asText("Pending");
    }

    static int restarts(JsonNode pod) {
        int restarts = 0;
        for (JsonNode c : pod.path("status").path("containerStatuses")) {
            restarts += c.path("restartCount").asInt(0);
        }
        return restarts;
    }

    static boolean deleting(JsonNode o) {
        return o.path("metadata").has("deletionTimestamp");
    }

    static boolean ownedBy(JsonNode child, JsonNode owner) {
        String uid = ObjectStore.uidOf(owner);
        for (JsonNode ref : child.path("metadata").path("ownerReferences")) {
            if (ref.path("uid").asText().equals(uid) && ref.path("controller").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    static ObjectNode ownerRef(JsonNode owner) {
        ObjectNode ref = JSON.objectNode();
        ref.put("apiVersion", owner.path("apiVersion").asText());
        ref.put("kind", owner.path("kind").asText());
        ref.put("name", ObjectStore.nameOf(owner));
        ref.put("uid", ObjectStore.uidOf(owner));
        ref.put("controller", true);
        ref.put("blockOwnerDeletion", true);
        return ref;
    }

    static String label(JsonNode o, String key) {
        return o.path("metadata").path("labels").path(key).asText(null);
    }

    static ObjectNode copyObject(JsonNode node) {
        return node instanceof ObjectNode o ? o.deepCopy() : JSON.objectNode();
    }

    /** A 10-character hash of a pod template in the Kubernetes name alphabet, like pod-template-hash. */
    static String hash(JsonNode template) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(template.toString().getBytes(StandardCharsets.UTF_8));
            String alphabet = "bcdfghjklmnpqrstvwxz2456789";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                sb.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
