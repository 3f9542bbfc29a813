package org.iepmp.lifecycle.engine.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/**
 * What rendered manifests ask of the cluster: the images they run and the CPU (millicores) and
 * memory (bytes) their pods request, replicas counted (a DaemonSet once per node).
 */
public record ManifestFacts(Set<String> images, long cpuMillis, long memoryBytes) {

    private static final YAMLMapper YAML = new YAMLMapper();

    public ManifestFacts {
        images = Set.copyOf(images);
    }

    public static ManifestFacts of(String renderedYaml, int nodes) {
        Set<String> images = new TreeSet<>();
        long cpu = 0;
        long memory = 0;
        if (renderedYaml == null || renderedYaml.isBlank()) {
            return new ManifestFacts(images, 0, 0);
        }
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(renderedYaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || !document.isObject()) {
                    continue;
                }
                String kind = document.path("kind").asText("");
                JsonNode podSpec;
                long copies;
                switch (kind) {
                    case "Pod" -> {
                        podSpec = document.path("spec");
                        copies = 1;
                    }
                    case "Deployment", "StatefulSet", "ReplicaSet" -> {
                        podSpec = document.path("spec").path("template").path("spec");
                        copies = document.path("spec").path("replicas").asLong(1);
                    }
                    case "DaemonSet" -> {
                        podSpec = document.path("spec").path("template").path("spec");
                        copies = Math.max(1, nodes);
                    }
                    case "Job" -> {
                        podSpec = document.path("spec").path("template").path("spec");
                        copies = document.path("spec").path("parallelism").asLong(1);
                    }
                    default -> {
                        continue;
                    }
                }
                for (String list : new String[] {"containers", "initContainers"}) {
                    for (JsonNode container : podSpec.path(list)) {
                        String image = container.path("image").asText("");
                        if (!image.isEmpty()) {
                            images.add(image);
                        }
                        if (list.equals("containers")) {
                            JsonNode requests = container.path("resources").path("requests");
                            cpu += copies * cpuMillis(requests.path("cpu").asText(""));
                            memory += copies * bytes(requests.path("memory").asText(""));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("rendered manifests are not readable YAML", e);
        }
        return new ManifestFacts(images, cpu, memory);
    }

    /** {@code 250m}, {@code 0.5}, {@code 2}. */
    static long cpuMillis(String quantity) {
        if (quantity.isEmpty()) {
            return 0;
        }
        if (quantity.endsWith("m")) {
            return new BigDecimal(quantity.substring(0, quantity.length() - 1)).longValue();
        }
        return new BigDecimal(quantity).movePointRight(3).longValue();
    }

    /** {@code 64Mi}, {@code 1Gi}, {@code 500M}, {@code 1000}. */
    static long bytes(String quantity) {
        if (quantity.isEmpty()) {
            return 0;
        }
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
            {"k", "1000"}, {"K", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] suffix : suffixes) {
            if (quantity.endsWith(suffix[0])) {
                return new BigDecimal(quantity.substring(0, quantity.length() - suffix[0].length()))
                        .multiply(new BigDecimal(suffix[1])).longValue();
            }
        }
        return new BigDecimal(quantity).longValue();
    }

    public ManifestFacts plus(ManifestFacts other) {
        Set<String> all = new TreeSet<>(images);
        all.addAll(other.images);
        return new ManifestFacts(all, cpuMillis + other.cpuMillis, memoryBytes + other.memoryBytes);
    }
}
