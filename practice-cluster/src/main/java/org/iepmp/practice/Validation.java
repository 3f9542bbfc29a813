package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's validation of the workload fields a broken chart most often gets wrong: selectors that do not
 * select the template, pods without containers, containers without name or image; and a Lease's duration and
 * transitions. Failures are 422 Invalid with the
 * real server's field paths and wording.
 */
final class Validation {

    private Validation() {
    }

    static void validate(ResourceType type, ObjectNode o) {
        List<String> problems = new ArrayList<>();
        switch (type.kind()) {
            case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet" -> {
                JsonNode selector = o.path("spec").path("selector");
                if (selector.isMissingNode() || selector.isNull() || selector.isEmpty()) {
                    problems.add("spec.selector: Required value");
                } else if (!Selectors.matches(selector, o.path("spec").path("template").path("metadata")
                        .path("labels"))) {
                    problems.add("spec.template.metadata.labels: Invalid value: "
                            + o.path("spec").path("template").path("metadata").path("labels")
                            + ": `selector` does not match template `labels`");
                }
                podSpec(o.path("spec").path("template").path("spec"), "spec.template.spec", problems);
            }
            case "Job" -> podSpec(o.path("spec").path("template").path("spec"), "spec.template.spec", problems);
            case "Pod" -> podSpec(o.path("spec"), "spec", problems);
            case "Lease" -> lease(o.path("spec"), problems);
            default -> {
                // Other kinds are not validated beyond their name.
            }
        }
        if (!problems.isEmpty()) {
            String name = ObjectStore.nameOf(o);
            throw ApiError.invalid(type, name.isEmpty() ? o.path("metadata").path("generateName").asText("") : name,
                    problems.size() == 1 ? problems.get(0) : problems.toString());
        }
    }

    /** As the real server's ValidateLeaseSpec: a duration must be positive, transitions never negative. */
    private static void lease(JsonNode spec, List<String> problems) {
        JsonNode duration = spec.path("leaseDurationSeconds");
        if (duration.isNumber() && duration.asLong() <= 0) {
            problems.add("spec.leaseDurationSeconds: Invalid value: " + duration.asLong() + ": must be greater than 0");
        }
        JsonNode transitions = spec.path("leaseTransitions");
        if (transitions.isNumber() && transitions.asLong() < 0) {
            problems.add("spec.leaseTransitions: Invalid value: " + transitions.asLong() + ": must be greater than or equal to 0");
        }
    }

    private static void podSpec(JsonNode spec, String path, List<String> problems) {
        JsonNode containers = spec.path("containers");
        if (!containers.isArray() || containers.isEmpty()) {
            problems.add(path + ".containers: Required value");
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            if (c.path("name").asText("").isEmpty()) {
                problems.add(path + ".containers[" + i + "].name: Required value");
            }
            if (c.path("image").asText("").isEmpty()) {
                problems.add(path + ".containers[" + i + "].image: Required value");
            }
        }
    }
}
