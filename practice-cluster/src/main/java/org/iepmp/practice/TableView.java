package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The server-side printing kubectl asks for ({@code Accept: application/json;as=Table;g=meta.k8s.io;v=v1}). */
final class TableView {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    ObjectNode table(ResourceType type, ObjectNode list) {
        ObjectNode table = JSON.objectNode();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        table.set("metadata", list.get("metadata"));
        ArrayNode columns = table.putArray("columnDefinitions");
        List<String> names = switch (type.kind()) {
            case "Pod" -> List.of("Name", "Ready", "Status", "Restarts", "Age");
            case "Deployment" -> List.of("Name", "Ready", "Up-to-date", "Available", "Age");
            case "Node" -> List.of("Name", "Status", "Roles", "Age", "Version");
            case "Event" -> List.of("Last Seen", "Type", "Reason", "Object", "Message");
            default -> List.of("Name", "Age");
        };
        for (String name : names) {
            ObjectNode c = columns.addObject();
            c.put("name", name);
            c.put("type", name.equals("Restarts") || name.equals("Up-to-date") || name.equals("Available")
                    ? "integer" : "string");
            c.put("format", name.equals("Name") ? "name" : "");
            c.put("description", name);
            c.put("priority", 0);
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode o : list.path("items")) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            for (String name : names) {
                cells.add(cell(name, o));
            }
            ObjectNode partial = row.putObject("object");
            partial.put("kind", "PartialObjectMetadata");
            partial.put("apiVersion", "meta.k8s.io/v1");
            partial.set("metadata", o.get("metadata"));
        }
        return table;
    }

    private static JsonNode cell(String column, JsonNode o) {
        JsonNode status = o.path("status");
        return switch (column) {
            case "Name" -> JSON.textNode(ObjectStore.nameOf(o));
            case "Age" -> JSON.textNode(age(o.path("metadata").path("creationTimestamp").asText("")));
            case "Ready" -> {
                if (o.has("spec") && o.path("spec").has("containers")) {
                    int ready = 0;
                    for (JsonNode c : status.path("containerStatuses")) {
                        ready += c.path("ready").asBoolean() ? 1 : 0;
                    }
                    yield JSON.textNode(ready + "/" + o.path("spec").path("containers").size());
                }
                yield JSON.textNode(status.path("readyReplicas").asInt(0) + "/"
                        + o.path("spec").path("replicas").asInt(1));
            }
            case "Status" -> {
                if (o.path("metadata").path("labels").has("node-role.kubernetes.io/control-plane")
                        || status.has("nodeInfo")) {
                    yield JSON.textNode("Ready");
                }
                String shown = status.path("phase").asText("Pending");
                for (JsonNode c : status.path("containerStatuses")) {
                    if (c.path("state").has("waiting")) {
                        shown = c.path("state").path("waiting").path("reason").asText(shown);
                    }
                }
                for (JsonNode c : status.path("conditions")) {
                    if (c.path("reason").asText().equals("Unschedulable")) {
                        shown = "Pending";
                    }
                }
                yield JSON.textNode(shown);
            }
            case "Restarts" -> {
                int restarts = 0;
                for (JsonNode c : status.path("containerStatuses")) {
                    restarts += c.path("restartCount").asInt(0);
                }
                yield JSON.numberNode(restarts);
            }
            case "Up-to-date" -> JSON.numberNode(status.path("updatedReplicas").asInt(0));
            case "Available" -> JSON.numberNode(status.path("availableReplicas").asInt(0));
            case "Roles" -> JSON.textNode("control-plane");
            case "Last Seen" -> JSON.textNode(age(o.path("lastTimestamp").asText("")));
            case "Type" -> JSON.textNode(o.path("type").asText(""));
            case "Reason" -> JSON.textNode(o.path("reason").asText(""));
            case "Object" -> JSON.textNode(o.path("involvedObject").path("kind").asText("").toLowerCase(
                    java.util.Locale.ROOT) + "/" + o.path("involvedObject").path("name").asText(""));
            case "Message" -> JSON.textNode(o.path("message").asText(""));
            case "Version" -> JSON.textNode(status.path("nodeInfo").path("kubeletVersion").asText(""));
            default -> JSON.textNode("");
        };
    }

    private static String age(String timestamp) {
        if (timestamp.isEmpty()) {
            return "<unknown>";
        }
        Duration d = Duration.between(Instant.parse(timestamp), Instant.now());
        if (d.toDays() > 0) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m";
        }
        return Math.max(0, d.toSeconds()) + "s";
    }
}
