package org.iepmp.kube.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;

/**
 * Parses manifest texts (multi-document YAML, or JSON) into object trees. Empty documents are
 * skipped; {@code kind: List} is flattened; anything without apiVersion, kind and name is an
 * {@link KubeErrorCode#INVALID_MANIFEST} naming the document.
 */
final class ManifestParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ManifestParser() {
    }

    static List<ObjectNode> parse(List<String> manifests, String server) {
        List<ObjectNode> objects = new ArrayList<>();
        int manifestNumber = 0;
        for (String text : manifests) {
            manifestNumber++;
            int document = 0;
            try (var parser = YAML.getFactory().createParser(text)) {
                var documents = YAML.readValues(parser, JsonNode.class);
                while (documents.hasNextValue()) {
                    document++;
                    JsonNode node = documents.nextValue();
                    collect(node, objects, manifestNumber, document, server);
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof KubeException kube) {
                    throw kube;
                }
                throw new KubeException(KubeErrorCode.INVALID_MANIFEST, "manifest " + manifestNumber + " is not valid YAML", e,
                        server, "manifest " + manifestNumber + ", document " + (document + 1) + ": " + firstLine(e.getMessage()));
            }
        }
        return objects;
    }

    private static void collect(JsonNode node, List<ObjectNode> into, int manifest, int document, String server) {
        if (node == null || node.isNull() || node.isMissingNode() || (node.isObject() && node.isEmpty())) {
            return;
        }
        if (!node.isObject()) {
            throw invalid(manifest, document, "not an object", server);
        }
        ObjectNode object = (ObjectNode) node;
        if ("List".equals(object.path("kind").asText()) || object.path("kind").asText().endsWith("List") && object.has("items")) {
            for (JsonNode item : object.path("items")) {
                collect(item, into, manifest, document, server);
            }
            return;
        }
        if (object.path("apiVersion").asText().isEmpty() || object.path("kind").asText().isEmpty()
                || object.path("metadata").path("name").asText().isEmpty()) {
            throw invalid(manifest, document, "apiVersion, kind and metadata.name are required", server);
        }
        into.add(object);
    }

    private static KubeException invalid(int manifest, int document, String why, String server) {
        return new KubeException(KubeErrorCode.INVALID_MANIFEST, "manifest " + manifest + " document " + document + ": " + why,
                server, "manifest " + manifest + ", document " + document + ": " + why);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
