package org.iepmp.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.PatchTarget;
import org.iepmp.kube.api.ResourceSelector;
import org.junit.jupiter.api.Test;

/** Parsing, patching and ordering of manifests, which need no cluster. */
class ManifestPiecesTest {

    private static final String APP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: line-settings
            data:
              speed: "3"
            ---
            # a comment-only document is skipped
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: line-monitor
            spec:
              template:
                spec:
                  containers:
                    - name: monitor
                      image: registry.example/monitor:1.0
            """;

    @Test
    void multiDocumentYamlAndListsBecomeObjects() {
        List<ObjectNode> objects = ManifestParser.parse(List.of(APP, """
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "line-monitor"}}]}
                """), "srv");

        assertThat(objects).extracting(o -> o.path("kind").asText()).containsExactly("ConfigMap", "Deployment", "Service");
    }

    @Test
    void brokenYamlAndNamelessObjectsAreInvalidManifests() {
        assertThatThrownBy(() -> ManifestParser.parse(List.of("apiVersion: v1\nkind: ConfigMap\n  metadata: : x\n"), "srv"))
                .isInstanceOfSatisfying(KubeException.class, e -> {
                    assertThat(e.code()).isEqualTo(KubeErrorCode.INVALID_MANIFEST);
                    assertThat(e.params()).first().isEqualTo("srv");
                });
        assertThatThrownBy(() -> ManifestParser.parse(List.of("apiVersion: v1\nkind: ConfigMap\n"), "srv"))
                .isInstanceOfSatisfying(KubeException.class, e -> assertThat(e.params().get(1).toString())
                        .contains("metadata.name"));
    }

    @Test
    void patchTargetsSetValuesCreatingParentsAndAppendingToLists() {
        List<ObjectNode> objects = ManifestParser.parse(List.of(APP), "srv");
        ResourceSelector deployment = new ResourceSelector("apps/v1", "Deployment", "line-monitor", "");

        Fabric8ManifestDriver.applyPatches(objects, List.of(
                new PatchTarget(deployment, "/spec/replicas", 3),
                new PatchTarget(deployment, "/spec/template/metadata/annotations/iepmp.org~1line", "hall-3"),
                new PatchTarget(deployment, "/spec/template/spec/containers/0/env/-", Map.of("name", "SPEED", "value", "5")),
                new PatchTarget(new ResourceSelector("", "ConfigMap", "", ""), "/data/speed", "5")));

        ObjectNode d = objects.get(1);
        assertThat(d.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(d.at("/spec/template/metadata/annotations").path("iepmp.org/line").asText()).isEqualTo("hall-3");
        assertThat(d.at("/spec/template/spec/containers/0/env/0/name").asText()).isEqualTo("SPEED");
        assertThat(objects.get(0).at("/data/speed").asText()).isEqualTo("5");
    }

    @Test
    void patchTargetsThatMatchNothingOrCrossAScalarAreErrors() {
        List<ObjectNode> objects = ManifestParser.parse(List.of(APP), "srv");

        assertThatThrownBy(() -> Fabric8ManifestDriver.applyPatches(objects, List.of(new PatchTarget(
                new ResourceSelector("", "Deployment", "no-such", ""), "/spec/replicas", 1))))
                .isInstanceOfSatisfying(KubeException.class, e -> assertThat(e.code()).isEqualTo(KubeErrorCode.INVALID_MANIFEST));
        assertThatThrownBy(() -> Fabric8ManifestDriver.applyPatches(objects, List.of(new PatchTarget(
                new ResourceSelector("", "ConfigMap", "", ""), "/data/speed/deeper", 1))))
                .isInstanceOfSatisfying(KubeException.class, e -> assertThat(e.code()).isEqualTo(KubeErrorCode.INVALID_MANIFEST));
        assertThatThrownBy(() -> JsonPointerPatch.set(new ObjectMapper().createObjectNode().putArray("a").addObject(),
                "/x/7/y", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namespacesAndCrdsComeBeforeWorkloadsAndCustomResourcesLast() {
        assertThat(ApplyOrder.rank("Namespace")).isLessThan(ApplyOrder.rank("CustomResourceDefinition"));
        assertThat(ApplyOrder.rank("ConfigMap")).isLessThan(ApplyOrder.rank("Deployment"));
        assertThat(ApplyOrder.rank("Deployment")).isLessThan(ApplyOrder.rank("LineMonitorConfig"));
    }
}
