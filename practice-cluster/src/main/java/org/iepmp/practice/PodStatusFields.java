package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Parts of a pod's status as a real kubelet writes them: conditions, terminated states, image digests, pull errors. */
final class PodStatusFields {

    private PodStatusFields() {
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pullError(String image) {
        return "rpc error: code = NotFound desc = failed to pull and unpack image \"" + image
                + "\": failed to resolve reference \"" + image + "\": not found";
    }

    static void podCondition(ArrayNode conditions, JsonNode old, String type, boolean ok, String reason,
            String now) {
        ObjectNode c = conditions.addObject();
        c.put("type", type);
        c.put("status", ok ? "True" : "False");
        c.putNull("lastProbeTime");
        String transition = now;
        for (JsonNode o : old) {
            if (o.path("type").asText().equals(type) && o.path("status").asText().equals(ok ? "True" : "False")) {
                transition = o.path("lastTransitionTime").asText(now);
            }
        }
        c.put("lastTransitionTime", transition);
        if (reason != null) {
            c.put("reason", reason);
            if (reason.equals("ContainersNotReady")) {
                c.put("message", "containers with unready status");
            }
        }
    }

    static ObjectNode terminated(ObjectNode state, int exitCode, String reason, String at) {
        ObjectNode terminated = state.putObject("terminated");
        terminated.put("exitCode", exitCode);
        terminated.put("reason", reason);
        terminated.put("startedAt", at);
        terminated.put("finishedAt", at);
        return terminated;
    }
}
