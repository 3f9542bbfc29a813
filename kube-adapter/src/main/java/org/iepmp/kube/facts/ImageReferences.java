package org.iepmp.kube.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Image references: which images a manifest uses, and the normalized form container runtimes
 * report ({@code nginx} is {@code docker.io/library/nginx:latest}).
 */
final class ImageReferences {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");

    private ImageReferences() {
    }

    static List<String> imagesIn(String manifest) {
        Set<String> images = new LinkedHashSet<>();
        try (var parser = YAML.getFactory().createParser(manifest)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNextValue()) {
                collect(documents.nextValue(), images);
            }
        } catch (IOException | RuntimeException e) {
            // A manifest that does not parse has no images we could check; the driver reports the YAML error itself.
            return List.copyOf(images);
        }
        return List.copyOf(images);
    }

    private static void collect(JsonNode node, Set<String> images) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (CONTAINER_LISTS.contains(field.getKey()) && field.getValue().isArray()) {
                    for (JsonNode container : field.getValue()) {
                        String image = container.path("image").asText("");
                        if (!image.isBlank()) {
                            images.add(image.strip());
                        }
                    }
                }
                collect(field.getValue(), images);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, images));
        }
    }

    /** docker.io/library/nginx:latest for nginx; digests kept as repo@sha256:... */
    static String normalize(String reference) {
        String ref = reference.strip();
        String digest = "";
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = ref.substring(at);
            ref = ref.substring(0, at);
        }
        String tag = "";
        int lastSlash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon > lastSlash) {
            tag = ref.substring(colon);
            ref = ref.substring(0, colon);
        }
        int firstSlash = ref.indexOf('/');
        if (firstSlash < 0) {
            ref = "docker.io/library/" + ref;
        } else {
            String first = ref.substring(0, firstSlash);
            if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
                ref = "docker.io/" + ref;
            }
        }
        if (!digest.isEmpty()) {
            return ref + digest;
        }
        return ref + (tag.isEmpty() ? ":latest" : tag);
    }
}
